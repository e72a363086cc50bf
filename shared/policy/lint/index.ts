/**
 * The policy linter: a normalised document plus what it is for → findings with a severity, a
 * stable code, a message that says the fix, and the path (and line/column for text).
 *
 * Rule codes and severities:
 *   from the parser (lintPolicyText only)   error: every parser problem code (JSON_SYNTAX_ERROR,
 *                                           UNKNOWN_ELEMENT, MISSING_EFFECT, INVALID_ARN, …);
 *                                           warning: POLICY_SIZE_NEAR_QUOTA
 *   version.ts           warning          MISSING_VERSION, OLD_VERSION
 *   sid.ts               error            DUPLICATE_SID, INVALID_SID (warning in resource policies)
 *                        suggestion       EMPTY_SID_VALUE
 *   actions.ts           error            INVALID_SERVICE, INVALID_ACTION (with the nearest real name)
 *   resource-mismatch.ts error            RESOURCE_MISMATCH
 *   arn-segments.ts      error            ARN_ACCOUNT_NOT_ALLOWED, ARN_REGION_NOT_ALLOWED, PARTITION_MISMATCH
 *   wildcards.ts         securityWarning  ALL_ACTIONS, SERVICE_WIDE_ACTION, RESOURCE_STAR,
 *                                         PASS_ROLE_WITH_STAR_IN_RESOURCE, ASSUME_ROLE_WITH_STAR_IN_RESOURCE
 *   not-elements.ts      securityWarning  ALLOW_WITH_NOT_ACTION, ALLOW_WITH_NOT_RESOURCE
 *   redundancy.ts        suggestion       REDUNDANT_STATEMENT, REDUNDANT_ACTION, REDUNDANT_RESOURCE
 *   trust.ts             securityWarning  TRUST_ANY_PRINCIPAL, CROSS_ACCOUNT_TRUST_WITHOUT_EXTERNAL_ID
 *   informatica.ts       error            INFA_MISSING_LIST_BUCKET, INFA_MISSING_GET_OBJECT,
 *                                         INFA_MISSING_PUT_OBJECT, INFA_MISSING_DELETE_OBJECT,
 *                                         INFA_MISSING_LIST_BUCKET_MULTIPART_UPLOADS
 *   conditions.ts        error            INVALID_SERVICE_CONDITION_KEY
 *                        warning          CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS
 *   (context.ts)         warning          CATALOGUE_UNAVAILABLE
 */
import type { PolicyDocument } from '../model';
import { parsePolicyText } from '../parse';
import type { PolicyProblem } from '../parse-problem';
import { PolicyLintContext } from './context';
import { actionsRule } from './rules/actions';
import { arnSegmentsRule } from './rules/arn-segments';
import { conditionsRule } from './rules/conditions';
import { informaticaRule } from './rules/informatica';
import { notElementsRule } from './rules/not-elements';
import { redundancyRule } from './rules/redundancy';
import { resourceMismatchRule } from './rules/resource-mismatch';
import { sidRule } from './rules/sid';
import { trustRule } from './rules/trust';
import { versionRule } from './rules/version';
import { wildcardsRule } from './rules/wildcards';
import type { LintFinding, LintOptions, LintRule, LintSeverity } from './types';

export type { InformaticaIntent, LintFinding, LintOptions, LintSeverity } from './types';

export const LINT_RULES: readonly LintRule[] = [
  versionRule,
  sidRule,
  actionsRule,
  resourceMismatchRule,
  arnSegmentsRule,
  conditionsRule,
  wildcardsRule,
  notElementsRule,
  redundancyRule,
  trustRule,
  informaticaRule,
];

export async function lintPolicy(document: PolicyDocument, options: LintOptions): Promise<LintFinding[]> {
  const context = new PolicyLintContext(document, options);
  const findings: LintFinding[] = [];
  for (const rule of LINT_RULES) findings.push(...(await rule(context)));
  findings.push(...context.catalogueFindings());
  return findings;
}

function fromProblem(problem: PolicyProblem, severity: LintSeverity): LintFinding {
  return {
    severity,
    code: problem.code,
    message: `${problem.message} ${problem.nextStep}`,
    path: problem.path,
    ...(problem.line !== undefined && problem.column !== undefined ? { line: problem.line, column: problem.column } : {}),
  };
}

/** Parses, then lints; parser problems come back as error findings, placed in the text. */
export async function lintPolicyText(text: string, options: LintOptions): Promise<LintFinding[]> {
  const parsed = parsePolicyText(text, options.kind);
  const outcome = parsed.outcome;
  if (!outcome.ok) return outcome.errors.map((p) => fromProblem(p, 'error'));
  const findings = await lintPolicy(outcome.document, options);
  return [
    ...outcome.warnings.map((p) => fromProblem(p, 'warning')),
    ...findings.map((finding) => {
      const position = parsed.locate(finding.path);
      return position === undefined ? finding : { ...finding, ...position };
    }),
  ];
}

/** True when a finding list should fail a check (the CLI exits 1). */
export function hasErrors(findings: readonly LintFinding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

import type { ServiceInfo } from '../../catalogue';
import { findAction, resourceTypesOf } from '../../catalogue';
import type { Statement } from '../../model';
import { closestName } from '../closest-name';
import { actionCovers, patternMatchesText } from '../glob';
import { hasWildcard, splitAction } from '../statement-facts';
import type { LintContext, LintFinding, LintRule } from '../types';

/**
 * INVALID_SERVICE_CONDITION_KEY: a condition key of a known service that the service does not
 * define (a typo such as `s3:prefx` makes a StringLike condition always false, so the grant
 * silently never applies). CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS: a real key that none of the
 * statement's actions supplies, e.g. `s3:prefix` on s3:GetObject. Global `aws:` keys are not
 * checked: the package keeps their list in code, not in its data files. Keys of other
 * prefixes (`saml:`, OIDC provider hosts) are not services and are left alone.
 */

/** `s3:ExistingObjectTag/<key>`, `aws:ResourceTag/${TagKey}`: placeholders match anything. */
function keyMatches(template: string, key: string): boolean {
  return patternMatchesText(template.toLowerCase().replace(/<[^>]*>/g, '*'), key.toLowerCase());
}

/** Condition keys that the statement's actions (of this service) can supply, or undefined if unknowable. */
function keysSuppliedByActions(statement: Statement, service: ServiceInfo): string[] | undefined {
  if (statement.Action === undefined) return undefined;
  const keys: string[] = [];
  let sawActionOfService = false;
  for (const pattern of statement.Action) {
    const parts = splitAction(pattern);
    if (parts === undefined) return undefined;
    if (parts.prefix !== service.prefix) continue;
    const exact = hasWildcard(parts.name) ? undefined : findAction(service, parts.name);
    const matching = exact !== undefined ? [exact] : [...service.actions.values()].filter((a) => actionCovers(pattern, `${service.prefix}:${a.name}`));
    for (const action of matching) {
      sawActionOfService = true;
      keys.push(...action.conditionKeys);
      for (const type of resourceTypesOf(service, action)) keys.push(...type.conditionKeys);
    }
  }
  return sawActionOfService ? keys : undefined;
}

function optionalOperator(operator: string): boolean {
  const unqualified = operator.replace(/^(ForAnyValue|ForAllValues):/i, '').toLowerCase();
  return unqualified === 'null' || unqualified.endsWith('ifexists');
}

async function checkKey(context: LintContext, statement: Statement, operator: string, key: string, path: readonly (string | number)[]): Promise<LintFinding | undefined> {
  const colon = key.indexOf(':');
  const prefix = key.slice(0, colon).toLowerCase();
  if (colon <= 0 || prefix === 'aws') return undefined;
  const service = await context.service(prefix);
  if (service === undefined) return undefined;
  const ownKeys = service.conditionKeys.filter((k) => k.toLowerCase().startsWith(`${prefix}:`));
  if (!ownKeys.some((k) => keyMatches(k, key))) {
    const suggestion = closestName(key, ownKeys.filter((k) => !/[<$]/.test(k)));
    return {
      severity: 'error',
      code: 'INVALID_SERVICE_CONDITION_KEY',
      message: `"${key}" is not a condition key of ${prefix}${suggestion !== undefined ? `: did you mean "${suggestion}"?` : '.'} A condition on a key that is never present ${operator.includes('Not') ? 'always matches' : 'never matches'}.`,
      path,
    };
  }
  if (optionalOperator(operator)) return undefined;
  const supplied = keysSuppliedByActions(statement, service);
  if (supplied === undefined || supplied.some((k) => keyMatches(k, key))) return undefined;
  return {
    severity: 'warning',
    code: 'CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS',
    message: `None of this statement's ${prefix} actions carries "${key}" in its request, so the condition ${operator.includes('Not') ? 'always matches' : 'never matches'} for them. Move the condition to the statement of the action that supports it (for s3:prefix: s3:ListBucket), or use ${operator}IfExists.`,
    path,
  };
}

export const conditionsRule: LintRule = async (context) => {
  const findings: LintFinding[] = [];
  for (const { statement, path } of context.statements) {
    for (const [operator, entries] of Object.entries(statement.Condition ?? {})) {
      for (const key of Object.keys(entries)) {
        const finding = await checkKey(context, statement, operator, key, [...path, 'Condition', operator, key]);
        if (finding !== undefined) findings.push(finding);
      }
    }
  }
  return findings;
};

import { evaluateConditionBlock } from './conditions/condition-block';
import type { CompiledStatement } from './compiled-policy';
import { firstUnresolvedVariable, resolveTemplate } from './policy-variables';
import { notPrincipalExempts, principalGrant, type GrantKind } from './principal-match';
import type { EvaluationRequest } from './request';
import { globMatches } from './wildcard';

/**
 * Does one statement apply to the request? (IAM User Guide, "Policy evaluation logic" and the
 * element pages for Action/NotAction, Resource/NotResource, Principal/NotPrincipal,
 * Condition.) A statement applies when its action element, its resource element, its
 * principal element (resource-based policies only) and every condition match.
 * - Action compares case-insensitively, Resource case-sensitively, both with `*` and `?`;
 *   `*` runs across `/` and `:`.
 * - A resource-based policy (a trust policy in particular) may omit Resource: the statement
 *   then covers the resource the policy is attached to. Identity policies must name one.
 * - A policy variable with no value in the request and no default makes the statement not
 *   apply (IAM User Guide, "Policy variables").
 */

export interface StatementMatch {
  readonly applies: boolean;
  /** For resource-based policies: how the statement names the caller. */
  readonly grant?: GrantKind;
  /** Why the statement could not be evaluated as written, when that decided it. */
  readonly problem?: string;
}

const NO_MATCH: StatementMatch = { applies: false };

export interface StatementScope {
  /** The statement sits in a resource-based policy: check Principal/NotPrincipal, Resource may be absent. */
  readonly resourceBased: boolean;
  /** The caller has a permissions boundary (affects Deny + NotPrincipal, see evaluate.ts). */
  readonly callerHasBoundary: boolean;
}

export function matchStatement(statement: CompiledStatement, request: EvaluationRequest, scope: StatementScope): StatementMatch {
  if (!actionMatches(statement, request)) return NO_MATCH;
  const resource = resourceMatches(statement, request, scope.resourceBased);
  if (resource !== true) return resource === false ? NO_MATCH : { applies: false, problem: resource };

  let grant: GrantKind | undefined;
  if (scope.resourceBased) {
    const principal = principalMatches(statement, request, scope);
    if (principal === undefined) return NO_MATCH;
    grant = principal;
  }
  if (statement.conditions !== undefined) {
    const outcome = evaluateConditionBlock(statement.conditions, request);
    if (!outcome.holds) return outcome.problem === undefined ? NO_MATCH : { applies: false, problem: outcome.problem };
  }
  return grant === undefined ? { applies: true } : { applies: true, grant };
}

function actionMatches(statement: CompiledStatement, request: EvaluationRequest): boolean {
  const actions = statement.actions;
  if (actions === undefined) return false;
  const listed = actions.patterns.some((pattern) => globMatches(pattern, request.actionLower));
  return listed !== actions.negated;
}

/** true / false, or a problem sentence when a policy variable cannot be resolved. */
function resourceMatches(statement: CompiledStatement, request: EvaluationRequest, resourceBased: boolean): boolean | string {
  const resources = statement.resources;
  if (resources === undefined) return resourceBased;
  let listed = false;
  for (const template of resources.patterns) {
    const pattern = resolveTemplate(template, request);
    if (pattern === undefined) {
      return `policy variable ${firstUnresolvedVariable(template, request) ?? '(unknown)'} in ${resources.negated ? 'NotResource' : 'Resource'} has no value in the request`;
    }
    if (globMatches(pattern, request.resource)) {
      listed = true;
      break;
    }
  }
  return listed !== resources.negated;
}

function principalMatches(statement: CompiledStatement, request: EvaluationRequest, scope: StatementScope): GrantKind | undefined {
  if (statement.principal !== undefined) return principalGrant(statement.principal, request.caller);
  if (statement.notPrincipal !== undefined) {
    // "Permissions boundaries for IAM entities": a Deny with NotPrincipal in a resource-based
    // policy always denies a principal that has a permissions boundary, whatever it lists.
    if (statement.effect === 'Deny' && scope.callerHasBoundary) return 'everyone';
    return notPrincipalExempts(statement.notPrincipal, request.caller) ? undefined : 'everyone';
  }
  return undefined;
}

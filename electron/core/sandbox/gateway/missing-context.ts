import { EvaluationRequest } from '../../../../shared/policy/eval/request';
import { compileGlob, globMatches } from '../../../../shared/policy/eval/wildcard';
import type { RequestContext } from '../../../../shared/policy/evaluation-types';
import type { NamedPolicy, Statement } from '../../../../shared/policy/model';

/**
 * SimulatePrincipalPolicy's MissingContextValues: condition keys that statements applying to the
 * action and resource test, but that the simulation was not given (nor implied by the principal,
 * as the evaluator implies aws:PrincipalArn, aws:username, ...). `…IfExists` and `Null`
 * conditions do not need the key, so they are not counted.
 */

function anyMatches(patterns: readonly string[], value: string, lowerCase: boolean): boolean {
  const subject = lowerCase ? value.toLowerCase() : value;
  return patterns.some((pattern) => globMatches(compileGlob(lowerCase ? pattern.toLowerCase() : pattern), subject));
}

function applies(statement: Statement, action: string, resource: string): boolean {
  const actionApplies = statement.Action !== undefined ? anyMatches(statement.Action, action, true) : statement.NotAction !== undefined && !anyMatches(statement.NotAction, action, true);
  if (!actionApplies) return false;
  // A simulation without a resource stands for every resource.
  if (resource === '*') return true;
  if (statement.Resource !== undefined) return anyMatches(statement.Resource, resource, false);
  if (statement.NotResource !== undefined) return !anyMatches(statement.NotResource, resource, false);
  return true;
}

export function missingContextKeys(policies: readonly NamedPolicy[], request: RequestContext): string[] {
  const supplied = new EvaluationRequest(request);
  const missing = new Map<string, string>();
  for (const policy of policies) {
    for (const statement of policy.document.Statement) {
      if (statement.Condition === undefined || !applies(statement, request.action, request.resource)) continue;
      for (const [operator, block] of Object.entries(statement.Condition)) {
        if (operator.endsWith('IfExists') || operator === 'Null') continue;
        for (const key of Object.keys(block)) {
          if (supplied.values(key) === undefined && !missing.has(key.toLowerCase())) missing.set(key.toLowerCase(), key);
        }
      }
    }
  }
  return [...missing.values()];
}

import type { ConditionBlock } from '../../model';
import { compileTemplate, firstUnresolvedVariable, type VariableSource } from '../policy-variables';
import { asBoolean } from './bool-operator';
import type { ValueMatcher, ValueOutcome } from './operator';
import { operatorAllowsVariables, parseOperator, type ParsedOperator } from './operator-table';

/**
 * A statement's `Condition` block (IAM User Guide, "Condition", "Condition operators",
 * "Conditions with multiple context keys or values", "Single-valued vs. multivalued context
 * keys"):
 * - operators are AND-ed, keys under one operator are AND-ed, values for one key are OR-ed
 *   (NOR for a negated operator);
 * - a key missing from the request makes the condition false, except for `…IfExists` (true),
 *   `Null`, and negated operators (true: the key cannot match what it must not match);
 * - `ForAllValues:` is true when every request value matches, and also when the key is
 *   absent or its values are an empty set; `ForAnyValue:` needs one matching request value
 *   and is false for an absent key or an empty set.
 * An operator that is not recognised makes its condition false; the outcome says why.
 */

/** What a condition block needs from the request. */
export interface ConditionRequest extends VariableSource {
  values(key: string): readonly string[] | undefined;
}

export interface ConditionOutcome {
  readonly holds: boolean;
  /** Why a condition could not be evaluated as written (unknown operator, bad value, unresolved variable). */
  readonly problem?: string;
}

interface CompiledCondition {
  readonly operatorName: string;
  readonly key: string;
  readonly parsed: ParsedOperator;
  readonly policyValues: readonly string[];
  readonly matchers: readonly ValueMatcher[];
}

export interface CompiledConditionBlock {
  readonly conditions: readonly CompiledCondition[];
}

const HOLDS: ConditionOutcome = { holds: true };
const FAILS: ConditionOutcome = { holds: false };

export function compileConditionBlock(block: ConditionBlock, variables: boolean): CompiledConditionBlock {
  const conditions: CompiledCondition[] = [];
  for (const [operatorName, keys] of Object.entries(block)) {
    const parsed = parseOperator(operatorName);
    for (const [key, policyValues] of Object.entries(keys)) {
      const matchers =
        parsed.kind === 'values'
          ? policyValues.map((value) => parsed.operator.compile(value, variables && operatorAllowsVariables(parsed.operator)))
          : [];
      conditions.push({ operatorName, key, parsed, policyValues, matchers });
    }
  }
  return { conditions };
}

export function evaluateConditionBlock(block: CompiledConditionBlock, request: ConditionRequest): ConditionOutcome {
  for (const condition of block.conditions) {
    const outcome = evaluateCondition(condition, request);
    if (!outcome.holds) return outcome;
  }
  return HOLDS;
}

function evaluateCondition(condition: CompiledCondition, request: ConditionRequest): ConditionOutcome {
  const { parsed } = condition;
  if (parsed.kind === 'unknown') return { holds: false, problem: `condition operator "${parsed.name}" is not recognised` };
  const values = request.values(condition.key);
  const present = values !== undefined && values.length > 0;
  if (parsed.kind === 'null') return evaluateNull(condition, present);

  const { operator, qualifier, ifExists } = parsed;
  if (!present) {
    if (ifExists || qualifier === 'ForAllValues') return HOLDS;
    if (qualifier === 'ForAnyValue') return FAILS;
    return operator.negated ? HOLDS : FAILS;
  }
  if (qualifier !== undefined && values.every((value) => value === '')) return qualifier === 'ForAllValues' ? HOLDS : FAILS;

  const wantMatch = !operator.negated;
  const everyValue = qualifier === 'ForAllValues' || (qualifier === undefined && operator.negated);
  for (const requestValue of values) {
    const matched = anyPolicyValueMatches(condition.matchers, requestValue, request);
    if (typeof matched === 'string') return explainProblem(condition, matched, requestValue, request);
    const satisfied = matched === wantMatch;
    if (everyValue && !satisfied) return FAILS;
    if (!everyValue && satisfied) return HOLDS;
  }
  return everyValue ? HOLDS : FAILS;
}

function anyPolicyValueMatches(matchers: readonly ValueMatcher[], requestValue: string, request: ConditionRequest): ValueOutcome {
  let matched = false;
  for (const matcher of matchers) {
    const outcome = matcher(requestValue, request);
    if (typeof outcome === 'string') return outcome;
    if (outcome) matched = true;
  }
  return matched;
}

function evaluateNull(condition: CompiledCondition, present: boolean): ConditionOutcome {
  for (const value of condition.policyValues) {
    const expectAbsent = asBoolean(value);
    if (expectAbsent === undefined) return { holds: false, problem: `Null needs "true" or "false", not "${value}" (key ${condition.key})` };
    if (expectAbsent !== present) return HOLDS;
  }
  return FAILS;
}

function explainProblem(condition: CompiledCondition, kind: 'invalid' | 'unresolved', requestValue: string, request: ConditionRequest): ConditionOutcome {
  if (kind === 'unresolved') {
    const variable = condition.policyValues
      .map((value) => firstUnresolvedVariable(compileTemplate(value, { wildcards: false, variables: true }), request))
      .find((found) => found !== undefined);
    return { holds: false, problem: `policy variable ${variable ?? '(unknown)'} in ${condition.operatorName} has no value in the request` };
  }
  return {
    holds: false,
    problem: `${condition.operatorName} on ${condition.key} cannot compare "${requestValue}" with ${condition.policyValues.map((v) => `"${v}"`).join(', ')}`,
  };
}

import type { VariableSource } from '../policy-variables';

/**
 * One request value tested against one policy value. `invalid` means a value is not of the
 * operator's type (e.g. "abc" for NumericLessThan); `unresolved` means a policy variable in
 * the policy value has no value in the request. Both make the condition false, and the
 * evaluator explains which.
 */
export type ValueOutcome = boolean | 'invalid' | 'unresolved';

/** A policy value compiled once; called per request value. */
export type ValueMatcher = (requestValue: string, variables: VariableSource) => ValueOutcome;

/** How an operator family compiles a policy value. `variables` is false in 2008-10-17 policies. */
export type CompileValue = (policyValue: string, variables: boolean) => ValueMatcher;

/**
 * A condition operator: a positive test plus whether the operator negates it. Negated
 * operators (StringNotEquals, NotIpAddress, ...) are true when no policy value matches.
 */
export interface ConditionOperator {
  readonly name: string;
  readonly negated: boolean;
  readonly compile: CompileValue;
}

import type { CompileValue } from './operator';

/**
 * Numeric condition operators (IAM User Guide, "Condition operators" → Numeric): integer or
 * decimal values; policy variables are not supported, so the policy value is parsed once.
 */

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export function parseNumber(value: string): number | undefined {
  const trimmed = value.trim();
  return NUMBER.test(trimmed) ? Number(trimmed) : undefined;
}

function numericComparison(compare: (request: number, policy: number) => boolean): CompileValue {
  return (policyValue) => {
    const policy = parseNumber(policyValue);
    return (requestValue) => {
      const request = parseNumber(requestValue);
      if (policy === undefined || request === undefined) return 'invalid';
      return compare(request, policy);
    };
  };
}

export const compileNumericEquals = numericComparison((r, p) => r === p);
export const compileNumericLessThan = numericComparison((r, p) => r < p);
export const compileNumericLessThanEquals = numericComparison((r, p) => r <= p);
export const compileNumericGreaterThan = numericComparison((r, p) => r > p);
export const compileNumericGreaterThanEquals = numericComparison((r, p) => r >= p);

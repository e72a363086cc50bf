import type { CompileValue } from './operator';

/** `Bool` (IAM User Guide, "Condition operators" → Boolean): "true" or "false", any case. */
export const compileBool: CompileValue = (policyValue) => {
  const policy = asBoolean(policyValue);
  return (requestValue) => {
    const request = asBoolean(requestValue);
    if (policy === undefined || request === undefined) return 'invalid';
    return request === policy;
  };
};

export function asBoolean(value: string): boolean | undefined {
  const lower = value.trim().toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return undefined;
}

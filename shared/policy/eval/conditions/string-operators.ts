import { globMatches } from '../wildcard';
import { compileTemplate, resolveTemplate } from '../policy-variables';
import type { CompileValue } from './operator';

/**
 * String condition operators (IAM User Guide, "Condition operators" → String): `StringEquals`
 * is exact and case-sensitive with `*` literal; `StringEqualsIgnoreCase` ignores case;
 * `StringLike` is case-sensitive with `*` and `?` wildcards. All accept policy variables.
 */

export const compileStringEquals: CompileValue = (policyValue, variables) => {
  const template = compileTemplate(policyValue, { wildcards: false, variables });
  return (requestValue, source) => {
    const pattern = resolveTemplate(template, source);
    return pattern === undefined ? 'unresolved' : pattern.text === requestValue;
  };
};

export const compileStringEqualsIgnoreCase: CompileValue = (policyValue, variables) => {
  const template = compileTemplate(policyValue, { wildcards: false, variables });
  return (requestValue, source) => {
    const pattern = resolveTemplate(template, source, true);
    return pattern === undefined ? 'unresolved' : pattern.text === requestValue.toLowerCase();
  };
};

export const compileStringLike: CompileValue = (policyValue, variables) => {
  const template = compileTemplate(policyValue, { wildcards: true, variables });
  return (requestValue, source) => {
    const pattern = resolveTemplate(template, source);
    return pattern === undefined ? 'unresolved' : globMatches(pattern, requestValue);
  };
};

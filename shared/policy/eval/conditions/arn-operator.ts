import { GlobBuilder, LITERAL, globMatches, type GlobPattern } from '../wildcard';
import { compileTemplate, resolveTemplate } from '../policy-variables';
import type { CompileValue } from './operator';

/**
 * ARN condition operators (IAM User Guide, "Condition operators" → ARN): `ArnEquals` and
 * `ArnLike` behave identically — case-sensitive, each of the six colon-delimited components
 * compared separately, each allowing `*` and `?`. The sixth component is the rest of the
 * ARN, colons included. A policy value that is not six components (e.g. `*`) is compared
 * as a whole.
 */

const ARN_COMPONENTS = 6;

export const compileArnLike: CompileValue = (policyValue, variables) => {
  const template = compileTemplate(policyValue, { wildcards: true, variables });
  const constantComponents = template.constant === undefined ? undefined : splitPattern(template.constant);
  return (requestValue, source) => {
    let components = constantComponents;
    let whole: GlobPattern | undefined = template.constant;
    if (whole === undefined) {
      whole = resolveTemplate(template, source);
      if (whole === undefined) return 'unresolved';
      components = splitPattern(whole);
    }
    if (components === undefined) return globMatches(whole, requestValue);
    const requestComponents = splitArn(requestValue);
    if (requestComponents === undefined) return false;
    for (let i = 0; i < ARN_COMPONENTS; i++) {
      if (!globMatches(components[i] as GlobPattern, requestComponents[i] as string)) return false;
    }
    return true;
  };
};

function splitArn(value: string): string[] | undefined {
  const components: string[] = [];
  let start = 0;
  for (let i = 0; i < ARN_COMPONENTS - 1; i++) {
    const colon = value.indexOf(':', start);
    if (colon < 0) return undefined;
    components.push(value.slice(start, colon));
    start = colon + 1;
  }
  components.push(value.slice(start));
  return components;
}

/** Splits a pattern at its first five literal colons; undefined when it has fewer. */
function splitPattern(pattern: GlobPattern): GlobPattern[] | undefined {
  const components: GlobPattern[] = [];
  let builder = new GlobBuilder();
  for (let i = 0; i < pattern.text.length; i++) {
    const kind = pattern.kinds === undefined ? LITERAL : pattern.kinds[i];
    const ch = pattern.text[i] as string;
    if (kind === LITERAL && ch === ':' && components.length < ARN_COMPONENTS - 1) {
      components.push(builder.build());
      builder = new GlobBuilder();
    } else if (kind === LITERAL) builder.literal(ch);
    else if (ch === '*') builder.star();
    else builder.one();
  }
  components.push(builder.build());
  return components.length === ARN_COMPONENTS ? components : undefined;
}

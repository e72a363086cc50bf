import { GlobBuilder, type GlobPattern } from './wildcard';

/**
 * Policy variables (IAM User Guide, "IAM policy elements: Variables and tags"):
 * `${key}` is replaced by the request's value for that condition key, `${key, 'default'}`
 * falls back to the default when the key is missing, and `${*}`, `${?}`, `${$}` stand for a
 * literal `*`, `?` and `$`. Variables exist only in policy language 2012-10-17; in
 * 2008-10-17 the text is literal. A template is compiled once and resolved per request;
 * substituted values are literal text, never wildcards.
 */

export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'star' }
  | { readonly kind: 'one' }
  | { readonly kind: 'variable'; readonly key: string; readonly fallback: string | undefined; readonly source: string };

export interface PolicyTemplate {
  readonly source: string;
  readonly parts: readonly TemplatePart[];
  /** Set when the template has no variables: the pattern, compiled once. */
  readonly constant: GlobPattern | undefined;
  readonly constantFolded: GlobPattern | undefined;
}

export interface TemplateOptions {
  /** `*` and `?` are wildcards (StringLike, ArnLike, Action, Resource) or literal (StringEquals). */
  readonly wildcards: boolean;
  /** Policy variables are substituted (2012-10-17 and an element or operator that allows them). */
  readonly variables: boolean;
}

/** Where a template finds variable values; it records keys it could not resolve. */
export interface VariableSource {
  /** The single value of a condition key (case-insensitive name), or undefined when absent. */
  singleValue(key: string): string | undefined;
}

const VARIABLE_BODY = /^\s*([^\s,'}]+)\s*(?:,\s*'([^']*)'\s*)?$/;
const SPECIAL_CHARACTERS: Readonly<Record<string, string>> = { '*': '*', '?': '?', $: '$' };

const templateCache = new Map<string, PolicyTemplate>();
const TEMPLATE_CACHE_LIMIT = 10_000;

export function compileTemplate(source: string, options: TemplateOptions): PolicyTemplate {
  const cacheKey = `${options.wildcards ? 'w' : '-'}${options.variables ? 'v' : '-'}${source}`;
  const cached = templateCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const parts = parseTemplate(source, options);
  const hasVariables = parts.some((part) => part.kind === 'variable');
  const template: PolicyTemplate = {
    source,
    parts,
    constant: hasVariables ? undefined : buildPattern(parts, undefined, false),
    constantFolded: hasVariables ? undefined : buildPattern(parts, undefined, true),
  };
  if (templateCache.size >= TEMPLATE_CACHE_LIMIT) templateCache.clear();
  templateCache.set(cacheKey, template);
  return template;
}

function parseTemplate(source: string, options: TemplateOptions): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') parts.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (options.variables && ch === '$' && source[i + 1] === '{') {
      const end = source.indexOf('}', i + 2);
      if (end > 0) {
        const body = source.slice(i + 2, end);
        const special = SPECIAL_CHARACTERS[body];
        if (special !== undefined) {
          text += special;
          i = end + 1;
          continue;
        }
        const variable = VARIABLE_BODY.exec(body);
        if (variable !== null) {
          flush();
          parts.push({ kind: 'variable', key: (variable[1] as string).toLowerCase(), fallback: variable[2], source: source.slice(i, end + 1) });
          i = end + 1;
          continue;
        }
      }
    }
    if (options.wildcards && (ch === '*' || ch === '?')) {
      flush();
      parts.push(ch === '*' ? { kind: 'star' } : { kind: 'one' });
    } else {
      text += ch;
    }
    i++;
  }
  flush();
  return parts;
}

function buildPattern(parts: readonly TemplatePart[], variables: VariableSource | undefined, fold: boolean): GlobPattern | undefined {
  const builder = new GlobBuilder();
  for (const part of parts) {
    switch (part.kind) {
      case 'text':
        builder.literal(fold ? part.text.toLowerCase() : part.text);
        break;
      case 'star':
        builder.star();
        break;
      case 'one':
        builder.one();
        break;
      case 'variable': {
        const value = variables?.singleValue(part.key) ?? part.fallback;
        if (value === undefined) return undefined;
        builder.literal(fold ? value.toLowerCase() : value);
        break;
      }
    }
  }
  return builder.build();
}

/**
 * The pattern for this request, or undefined when a variable has no value and no default
 * (AWS then treats the statement as not matching).
 */
export function resolveTemplate(template: PolicyTemplate, variables: VariableSource, foldCase = false): GlobPattern | undefined {
  const constant = foldCase ? template.constantFolded : template.constant;
  if (constant !== undefined) return constant;
  return buildPattern(template.parts, variables, foldCase);
}

/** The first variable in the template that the request cannot resolve, for explanations. */
export function firstUnresolvedVariable(template: PolicyTemplate, variables: VariableSource): string | undefined {
  for (const part of template.parts) {
    if (part.kind === 'variable' && part.fallback === undefined && variables.singleValue(part.key) === undefined) return part.source;
  }
  return undefined;
}

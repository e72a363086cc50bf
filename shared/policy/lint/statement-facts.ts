import type { ConditionBlock, Statement } from '../model';
import type { JsonPath } from '../parse-problem';

/** Small questions the rules ask about statements and their values. */

export function hasWildcard(value: string): boolean {
  return value.includes('*') || value.includes('?');
}

/** `s3:GetObject` → { prefix: 's3', name: 'GetObject' }; `*` has no prefix. */
export function splitAction(action: string): { readonly prefix: string; readonly name: string } | undefined {
  const colon = action.indexOf(':');
  if (colon <= 0) return undefined;
  return { prefix: action.slice(0, colon).toLowerCase(), name: action.slice(colon + 1) };
}

/** Path of a list entry: the model always holds lists, so index within the element. */
export function entryPath(statementPath: JsonPath, element: string, index: number): JsonPath {
  return [...statementPath, element, index];
}

/** Operators that narrow who or what matches (not negated, not IfExists). */
function isPositiveOperator(operator: string): boolean {
  const unqualified = operator.replace(/^(ForAnyValue|ForAllValues):/i, '').toLowerCase();
  if (unqualified.endsWith('ifexists')) return false;
  return /^(stringequals|stringequalsignorecase|stringlike|arnequals|arnlike)$/.test(unqualified);
}

/**
 * True when the Condition requires one of `keys` (case-insensitive) to equal or match values
 * that are not all a bare `*`.
 */
export function conditionRequiresKey(condition: ConditionBlock | undefined, keys: readonly string[]): boolean {
  if (condition === undefined) return false;
  const wanted = new Set(keys.map((k) => k.toLowerCase()));
  for (const [operator, entries] of Object.entries(condition)) {
    if (!isPositiveOperator(operator)) continue;
    for (const [key, values] of Object.entries(entries)) {
      if (wanted.has(key.toLowerCase()) && values.length > 0 && values.some((v) => v !== '*')) return true;
    }
  }
  return false;
}

/** A stable text form for comparing principals and conditions regardless of key order. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).sort().join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

export function isAllow(statement: Statement): boolean {
  return statement.Effect === 'Allow';
}

import type { PolicyDocument, PolicyKind, Principal, Statement } from '../policy/model';
import { parsePolicy } from '../policy/parse';
import type { DocumentDiff } from './plan-model';

/**
 * Policy documents compared by meaning rather than by text: IAM hands back documents with its
 * own key order, and `"Action": "s3:GetObject"` equals `["s3:GetObject"]`. The parser already
 * folds the lenient forms into one model; this sorts what IAM treats as unordered (keys, value
 * lists, statements) so two documents with the same effect serialise identically.
 */

type Canonical = string | readonly Canonical[] | { readonly [key: string]: Canonical };

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

function canonicalPrincipal(principal: Principal): Canonical {
  if (principal === '*') return '*';
  const out: Record<string, Canonical> = {};
  for (const key of Object.keys(principal).sort()) {
    const values = principal[key as keyof typeof principal];
    if (values !== undefined) out[key] = sortedUnique(values);
  }
  return out;
}

function canonicalStatement(statement: Statement): Canonical {
  const out: Record<string, Canonical> = {};
  for (const key of Object.keys(statement).sort()) {
    const value = statement[key as keyof Statement];
    if (value === undefined) continue;
    if (key === 'Principal' || key === 'NotPrincipal') out[key] = canonicalPrincipal(value as Principal);
    else if (key === 'Condition') {
      const block: Record<string, Canonical> = {};
      const condition = value as NonNullable<Statement['Condition']>;
      for (const operator of Object.keys(condition).sort()) {
        const keys: Record<string, Canonical> = {};
        const entries = condition[operator] ?? {};
        for (const conditionKey of Object.keys(entries).sort()) keys[conditionKey] = sortedUnique(entries[conditionKey] ?? []);
        block[operator] = keys;
      }
      out[key] = block;
    } else if (Array.isArray(value)) out[key] = sortedUnique(value as readonly string[]);
    else out[key] = value;
  }
  return out;
}

function canonicalModel(document: PolicyDocument): Canonical {
  const statements = document.Statement.map(canonicalStatement);
  statements.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return { Statement: statements, Version: document.Version ?? '2008-10-17' };
}

function sortKeysDeep(value: unknown): Canonical {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, Canonical> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeysDeep((value as Record<string, unknown>)[key]);
    return out;
  }
  return String(value);
}

/**
 * A document (model, parsed JSON or JSON text) in canonical form. A document the parser rejects
 * is still compared, by its key-sorted JSON, so an odd hand-written policy shows as a change
 * rather than failing the plan.
 */
export function normalisePolicy(document: unknown, kind: PolicyKind): Canonical {
  const text = typeof document === 'string' ? document : JSON.stringify(document);
  const parsed = parsePolicy(text, kind);
  if (parsed.ok) return canonicalModel(parsed.document);
  try {
    return sortKeysDeep(JSON.parse(text));
  } catch {
    return text;
  }
}

export function samePolicy(a: unknown, b: unknown, kind: PolicyKind): boolean {
  return JSON.stringify(normalisePolicy(a, kind)) === JSON.stringify(normalisePolicy(b, kind));
}

export function documentDiff(before: unknown, after: unknown, kind: PolicyKind): DocumentDiff {
  const normalisedAfter = normalisePolicy(after, kind);
  if (before === undefined || before === null) return { before: null, after: normalisedAfter, changed: true };
  const normalisedBefore = normalisePolicy(before, kind);
  return { before: normalisedBefore, after: normalisedAfter, changed: JSON.stringify(normalisedBefore) !== JSON.stringify(normalisedAfter) };
}

import type { Principal, PolicyDocument, Statement } from './model';
import { countedPolicyCharacters } from './quotas';

/**
 * Model → AWS policy JSON. Keys come out in the order AWS's own examples use (Version, Id,
 * Statement; Sid, Effect, Principal, …, Condition) so exported documents diff cleanly against
 * what the IAM console shows.
 */
export interface PolicyJsonOptions {
  /** Spaces per level; 0 writes one line. Default 2. */
  readonly indent?: number;
}

const STATEMENT_KEYS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'] as const;
const PRINCIPAL_KEYS = ['AWS', 'Service', 'Federated', 'CanonicalUser'] as const;

type Json = string | readonly Json[] | { readonly [key: string]: Json };

function principalJson(principal: Principal): Json {
  if (principal === '*') return '*';
  const out: Record<string, Json> = {};
  for (const key of PRINCIPAL_KEYS) {
    const values = principal[key];
    if (values !== undefined) out[key] = [...values];
  }
  return out;
}

function statementJson(statement: Statement): Json {
  const out: Record<string, Json> = {};
  for (const key of STATEMENT_KEYS) {
    const value = statement[key];
    if (value === undefined) continue;
    if (key === 'Principal' || key === 'NotPrincipal') out[key] = principalJson(value as Principal);
    else out[key] = value;
  }
  return out;
}

export function policyToJsonValue(document: PolicyDocument): Json {
  const out: Record<string, Json> = {};
  if (document.Version !== undefined) out.Version = document.Version;
  if (document.Id !== undefined) out.Id = document.Id;
  out.Statement = document.Statement.map(statementJson);
  return out;
}

/**
 * IAM accepts only TAB, LF, CR and U+0020–U+00FF in a policy document (aws.md §4.2), so other
 * characters (a folder named in Japanese, say) are written as JSON `\u` escapes, which keep the
 * same string value. [unconfirmed] that IAM decodes such escapes before matching; stated here once.
 */
function escapeBeyondLatin1(json: string): string {
  return json.replace(/[^\t\n\r\u0020-\u00ff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function toPolicyJson(document: PolicyDocument, options: PolicyJsonOptions = {}): string {
  const indent = options.indent ?? 2;
  return escapeBeyondLatin1(JSON.stringify(policyToJsonValue(document), null, indent === 0 ? undefined : indent));
}

/**
 * Size of a policy as IAM's quotas count it (whitespace outside strings not counted). The counting
 * lives with the quotas in quotas.ts; this is the name exporters and the UI use next to toPolicyJson.
 */
export function policySizeWithoutWhitespace(text: string): number {
  return countedPolicyCharacters(text);
}

/**
 * Makes user text literal inside an ARN or a `StringLike` value. IAM reads `*` and `?` there as
 * wildcards and `${…}` as a policy variable, so a folder named "2024*" would otherwise widen the
 * grant to "2024-anything". IAM's escapes are the policy variables `${*}`, `${?}` and `${$}`
 * (IAM User Guide, "Special characters"), valid in Version 2012-10-17 documents.
 */
export function literalForPolicy(text: string): string {
  let out = '';
  for (const ch of text) {
    out += ch === '*' || ch === '?' || ch === '$' ? `\${${ch}}` : ch;
  }
  return out;
}

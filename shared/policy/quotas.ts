import type { PolicyKind } from './model';

/**
 * Size quotas for policy documents, counted the way IAM counts them: every character except
 * whitespace outside string values.
 *
 * Sources (see /work/shared/reference/aws.md §4.2): the IAM quotas page
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html and the AWS
 * knowledge-center article "iam-increase-policy-size":
 * - managed policy: 6,144 characters (a permissions boundary is a managed policy);
 * - inline policies of a role: 10,240 characters in aggregate — one document can use all of it;
 * - role trust policy: 2,048 characters by default. ASSUMPTION: the reference marks this default
 *   [unconfirmed]; accounts can raise it through Service Quotas, so a real account may accept more.
 * - resource (S3 bucket) policy: 20 KB per the S3 User Guide. ASSUMPTION: S3 counts bytes
 *   including whitespace; we count like IAM, which is the lenient direction.
 */
export const POLICY_SIZE_QUOTAS: Readonly<Record<PolicyKind, number>> = {
  managed: 6_144,
  boundary: 6_144,
  inline: 10_240,
  trust: 2_048,
  resource: 20_480,
};

/** The IAM API rejects a PolicyDocument parameter longer than this, whitespace included. */
export const MAX_POLICY_DOCUMENT_LENGTH = 131_072;

/** Above this share of the quota the parser warns, so a user sees the limit coming. */
export const QUOTA_WARNING_RATIO = 0.9;

/** JSON whitespace per RFC 8259: space, tab, line feed, carriage return. */
function isJsonWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Characters IAM counts against the quota: all but whitespace outside strings. */
export function countedPolicyCharacters(text: string): number {
  let count = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      count++;
      if (escaped) escaped = false;
      else if (code === 0x5c) escaped = true;
      else if (code === 0x22) inString = false;
      continue;
    }
    if (isJsonWhitespace(code)) continue;
    count++;
    if (code === 0x22) inString = true;
  }
  return count;
}

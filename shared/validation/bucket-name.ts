import { fail, ok, type Result } from '../errors';

/**
 * S3's naming rules for general purpose buckets (Amazon S3 User Guide, "General purpose bucket
 * naming rules", checked 2026-11). Each rule has an id so the UI can point at the one broken and
 * tests can assert it; the first rule broken, in this order, is the one reported.
 */
export type BucketNameRule =
  | 'length'
  | 'characters'
  | 'startOrEnd'
  | 'adjacentPeriods'
  | 'ipAddress'
  | 'reservedPrefix'
  | 'reservedSuffix';

export interface BucketNameViolation {
  readonly rule: BucketNameRule;
  /** The rule as S3 states it, completed with what was found. */
  readonly explanation: string;
}

const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'] as const;

/** Suffixes S3 keeps for names of other resources that share the bucket namespace. */
const RESERVED_SUFFIXES: readonly (readonly [string, string])[] = [
  ['-s3alias', 'access point aliases'],
  ['--ol-s3', 'Object Lambda Access Point aliases'],
  ['.mrap', 'Multi-Region Access Points'],
  ['--x-s3', 'directory buckets'],
  ['--table-s3', 'S3 Tables buckets'],
];

const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

export function findBucketNameViolation(name: string): BucketNameViolation | undefined {
  if (name.length < 3 || name.length > 63) {
    return { rule: 'length', explanation: `bucket names must be 3 to 63 characters long; this one has ${name.length}` };
  }
  const bad = [...name].find((ch) => !/[a-z0-9.-]/.test(ch));
  if (bad !== undefined) {
    const hint = /[A-Z]/.test(bad) ? ' (uppercase is not allowed)' : '';
    return {
      rule: 'characters',
      explanation: `bucket names may contain only lowercase letters, digits, periods and hyphens; found ${JSON.stringify(bad)}${hint}`,
    };
  }
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) {
    return { rule: 'startOrEnd', explanation: 'bucket names must begin and end with a lowercase letter or a digit' };
  }
  if (name.includes('..')) {
    return { rule: 'adjacentPeriods', explanation: 'bucket names must not contain two adjacent periods' };
  }
  if (IPV4.test(name)) {
    return { rule: 'ipAddress', explanation: 'bucket names must not be formatted as an IP address' };
  }
  const prefix = RESERVED_PREFIXES.find((p) => name.startsWith(p));
  if (prefix !== undefined) {
    return { rule: 'reservedPrefix', explanation: `bucket names must not start with the reserved prefix "${prefix}"` };
  }
  const suffix = RESERVED_SUFFIXES.find(([s]) => name.endsWith(s));
  if (suffix !== undefined) {
    return {
      rule: 'reservedSuffix',
      explanation: `bucket names must not end with "${suffix[0]}", which S3 reserves for ${suffix[1]}`,
    };
  }
  return undefined;
}

export function validateBucketName(name: string): Result<string> {
  const violation = findBucketNameViolation(name);
  if (violation === undefined) return ok(name);
  return fail(
    'INVALID_BUCKET_NAME',
    `"${name}" is not a valid S3 bucket name: ${violation.explanation}.`,
    'Enter the bucket name exactly as the S3 console shows it (only the name, no "s3://" and no folder).',
  );
}

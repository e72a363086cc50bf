import { describe, expect, it } from 'vitest';
import { findBucketNameViolation, validateBucketName, type BucketNameRule } from '../../../shared/validation/bucket-name';

describe('S3 general purpose bucket naming rules', () => {
  it.each(['abc', 'a'.repeat(63), 'acme-informatica-landing', 'my.bucket.name', '1bucket2', 'a-b', 'amzn-s3-demo', 'bucket-s3alias-x', 'xn-bucket', 'sthree'])(
    'accepts %s',
    (name) => {
      expect(findBucketNameViolation(name)).toBeUndefined();
      expect(validateBucketName(name)).toEqual({ ok: true, value: name });
    },
  );

  const broken: readonly (readonly [string, BucketNameRule, RegExp])[] = [
    ['ab', 'length', /3 to 63 characters long; this one has 2/],
    ['a'.repeat(64), 'length', /this one has 64/],
    ['', 'length', /this one has 0/],
    ['Acme-data', 'characters', /found "A" \(uppercase is not allowed\)/],
    ['acme_data', 'characters', /found "_"/],
    ['s3://acme', 'characters', /found ":"/],
    ['acme/landing', 'characters', /found "\/"/],
    ['-acme', 'startOrEnd', /begin and end with a lowercase letter or a digit/],
    ['acme-', 'startOrEnd', /begin and end/],
    ['.acme', 'startOrEnd', /begin and end/],
    ['acme..data', 'adjacentPeriods', /two adjacent periods/],
    ['192.168.5.4', 'ipAddress', /IP address/],
    ['xn--acme', 'reservedPrefix', /"xn--"/],
    ['sthree-acme', 'reservedPrefix', /"sthree-"/],
    ['sthree-configurator-x', 'reservedPrefix', /"sthree-"/],
    ['amzn-s3-demo-bucket', 'reservedPrefix', /"amzn-s3-demo-"/],
    ['acme-s3alias', 'reservedSuffix', /"-s3alias".*access point aliases/],
    ['acme--ol-s3', 'reservedSuffix', /"--ol-s3".*Object Lambda/],
    ['acme.mrap', 'reservedSuffix', /"\.mrap".*Multi-Region/],
    ['acme--usw2-az1--x-s3', 'reservedSuffix', /"--x-s3".*directory buckets/],
    ['acme--table-s3', 'reservedSuffix', /"--table-s3".*S3 Tables/],
  ];

  it.each(broken)('rejects %s, naming the rule %s', (name, rule, message) => {
    expect(findBucketNameViolation(name)?.rule).toBe(rule);
    const result = validateBucketName(name);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_BUCKET_NAME');
    expect(result.error.message).toMatch(message);
    expect(result.error.message).toContain(JSON.stringify(name));
    expect(result.error.nextStep).toMatch(/bucket name/);
  });
});

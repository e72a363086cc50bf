import { describe, expect, it } from 'vitest';
import { s3RequestFor } from '../../../shared/policy/s3-request';
import { KeylessFailure } from '../../../shared/errors';

describe('S3 question → IAM request', () => {
  it('lists a folder as ListBucket on the bucket ARN with s3:prefix', () => {
    expect(s3RequestFor('s3:ListBucket', 's3://acme/sales/2026/', 'aws')).toEqual({
      action: 's3:ListBucket',
      resource: 'arn:aws:s3:::acme',
      context: { 's3:prefix': 'sales/2026/' },
    });
  });

  it('lists the bucket root with no s3:prefix at all', () => {
    expect(s3RequestFor('s3:ListBucket', 's3://acme', 'aws')).toEqual({ action: 's3:ListBucket', resource: 'arn:aws:s3:::acme' });
  });

  it('reads an object on its object ARN, accepting ARNs and bare bucket/key in the partition', () => {
    expect(s3RequestFor('s3:GetObject', 'arn:aws-cn:s3:::acme/a/b.csv', 'aws-cn').resource).toBe('arn:aws-cn:s3:::acme/a/b.csv');
    expect(s3RequestFor('s3:PutObject', 'acme/a/b.csv', 'aws').resource).toBe('arn:aws:s3:::acme/a/b.csv');
  });

  it.each([
    ['GetObject', 's3://acme/a'],
    ['s3:GetObject', 's3://acme'],
    ['s3:GetObject', 'arn:aws:s3:::acme/a'.replace('aws', 'aws-cn')],
    ['s3:GetObject', 's3:///key'],
  ])('refuses %s on %s with an input error', (action, location) => {
    expect(() => s3RequestFor(action, location, 'aws')).toThrow(KeylessFailure);
    try {
      s3RequestFor(action, location, 'aws');
    } catch (error) {
      expect((error as KeylessFailure).detail.code).toMatch(/^INVALID_/);
    }
  });
});

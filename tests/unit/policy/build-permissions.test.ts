import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/policy/evaluate';
import { buildPermissionsPolicy, type PermissionsPolicyOptions } from '../../../shared/policy/build/permissions-policy';
import type { PolicyDocument } from '../../../shared/policy/model';
import { thrownFailure } from '../../support/failures';

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const base: PermissionsPolicyOptions = { bucket: 'acme-landing', access: 'read', advancedMode: false, partition: 'aws' };


function decision(document: PolicyDocument, action: string, resource: string, context: Record<string, string> = {}): string {
  return evaluate({
    request: { action, resource, principal: { arn: 'arn:aws:iam::111122223333:role/agent', account: '111122223333' }, context },
    identityPolicies: [{ name: 'permissions', document }],
  }).decision;
}

describe('buildPermissionsPolicy', () => {
  it('read, whole bucket: ListBucket unconditioned, GetBucketLocation, GetObject on bucket/*', () => {
    expect(buildPermissionsPolicy(base)).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'ListBucketContents', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: ['arn:aws:s3:::acme-landing'] },
        { Sid: 'BucketLevelAccess', Effect: 'Allow', Action: ['s3:GetBucketLocation'], Resource: ['arn:aws:s3:::acme-landing'] },
        { Sid: 'ObjectAccess', Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::acme-landing/*'] },
      ],
    });
  });

  it('folder: ListBucket scoped by s3:prefix "folder/" and "folder/*"; objects on bucket/folder/*', () => {
    const document = buildPermissionsPolicy({ ...base, folder: 'landing/sales' });
    expect(document.Statement[0]).toEqual({
      Sid: 'ListBucketContents',
      Effect: 'Allow',
      Action: ['s3:ListBucket'],
      Resource: ['arn:aws:s3:::acme-landing'],
      Condition: { StringLike: { 's3:prefix': ['landing/sales/', 'landing/sales/*'] } },
    });
    expect(document.Statement[1]?.Condition).toBeUndefined();
    expect(document.Statement[2]?.Resource).toEqual(['arn:aws:s3:::acme-landing/landing/sales/*']);
  });

  it('write adds PutObject and DeleteObject, nothing multipart outside advanced mode', () => {
    const document = buildPermissionsPolicy({ ...base, access: 'write' });
    expect(document.Statement[1]?.Action).toEqual(['s3:GetBucketLocation']);
    expect(document.Statement[2]?.Action).toEqual(['s3:GetObject', 's3:PutObject', 's3:DeleteObject']);
  });

  it('advanced mode, read: ListBucketMultipartUploads on the bucket (unconditioned — it has no s3:prefix key)', () => {
    const document = buildPermissionsPolicy({ ...base, folder: 'in', advancedMode: true });
    expect(document.Statement[1]).toEqual({
      Sid: 'BucketLevelAccess',
      Effect: 'Allow',
      Action: ['s3:GetBucketLocation', 's3:ListBucketMultipartUploads'],
      Resource: ['arn:aws:s3:::acme-landing'],
    });
    expect(document.Statement[2]?.Action).toEqual(['s3:GetObject']);
  });

  it('advanced mode, write: adds AbortMultipartUpload and ListMultipartUploadParts on the objects', () => {
    const document = buildPermissionsPolicy({ ...base, access: 'write', advancedMode: true });
    expect(document.Statement[2]?.Action).toEqual(['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts']);
  });

  it('SSE-KMS adds kms:Decrypt and kms:GenerateDataKey on exactly the key', () => {
    const document = buildPermissionsPolicy({ ...base, kmsKeyArn: KEY });
    expect(document.Statement).toHaveLength(4);
    expect(document.Statement[3]).toEqual({ Sid: 'KmsKeyAccess', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: [KEY] });
  });

  it.each([
    ['aws-cn', 'arn:aws-cn:s3:::acme-landing'],
    ['aws-us-gov', 'arn:aws-us-gov:s3:::acme-landing'],
  ] as const)('partition %s changes every S3 ARN', (partition, bucketArn) => {
    const document = buildPermissionsPolicy({ ...base, partition, folder: 'x' });
    expect(document.Statement.map((s) => s.Resource)).toEqual([[bucketArn], [bucketArn], [`${bucketArn}/x/*`]]);
  });

  it('Sids are the same whatever the options', () => {
    const a = buildPermissionsPolicy(base).Statement.map((s) => s.Sid);
    const b = buildPermissionsPolicy({ ...base, folder: 'f', access: 'write', advancedMode: true, kmsKeyArn: KEY }).Statement.map((s) => s.Sid);
    expect(b.slice(0, 3)).toEqual(a);
  });

  it('wildcard characters in a folder are made literal with ${*} / ${?} / ${$}', () => {
    const document = buildPermissionsPolicy({ ...base, folder: 'reports*/q?/$tmp' });
    expect(document.Statement[2]?.Resource).toEqual(['arn:aws:s3:::acme-landing/reports${*}/q${?}/${$}tmp/*']);
    expect(document.Statement[0]?.Condition).toEqual({ StringLike: { 's3:prefix': ['reports${*}/q${?}/${$}tmp/', 'reports${*}/q${?}/${$}tmp/*'] } });
  });

  describe('what the document grants, checked with the evaluator', () => {
    const folderWrite = buildPermissionsPolicy({ ...base, folder: 'landing/sales', access: 'write' });
    it('allows objects under the folder and denies siblings', () => {
      expect(decision(folderWrite, 's3:PutObject', 'arn:aws:s3:::acme-landing/landing/sales/2024/a.csv')).toBe('allowed');
      expect(decision(folderWrite, 's3:GetObject', 'arn:aws:s3:::acme-landing/landing/salesforce/a.csv')).toBe('implicitDeny');
      expect(decision(folderWrite, 's3:GetObject', 'arn:aws:s3:::acme-landing/other/a.csv')).toBe('implicitDeny');
    });
    it('lists the folder only', () => {
      expect(decision(folderWrite, 's3:ListBucket', 'arn:aws:s3:::acme-landing', { 's3:prefix': 'landing/sales/' })).toBe('allowed');
      expect(decision(folderWrite, 's3:ListBucket', 'arn:aws:s3:::acme-landing', { 's3:prefix': 'landing/sales/2024/' })).toBe('allowed');
      expect(decision(folderWrite, 's3:ListBucket', 'arn:aws:s3:::acme-landing', { 's3:prefix': 'other/' })).toBe('implicitDeny');
    });
    it('a folder named with "*" grants only that literal folder', () => {
      const literal = buildPermissionsPolicy({ ...base, folder: 'data*' });
      expect(decision(literal, 's3:GetObject', 'arn:aws:s3:::acme-landing/data*/a.csv')).toBe('allowed');
      expect(decision(literal, 's3:GetObject', 'arn:aws:s3:::acme-landing/data-secret/a.csv')).toBe('implicitDeny');
    });
    it('read access does not allow writing', () => {
      expect(decision(buildPermissionsPolicy(base), 's3:PutObject', 'arn:aws:s3:::acme-landing/a.csv')).toBe('implicitDeny');
    });
  });

  describe('invalid input throws the INVALID_* failure and builds nothing', () => {
    it.each([
      [{ bucket: 'Bad_Bucket' }, 'INVALID_BUCKET_NAME', /lowercase letters/],
      [{ folder: 'sales/' }, 'INVALID_FOLDER_PATH', /remove the trailing slash/],
      [{ folder: '/sales' }, 'INVALID_FOLDER_PATH', /starts with/],
      [{ partition: 'aws-iso' }, 'INVALID_PARTITION', /Unknown AWS partition "aws-iso"/],
      [{ access: 'admin' }, 'INVALID_ACCESS_LEVEL', /"read" or "write"/],
      [{ kmsKeyArn: 'arn:aws:kms:us-east-1:111122223333:alias/x' }, 'INVALID_KMS_KEY_ARN', /alias ARN/],
      [{ kmsKeyArn: KEY, partition: 'aws-cn' }, 'INVALID_KMS_KEY_ARN', /partition "aws" but the policy is for "aws-cn"/],
    ])('%j → %s', (override, code, message) => {
      const failure = thrownFailure(() => buildPermissionsPolicy({ ...base, ...override } as PermissionsPolicyOptions));
      expect(failure.detail.code).toBe(code);
      expect(failure.detail.message).toMatch(message);
      expect(failure.detail.nextStep.length).toBeGreaterThan(10);
    });
  });
});

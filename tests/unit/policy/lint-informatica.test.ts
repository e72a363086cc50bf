import { describe, expect, it } from 'vitest';
import { lintPolicy } from '../../../shared/policy/lint';
import type { InformaticaIntent } from '../../../shared/policy/lint';
import type { PolicyDocument, PolicyKind, Statement } from '../../../shared/policy/model';
import { createIamDataCatalogue } from '../../../electron/core/policy/iam-data-catalogue';

const catalogue = createIamDataCatalogue();
const BUCKET = 'arn:aws:s3:::infa-landing';
const FOLDER = `${BUCKET}/sales/*`;

const READ: InformaticaIntent = { access: 'read', advancedMode: false };
const WRITE: InformaticaIntent = { access: 'write', advancedMode: false };
const WRITE_ADVANCED: InformaticaIntent = { access: 'write', advancedMode: true };

function document(bucketActions: string[], objectActions: string[]): PolicyDocument {
  const statements: Statement[] = [];
  if (bucketActions.length > 0) statements.push({ Effect: 'Allow', Action: bucketActions, Resource: [BUCKET] });
  if (objectActions.length > 0) statements.push({ Effect: 'Allow', Action: objectActions, Resource: [FOLDER] });
  return { Version: '2012-10-17', Statement: statements };
}

async function informaticaCodes(doc: PolicyDocument, informatica: InformaticaIntent, kind: PolicyKind = 'managed'): Promise<string[]> {
  const result = await lintPolicy(doc, { kind, catalogue, informatica });
  return result.filter((f) => f.code.startsWith('INFA_')).map((f) => f.code);
}

const WRITE_OBJECTS = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'];

describe('Informatica S3 v2 rules', () => {
  it('INFA_MISSING_LIST_BUCKET: read access without ListBucket', async () => {
    expect(await informaticaCodes(document([], ['s3:GetObject']), READ)).toEqual(['INFA_MISSING_LIST_BUCKET']);
  });
  it('INFA_MISSING_LIST_BUCKET: ListBucket granted only on the object ARN does not count', async () => {
    expect(await informaticaCodes(document([], ['s3:GetObject', 's3:ListBucket']), READ)).toEqual(['INFA_MISSING_LIST_BUCKET']);
  });
  it('INFA_MISSING_LIST_BUCKET: passes with ListBucket on the bucket, also under a prefix condition', async () => {
    const doc = document([], ['s3:GetObject']);
    const withList: PolicyDocument = { ...doc, Statement: [...doc.Statement, { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [BUCKET], Condition: { StringLike: { 's3:prefix': ['sales/', 'sales/*'] } } }] };
    expect(await informaticaCodes(withList, READ)).toEqual([]);
  });
  it('INFA_MISSING_GET_OBJECT: read access without GetObject', async () => {
    expect(await informaticaCodes(document(['s3:ListBucket'], ['s3:GetObjectTagging']), READ)).toEqual(['INFA_MISSING_GET_OBJECT']);
  });
  it('INFA_MISSING_GET_OBJECT: GetObject on the bucket ARN does not count', async () => {
    expect(await informaticaCodes(document(['s3:ListBucket', 's3:GetObject'], []), READ)).toEqual(['INFA_MISSING_GET_OBJECT']);
  });
  it('INFA_MISSING_GET_OBJECT: passes with GetObject granted through a wildcard on the folder', async () => {
    expect(await informaticaCodes(document(['s3:ListBucket'], ['s3:Get*']), READ)).toEqual([]);
  });
  it('INFA_MISSING_PUT_OBJECT: write access without PutObject', async () => {
    expect(await informaticaCodes(document(['s3:ListBucket'], ['s3:GetObject', 's3:DeleteObject']), WRITE)).toEqual(['INFA_MISSING_PUT_OBJECT']);
  });
  it('INFA_MISSING_PUT_OBJECT: not required for read access', async () => {
    expect(await informaticaCodes(document(['s3:ListBucket'], ['s3:GetObject']), READ)).toEqual([]);
  });
  it('INFA_MISSING_DELETE_OBJECT: write access without DeleteObject', async () => {
    expect(await informaticaCodes(document(['s3:ListBucket'], ['s3:GetObject', 's3:PutObject']), WRITE)).toEqual(['INFA_MISSING_DELETE_OBJECT']);
  });
  it('INFA_MISSING_DELETE_OBJECT: passes with DeleteObject', async () => {
    expect(await informaticaCodes(document(['s3:ListBucket'], WRITE_OBJECTS), WRITE)).toEqual([]);
  });
  it('INFA_MISSING_LIST_BUCKET_MULTIPART_UPLOADS: write in advanced mode without it', async () => {
    expect(await informaticaCodes(document(['s3:ListBucket'], WRITE_OBJECTS), WRITE_ADVANCED)).toEqual(['INFA_MISSING_LIST_BUCKET_MULTIPART_UPLOADS']);
  });
  it('INFA_MISSING_LIST_BUCKET_MULTIPART_UPLOADS: passes with it on the bucket, and is not required outside advanced mode', async () => {
    expect(await informaticaCodes(document(['s3:ListBucket', 's3:ListBucketMultipartUploads'], WRITE_OBJECTS), WRITE_ADVANCED)).toEqual([]);
    expect(await informaticaCodes(document(['s3:ListBucket'], WRITE_OBJECTS), WRITE)).toEqual([]);
  });
  it('the Informatica sample write policy (one statement, bucket and objects) satisfies write in advanced mode', async () => {
    const sample: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject', 's3:ListBucket', 's3:ListBucketMultipartUploads'], Resource: [`${BUCKET}/*`, BUCKET] }] };
    expect(await informaticaCodes(sample, WRITE_ADVANCED)).toEqual([]);
  });
  it('an empty grant reports every missing permission with a message naming the fix', async () => {
    const result = await lintPolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['kms:Decrypt'], Resource: ['*'] }] }, { kind: 'inline', catalogue, informatica: WRITE_ADVANCED });
    const infa = result.filter((f) => f.code.startsWith('INFA_'));
    expect(infa.map((f) => f.code)).toEqual(['INFA_MISSING_LIST_BUCKET', 'INFA_MISSING_GET_OBJECT', 'INFA_MISSING_PUT_OBJECT', 'INFA_MISSING_DELETE_OBJECT', 'INFA_MISSING_LIST_BUCKET_MULTIPART_UPLOADS']);
    expect(infa.every((f) => f.severity === 'error' && /Allow s3:\w+ on arn:aws:s3:::/.test(f.message))).toBe(true);
  });
  it('Deny statements and trust policies are not mistaken for grants or checked', async () => {
    const denied: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: ['s3:*'], Resource: ['*'] }] };
    expect(await informaticaCodes(denied, READ)).toEqual(['INFA_MISSING_LIST_BUCKET', 'INFA_MISSING_GET_OBJECT']);
    const trust: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com'] }, Action: ['sts:AssumeRole'] }] };
    expect(await informaticaCodes(trust, READ, 'trust')).toEqual([]);
  });
});

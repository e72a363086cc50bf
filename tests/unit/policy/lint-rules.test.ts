import { describe, expect, it } from 'vitest';
import { lintPolicy, lintPolicyText } from '../../../shared/policy/lint';
import type { LintFinding, LintOptions } from '../../../shared/policy/lint';
import type { PolicyDocument, Statement } from '../../../shared/policy/model';
import { createIamDataCatalogue } from '../../../electron/core/policy/iam-data-catalogue';

const catalogue = createIamDataCatalogue();
const BUCKET = 'arn:aws:s3:::data-bucket';
const OBJECTS = `${BUCKET}/inbound/*`;

function policy(...statements: Statement[]): PolicyDocument {
  return { Version: '2012-10-17', Statement: statements };
}

async function findings(document: PolicyDocument, options: Partial<LintOptions> = {}): Promise<LintFinding[]> {
  return lintPolicy(document, { kind: 'managed', catalogue, ...options });
}

async function codesOf(document: PolicyDocument, options: Partial<LintOptions> = {}): Promise<string[]> {
  return (await findings(document, options)).map((f) => f.code);
}

async function only(code: string, document: PolicyDocument, options: Partial<LintOptions> = {}): Promise<LintFinding[]> {
  return (await findings(document, options)).filter((f) => f.code === code);
}

const readObjects: Statement = { Sid: 'ReadObjects', Effect: 'Allow', Action: ['s3:GetObject'], Resource: [OBJECTS] };
const listBucket: Statement = { Sid: 'ListBucket', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [BUCKET], Condition: { StringLike: { 's3:prefix': ['inbound/', 'inbound/*'] } } };

describe('a least-privilege S3 policy', () => {
  it('has no findings at all', async () => {
    expect(await findings(policy(listBucket, readObjects), { partition: 'aws' })).toEqual([]);
  });
});

describe('version rule', () => {
  it('MISSING_VERSION: warns when Version is absent', async () => {
    expect(await only('MISSING_VERSION', { Statement: [readObjects] })).toEqual([expect.objectContaining({ severity: 'warning', path: [] })]);
  });
  it('MISSING_VERSION: passes with Version 2012-10-17', async () => {
    expect(await only('MISSING_VERSION', policy(readObjects))).toEqual([]);
  });
  it('OLD_VERSION: warns on 2008-10-17', async () => {
    expect(await only('OLD_VERSION', { Version: '2008-10-17', Statement: [readObjects] })).toEqual([expect.objectContaining({ severity: 'warning', path: ['Version'] })]);
  });
  it('OLD_VERSION: passes with 2012-10-17', async () => {
    expect(await only('OLD_VERSION', policy(readObjects))).toEqual([]);
  });
});

describe('sid rule', () => {
  it('DUPLICATE_SID: flags the second statement with the same Sid', async () => {
    const result = await only('DUPLICATE_SID', policy(readObjects, { ...listBucket, Sid: 'ReadObjects' }));
    expect(result).toEqual([expect.objectContaining({ severity: 'error', path: ['Statement', 1, 'Sid'] })]);
  });
  it('DUPLICATE_SID: passes with distinct Sids', async () => {
    expect(await only('DUPLICATE_SID', policy(readObjects, listBucket))).toEqual([]);
  });
  it('INVALID_SID: flags characters other than letters and digits, suggesting a clean Sid', async () => {
    const [finding] = await only('INVALID_SID', policy({ ...readObjects, Sid: 'read objects-1' }));
    expect(finding).toMatchObject({ severity: 'error', path: ['Statement', 0, 'Sid'] });
    expect(finding?.message).toContain('"readobjects1"');
  });
  it('INVALID_SID: only a warning in a resource policy', async () => {
    const statement: Statement = { ...readObjects, Sid: 'read objects', Principal: { AWS: ['111122223333'] } };
    expect(await only('INVALID_SID', policy(statement), { kind: 'resource' })).toEqual([expect.objectContaining({ severity: 'warning' })]);
  });
  it('INVALID_SID: passes with an alphanumeric Sid', async () => {
    expect(await only('INVALID_SID', policy({ ...readObjects, Sid: 'ReadObjects2' }))).toEqual([]);
  });
  it('EMPTY_SID_VALUE: suggests naming or removing an empty Sid', async () => {
    expect(await only('EMPTY_SID_VALUE', policy({ ...readObjects, Sid: '' }))).toEqual([expect.objectContaining({ severity: 'suggestion' })]);
    expect(await only('EMPTY_SID_VALUE', policy(readObjects))).toEqual([]);
  });
});

describe('actions rule', () => {
  it('INVALID_ACTION: a misspelt action gets the nearest real one', async () => {
    const [finding] = await only('INVALID_ACTION', policy({ ...readObjects, Action: ['s3:GetObjekt'] }));
    expect(finding).toMatchObject({ severity: 'error', path: ['Statement', 0, 'Action', 0] });
    expect(finding?.message).toContain('did you mean "s3:GetObject"');
  });
  it('INVALID_ACTION: also checks NotAction entries', async () => {
    expect(await only('INVALID_ACTION', policy({ Effect: 'Deny', NotAction: ['s3:ListBuckit'], Resource: ['*'] }))).toEqual([expect.objectContaining({ path: ['Statement', 0, 'NotAction', 0] })]);
  });
  it('INVALID_ACTION: a wildcard that matches no action of the service', async () => {
    expect(await codesOf(policy({ ...readObjects, Action: ['s3:Fetch*'] }))).toContain('INVALID_ACTION');
  });
  it('INVALID_ACTION: an unrelated name gets no guess', async () => {
    const [finding] = await only('INVALID_ACTION', policy({ ...readObjects, Action: ['s3:Teleport'] }));
    expect(finding?.message).not.toContain('did you mean');
  });
  it('INVALID_ACTION: passes for real actions in any case, and for matching wildcards', async () => {
    expect(await only('INVALID_ACTION', policy({ ...readObjects, Action: ['S3:getobject', 's3:Get*Tagging', 's3:List?ucket'] }))).toEqual([]);
  });
  it('INVALID_SERVICE: an unknown prefix gets the nearest real one', async () => {
    const [finding] = await only('INVALID_SERVICE', policy({ ...readObjects, Action: ['sss:GetObject'] }));
    expect(finding).toMatchObject({ severity: 'error', path: ['Statement', 0, 'Action', 0] });
    expect(finding?.message).toMatch(/did you mean "s\w*:GetObject"/);
  });
  it('INVALID_SERVICE: passes for known prefixes (s3, kms, sts, iam)', async () => {
    expect(await only('INVALID_SERVICE', policy({ ...readObjects, Action: ['s3:GetObject', 'kms:Decrypt', 'sts:AssumeRole', 'iam:GetRole'], Resource: ['*'] }))).toEqual([]);
  });
});

describe('resource mismatch rule', () => {
  it('RESOURCE_MISMATCH: s3:GetObject on a bucket ARN', async () => {
    const [finding] = await only('RESOURCE_MISMATCH', policy({ ...readObjects, Resource: [BUCKET] }));
    expect(finding).toMatchObject({ severity: 'error', path: ['Statement', 0, 'Action', 0] });
    expect(finding?.message).toContain('s3:GetObject');
  });
  it('RESOURCE_MISMATCH: s3:ListBucket on an object ARN (bucket names cannot contain "/")', async () => {
    expect(await only('RESOURCE_MISMATCH', policy({ ...listBucket, Resource: [`${BUCKET}/*`] }))).toHaveLength(1);
  });
  it('RESOURCE_MISMATCH: an action that only takes "*" given an ARN (s3:ListAllMyBuckets)', async () => {
    expect(await only('RESOURCE_MISMATCH', policy({ Effect: 'Allow', Action: ['s3:ListAllMyBuckets'], Resource: [BUCKET] }))).toHaveLength(1);
  });
  it('RESOURCE_MISMATCH: passes for object actions on objects and bucket actions on buckets in one statement', async () => {
    expect(await only('RESOURCE_MISMATCH', policy({ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket', 'kms:Decrypt'], Resource: [BUCKET, `${BUCKET}/*`, 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'] }))).toEqual([]);
  });
  it('RESOURCE_MISMATCH: passes when Resource is "*" or a wildcard that could be either', async () => {
    expect(await only('RESOURCE_MISMATCH', policy({ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::data-*'] }))).toEqual([]);
    expect(await only('RESOURCE_MISMATCH', policy({ Effect: 'Allow', Action: ['s3:ListAllMyBuckets'], Resource: ['*'] }))).toEqual([]);
  });
});

describe('ARN segment rules', () => {
  it('ARN_ACCOUNT_NOT_ALLOWED: an account ID in an S3 bucket ARN', async () => {
    const [finding] = await only('ARN_ACCOUNT_NOT_ALLOWED', policy({ ...listBucket, Resource: ['arn:aws:s3::111122223333:data-bucket'] }));
    expect(finding).toMatchObject({ severity: 'error', path: ['Statement', 0, 'Resource', 0] });
    expect(finding?.message).toContain('arn:aws:s3:::data-bucket');
  });
  it('ARN_ACCOUNT_NOT_ALLOWED: region and account in an S3 object ARN', async () => {
    expect(await codesOf(policy({ ...readObjects, Resource: ['arn:aws:s3:eu-west-1:111122223333:data-bucket/x/*'] }))).toContain('ARN_ACCOUNT_NOT_ALLOWED');
  });
  it('ARN_REGION_NOT_ALLOWED: a region in an S3 bucket ARN', async () => {
    expect(await only('ARN_REGION_NOT_ALLOWED', policy({ ...listBucket, Resource: ['arn:aws:s3:eu-west-1::data-bucket'] }))).toHaveLength(1);
  });
  it('ARN_ACCOUNT_NOT_ALLOWED / ARN_REGION_NOT_ALLOWED: pass for S3 access points, which have both', async () => {
    const document = policy({ ...readObjects, Resource: ['arn:aws:s3:eu-west-1:111122223333:accesspoint/agent/object/*'] });
    const result = await codesOf(document);
    expect(result).not.toContain('ARN_ACCOUNT_NOT_ALLOWED');
    expect(result).not.toContain('ARN_REGION_NOT_ALLOWED');
  });
  it('ARN_ACCOUNT_NOT_ALLOWED: passes for IAM role ARNs, which need the account', async () => {
    expect(await only('ARN_ACCOUNT_NOT_ALLOWED', policy({ Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: ['arn:aws:iam::111122223333:role/connector'] }))).toEqual([]);
  });
  it('PARTITION_MISMATCH: an aws ARN in a policy for aws-cn', async () => {
    expect(await only('PARTITION_MISMATCH', policy(readObjects), { partition: 'aws-cn' })).toEqual([expect.objectContaining({ severity: 'error', path: ['Statement', 0, 'Resource', 0] })]);
  });
  it('PARTITION_MISMATCH: passes for matching or wildcard partitions, and when no partition is given', async () => {
    expect(await only('PARTITION_MISMATCH', policy({ ...readObjects, Resource: ['arn:aws-cn:s3:::b/*', 'arn:*:s3:::c/*'] }), { partition: 'aws-cn' })).toEqual([]);
    expect(await only('PARTITION_MISMATCH', policy(readObjects))).toEqual([]);
  });
});

describe('condition key rule', () => {
  it('INVALID_SERVICE_CONDITION_KEY: a misspelt S3 key gets the real one', async () => {
    const [finding] = await only('INVALID_SERVICE_CONDITION_KEY', policy({ ...listBucket, Condition: { StringLike: { 's3:prefx': ['inbound/*'] } } }));
    expect(finding).toMatchObject({ severity: 'error', path: ['Statement', 0, 'Condition', 'StringLike', 's3:prefx'] });
    expect(finding?.message).toContain('did you mean "s3:prefix"');
  });
  it('INVALID_SERVICE_CONDITION_KEY: passes for real keys in any case, templated keys, global and non-service keys', async () => {
    const condition = { StringLike: { 'S3:Prefix': ['inbound/*'], 's3:ExistingObjectTag/team': ['x'], 'aws:PrincipalTag/team': ['x'], 'saml:aud': ['x'] } };
    expect(await only('INVALID_SERVICE_CONDITION_KEY', policy({ ...listBucket, Condition: condition }))).toEqual([]);
    expect(await only('INVALID_SERVICE_CONDITION_KEY', policy({ Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: ['arn:aws:iam::444455556666:role/x'], Condition: { StringEquals: { 'sts:ExternalId': ['x'] } } }))).toEqual([]);
  });
  it('CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS: s3:prefix on an object action', async () => {
    expect(await only('CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS', policy({ ...readObjects, Condition: { StringLike: { 's3:prefix': ['inbound/*'] } } }))).toEqual([expect.objectContaining({ severity: 'warning', path: ['Statement', 0, 'Condition', 'StringLike', 's3:prefix'] })]);
  });
  it('CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS: passes on ListBucket, with IfExists, and when another action of the statement supplies the key', async () => {
    expect(await only('CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS', policy(listBucket))).toEqual([]);
    expect(await only('CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS', policy({ ...readObjects, Condition: { StringLikeIfExists: { 's3:prefix': ['inbound/*'] } } }))).toEqual([]);
    expect(await only('CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS', policy({ ...listBucket, Action: ['s3:ListBucket', 's3:GetObject'], Resource: [BUCKET, OBJECTS] }))).toEqual([]);
  });
});

describe('wildcard rules', () => {
  it('ALL_ACTIONS: "Action": "*" in an Allow', async () => {
    expect(await only('ALL_ACTIONS', policy({ Effect: 'Allow', Action: ['*'], Resource: [OBJECTS] }))).toEqual([expect.objectContaining({ severity: 'securityWarning', path: ['Statement', 0, 'Action', 0] })]);
  });
  it('ALL_ACTIONS: passes in a Deny', async () => {
    expect(await only('ALL_ACTIONS', policy({ Effect: 'Deny', Action: ['*'], Resource: [OBJECTS] }))).toEqual([]);
  });
  it('SERVICE_WIDE_ACTION: "s3:*"', async () => {
    expect(await only('SERVICE_WIDE_ACTION', policy({ ...readObjects, Action: ['s3:*'] }))).toEqual([expect.objectContaining({ severity: 'securityWarning' })]);
  });
  it('SERVICE_WIDE_ACTION: passes for a narrower wildcard such as s3:Get*', async () => {
    expect(await only('SERVICE_WIDE_ACTION', policy({ ...readObjects, Action: ['s3:Get*'] }))).toEqual([]);
  });
  it('RESOURCE_STAR: S3 actions on "*" or on every bucket', async () => {
    expect(await only('RESOURCE_STAR', policy({ ...readObjects, Resource: ['*'] }))).toEqual([expect.objectContaining({ severity: 'securityWarning', path: ['Statement', 0, 'Resource', 0] })]);
    expect(await only('RESOURCE_STAR', policy({ ...readObjects, Resource: ['arn:aws:s3:::*/*'] }))).toHaveLength(1);
  });
  it('RESOURCE_STAR: passes for non-S3 actions on "*" and for S3 actions on a named bucket', async () => {
    expect(await only('RESOURCE_STAR', policy({ Effect: 'Allow', Action: ['ec2:DescribeInstances'], Resource: ['*'] }))).toEqual([]);
    expect(await only('RESOURCE_STAR', policy(readObjects))).toEqual([]);
  });
  it('PASS_ROLE_WITH_STAR_IN_RESOURCE: iam:PassRole (or iam:*) on every role', async () => {
    expect(await only('PASS_ROLE_WITH_STAR_IN_RESOURCE', policy({ Effect: 'Allow', Action: ['iam:PassRole'], Resource: ['*'] }))).toHaveLength(1);
    expect(await only('PASS_ROLE_WITH_STAR_IN_RESOURCE', policy({ Effect: 'Allow', Action: ['iam:Pass*'], Resource: ['arn:aws:iam::111122223333:role/*'] }))).toHaveLength(1);
  });
  it('PASS_ROLE_WITH_STAR_IN_RESOURCE: passes for one named role', async () => {
    expect(await only('PASS_ROLE_WITH_STAR_IN_RESOURCE', policy({ Effect: 'Allow', Action: ['iam:PassRole'], Resource: ['arn:aws:iam::111122223333:role/connector'] }))).toEqual([]);
  });
  it('ASSUME_ROLE_WITH_STAR_IN_RESOURCE: sts:AssumeRole on "*"', async () => {
    expect(await only('ASSUME_ROLE_WITH_STAR_IN_RESOURCE', policy({ Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: ['*'] }))).toEqual([expect.objectContaining({ severity: 'securityWarning' })]);
  });
  it('ASSUME_ROLE_WITH_STAR_IN_RESOURCE: passes for exactly the connector role', async () => {
    expect(await only('ASSUME_ROLE_WITH_STAR_IN_RESOURCE', policy({ Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: ['arn:aws:iam::222233334444:role/S3Connector'] }))).toEqual([]);
  });
});

describe('NotAction / NotResource rule', () => {
  it('ALLOW_WITH_NOT_ACTION: Allow with NotAction', async () => {
    expect(await only('ALLOW_WITH_NOT_ACTION', policy({ Effect: 'Allow', NotAction: ['iam:*'], Resource: ['*'] }))).toEqual([expect.objectContaining({ severity: 'securityWarning', path: ['Statement', 0, 'NotAction'] })]);
  });
  it('ALLOW_WITH_NOT_ACTION: passes for Deny with NotAction', async () => {
    expect(await only('ALLOW_WITH_NOT_ACTION', policy({ Effect: 'Deny', NotAction: ['s3:GetObject'], Resource: ['*'] }))).toEqual([]);
  });
  it('ALLOW_WITH_NOT_RESOURCE: Allow with NotResource', async () => {
    expect(await only('ALLOW_WITH_NOT_RESOURCE', policy({ Effect: 'Allow', Action: ['s3:GetObject'], NotResource: [OBJECTS] }))).toEqual([expect.objectContaining({ severity: 'securityWarning', path: ['Statement', 0, 'NotResource'] })]);
  });
  it('ALLOW_WITH_NOT_RESOURCE: passes for Deny with NotResource', async () => {
    expect(await only('ALLOW_WITH_NOT_RESOURCE', policy({ Effect: 'Deny', Action: ['s3:*'], NotResource: [OBJECTS] }))).toEqual([]);
  });
});

describe('redundancy rule', () => {
  it('REDUNDANT_STATEMENT: a statement covered by a wider one', async () => {
    const wide: Statement = { Effect: 'Allow', Action: ['s3:Get*'], Resource: [`${BUCKET}/*`] };
    const [finding] = await only('REDUNDANT_STATEMENT', policy(readObjects, wide));
    expect(finding).toMatchObject({ severity: 'suggestion', path: ['Statement', 0] });
    expect(finding?.message).toContain('statement 1');
  });
  it('REDUNDANT_STATEMENT: of two identical statements, the later one', async () => {
    expect(await only('REDUNDANT_STATEMENT', policy(readObjects, { ...readObjects, Sid: 'Again' }))).toEqual([expect.objectContaining({ path: ['Statement', 1] })]);
  });
  it('REDUNDANT_STATEMENT: a statement with a condition is covered by the same one without', async () => {
    expect(await only('REDUNDANT_STATEMENT', policy(listBucket, { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [BUCKET] }))).toEqual([expect.objectContaining({ path: ['Statement', 0] })]);
  });
  it('REDUNDANT_STATEMENT: passes when the effect, resources or conditions differ', async () => {
    expect(await only('REDUNDANT_STATEMENT', policy(readObjects, { ...readObjects, Effect: 'Deny' }))).toEqual([]);
    expect(await only('REDUNDANT_STATEMENT', policy(readObjects, { ...readObjects, Resource: [`${BUCKET}/outbound/*`] }))).toEqual([]);
    expect(await only('REDUNDANT_STATEMENT', policy({ ...listBucket, Condition: { StringLike: { 's3:prefix': ['a/*'] } } }, listBucket))).toEqual([]);
  });
  it('REDUNDANT_ACTION: a repeated action (ignoring case) or one covered by a wildcard', async () => {
    expect(await only('REDUNDANT_ACTION', policy({ ...readObjects, Action: ['s3:GetObject', 's3:getobject'] }))).toEqual([expect.objectContaining({ path: ['Statement', 0, 'Action', 1] })]);
    expect(await only('REDUNDANT_ACTION', policy({ ...readObjects, Action: ['s3:GetObject', 's3:Get*'] }))).toEqual([expect.objectContaining({ path: ['Statement', 0, 'Action', 0] })]);
  });
  it('REDUNDANT_ACTION: passes for distinct actions', async () => {
    expect(await only('REDUNDANT_ACTION', policy({ ...readObjects, Action: ['s3:GetObject', 's3:PutObject'] }))).toEqual([]);
  });
  it('REDUNDANT_RESOURCE: a resource covered by another in the same list (case-sensitive)', async () => {
    expect(await only('REDUNDANT_RESOURCE', policy({ ...readObjects, Resource: [OBJECTS, `${BUCKET}/*`] }))).toEqual([expect.objectContaining({ path: ['Statement', 0, 'Resource', 0] })]);
  });
  it('REDUNDANT_RESOURCE: passes for resources that differ only in case (ARNs are case-sensitive)', async () => {
    expect(await only('REDUNDANT_RESOURCE', policy({ ...readObjects, Resource: [OBJECTS, OBJECTS.toUpperCase().replace('ARN:AWS:S3', 'arn:aws:s3')] }))).toEqual([]);
  });
});

describe('catalogue failures', () => {
  it('CATALOGUE_UNAVAILABLE: a catalogue that cannot be read gives one warning, not an exception', async () => {
    const broken = { servicePrefixes: () => Promise.reject(new Error('data folder missing')), service: () => Promise.reject(new Error('data folder missing')) };
    const result = await lintPolicy(policy({ ...readObjects, Action: ['s3:GetObjekt', 'kms:Decrypt'] }), { kind: 'managed', catalogue: broken });
    expect(result.filter((f) => f.code === 'CATALOGUE_UNAVAILABLE')).toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect(result[result.length - 1]?.message).toContain('data folder missing');
    expect(result.map((f) => f.code)).not.toContain('INVALID_ACTION');
  });
  it('CATALOGUE_UNAVAILABLE: absent when the catalogue works', async () => {
    expect(await only('CATALOGUE_UNAVAILABLE', policy(readObjects))).toEqual([]);
  });
});

describe('lintPolicyText places findings in the text', () => {
  it('POLICY_SIZE_NEAR_QUOTA from the parser comes back as a warning finding', async () => {
    const values = Array.from({ length: 280 }, (_, i) => `team-${String(i).padStart(12, '0')}`);
    const text = JSON.stringify(policy({ ...readObjects, Condition: { StringEquals: { 'aws:PrincipalTag/team': values } } }), null, 2);
    const result = await lintPolicyText(text, { kind: 'managed', catalogue });
    expect(result).toEqual([expect.objectContaining({ severity: 'warning', code: 'POLICY_SIZE_NEAR_QUOTA' })]);
  });

  it('maps model paths onto lenient forms (single statement object, string Action)', async () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": {\n    "Effect": "Allow",\n    "Action": "s3:GetObjekt",\n    "Resource": "arn:aws:s3:::b/*"\n  }\n}';
    const result = await lintPolicyText(text, { kind: 'managed', catalogue });
    expect(result).toEqual([expect.objectContaining({ code: 'INVALID_ACTION', path: ['Statement', 0, 'Action', 0], line: 5, column: 15 })]);
  });
  it('returns parser problems as error findings with line and column, message including the next step', async () => {
    const result = await lintPolicyText('{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",}\n  ]\n}', { kind: 'managed', catalogue });
    expect(result).toEqual([expect.objectContaining({ severity: 'error', code: 'JSON_SYNTAX_ERROR', line: 4, column: 82 })]);
    expect(result[0]?.message).toContain('IAM accepts strict JSON only');
  });
});

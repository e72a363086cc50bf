import { describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/errors';
import {
  partitionOfRegion,
  roleArn,
  validateAccountId,
  validateExternalId,
  validateIamPath,
  validateInstanceId,
  validateInstanceProfileName,
  validateKmsKeyArn,
  validateManagedPolicyName,
  validatePartition,
  validatePermissionsBoundaryArn,
  validateRegion,
  validateRoleArn,
  validateRoleName,
  validateTags,
} from '../../../shared/validation';

function failure<T>(result: Result<T>): { code: string; message: string; nextStep: string } {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('account id', () => {
  it('accepts 12 digits', () => expect(validateAccountId('111122223333').ok).toBe(true));
  it.each(['11112222333', '1111222233334', 'abcdabcdabcd', ''])('rejects %j', (value) => {
    expect(failure(validateAccountId(value)).code).toBe('INVALID_ACCOUNT_ID');
  });
  it('suggests the digits when the console format with hyphens is pasted', () => {
    expect(failure(validateAccountId('1111-2222-3333')).message).toMatch(/remove the separators: 111122223333/);
  });
});

describe('IAM names and paths', () => {
  it('role names: 1–64 of [\\w+=,.@-]', () => {
    expect(validateRoleName('Informatica_S3+role=a,b.c@d-e').ok).toBe(true);
    expect(validateRoleName('r'.repeat(64)).ok).toBe(true);
    expect(failure(validateRoleName('r'.repeat(65))).message).toMatch(/65 characters; IAM allows 1 to 64/);
    expect(failure(validateRoleName('')).code).toBe('INVALID_ROLE_NAME');
    expect(failure(validateRoleName('my role')).message).toMatch(/contains " "/);
    expect(failure(validateRoleName('role/x')).message).toMatch(/contains "\/"/);
  });
  it('instance profile and policy names allow 128 characters', () => {
    expect(validateInstanceProfileName('p'.repeat(128)).ok).toBe(true);
    expect(failure(validateInstanceProfileName('p'.repeat(129))).code).toBe('INVALID_INSTANCE_PROFILE_NAME');
    expect(validateManagedPolicyName('p'.repeat(128)).ok).toBe(true);
    expect(failure(validateManagedPolicyName('p'.repeat(129))).code).toBe('INVALID_POLICY_NAME');
    expect(failure(validateManagedPolicyName('s3*access')).message).toMatch(/contains "\*"/);
  });
  it('paths: "/" or "/…/" of printable ASCII, at most 512', () => {
    expect(validateIamPath('/').ok).toBe(true);
    expect(validateIamPath('/informatica/agents/').ok).toBe(true);
    expect(validateIamPath(`/${'a'.repeat(510)}/`).ok).toBe(true);
    expect(failure(validateIamPath(`/${'a'.repeat(511)}/`)).message).toMatch(/513 characters/);
    expect(failure(validateIamPath('informatica/')).message).toMatch(/begin and end with "\/"/);
    expect(failure(validateIamPath('/informatica')).code).toBe('INVALID_IAM_PATH');
    expect(failure(validateIamPath('/a b/')).message).toMatch(/printable ASCII/);
    expect(failure(validateIamPath('/é/')).message).toMatch(/printable ASCII/);
    expect(failure(validateIamPath('/a//b/')).message).toMatch(/empty path segment/);
  });
});

describe('External Id', () => {
  it('accepts 2–1224 characters of [\\w+=,.@:/-]', () => {
    expect(validateExternalId('ab').ok).toBe(true);
    expect(validateExternalId('acme:informatica/prod=1,x@y.z+w-_').ok).toBe(true);
    expect(validateExternalId('x'.repeat(1224)).ok).toBe(true);
  });
  it.each([
    ['a', /1 characters; STS accepts 2 to 1224/],
    ['x'.repeat(1225), /1225 characters/],
    ['has space', /contains " "/],
    ['quote"d', /contains "\\""/],
  ])('rejects %j', (value, message) => {
    const error = failure(validateExternalId(value));
    expect(error.code).toBe('INVALID_EXTERNAL_ID');
    expect(error.message).toMatch(message);
  });
});

describe('partition and region', () => {
  it.each(['aws', 'aws-cn', 'aws-us-gov'])('accepts partition %s', (p) => expect(validatePartition(p).ok).toBe(true));
  it.each(['AWS', 'aws-iso', 'aws-eusc', 'azure', ''])('rejects partition %j', (p) => {
    const error = failure(validatePartition(p));
    expect(error.code).toBe('INVALID_PARTITION');
    expect(error.message).toContain('aws, aws-cn, aws-us-gov');
  });
  it('maps regions to partitions by the SDK patterns', () => {
    expect(partitionOfRegion('us-east-1')).toBe('aws');
    expect(partitionOfRegion('il-central-1')).toBe('aws');
    expect(partitionOfRegion('mx-central-1')).toBe('aws');
    expect(partitionOfRegion('cn-northwest-1')).toBe('aws-cn');
    expect(partitionOfRegion('us-gov-west-1')).toBe('aws-us-gov');
    expect(partitionOfRegion('us-east')).toBeUndefined();
    expect(partitionOfRegion('moon-base-1')).toBeUndefined();
  });
  it('checks a region against the chosen partition', () => {
    expect(validateRegion('eu-west-1', 'aws').ok).toBe(true);
    expect(failure(validateRegion('cn-north-1', 'aws')).message).toMatch(/belongs to partition "aws-cn", not "aws"/);
    expect(failure(validateRegion('useast1')).code).toBe('INVALID_REGION');
  });
});

describe('role ARN', () => {
  it('parses account, path and name', () => {
    const result = validateRoleArn('arn:aws:iam::111122223333:role/informatica/agents/s3-connector');
    expect(result).toEqual({
      ok: true,
      value: { arn: 'arn:aws:iam::111122223333:role/informatica/agents/s3-connector', partition: 'aws', accountId: '111122223333', path: '/informatica/agents/', roleName: 's3-connector' },
    });
    expect(roleArn('aws-cn', '111122223333', '/x/', 'r')).toBe('arn:aws-cn:iam::111122223333:role/x/r');
  });
  it.each([
    ['arn:aws:iam::111122223333:user/alice', /is not an IAM role ARN/],
    ['arn:aws:s3:::bucket', /is not an IAM role ARN/],
    ['role/x', /is not an IAM role ARN/],
    ['arn:aws:iam:us-east-1:111122223333:role/x', /has a region/],
    ['arn:aws:iam::1111:role/x', /no valid account id/],
    ['arn:aws:iam::111122223333:role/bad name', /names no valid role/],
    ['arn:aws-iso:iam::111122223333:role/x', /unknown partition "aws-iso"/],
  ])('rejects %s', (arn, message) => {
    const error = failure(validateRoleArn(arn));
    expect(error.code).toBe('INVALID_ROLE_ARN');
    expect(error.message).toMatch(message);
  });
  it('rejects a role in another partition than the policy', () => {
    expect(failure(validateRoleArn('arn:aws:iam::111122223333:role/x', 'aws-cn')).message).toMatch(/partition "aws" but the policy is for "aws-cn"/);
  });
});

describe('KMS key ARN', () => {
  it('accepts key ARNs with a UUID or a multi-Region key id', () => {
    expect(validateKmsKeyArn(KEY).ok).toBe(true);
    expect(validateKmsKeyArn('arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab').ok).toBe(true);
    expect(validateKmsKeyArn('arn:aws-cn:kms:cn-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', 'aws-cn').ok).toBe(true);
  });
  it.each([
    ['arn:aws:kms:us-east-1:111122223333:alias/my-key', /alias ARN/],
    ['1234abcd-12ab-34cd-56ef-1234567890ab', /is not a KMS key ARN/],
    ['arn:aws:kms:cn-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', /no valid region.*belongs to partition "aws-cn"/],
    ['arn:aws:kms:us-east-1:12:key/1234abcd-12ab-34cd-56ef-1234567890ab', /no valid account id/],
    ['arn:aws:kms:us-east-1:111122223333:key/not-a-key-id', /must end in "key\/<key id>"/],
  ])('rejects %s', (arn, message) => {
    const error = failure(validateKmsKeyArn(arn));
    expect(error.code).toBe('INVALID_KMS_KEY_ARN');
    expect(error.message).toMatch(message);
  });
  it('rejects a key in another partition than the policy', () => {
    expect(failure(validateKmsKeyArn(KEY, 'aws-us-gov')).message).toMatch(/partition "aws" but the policy is for "aws-us-gov"/);
  });
});

describe('permissions boundary ARN', () => {
  it('accepts customer and AWS managed policy ARNs', () => {
    expect(validatePermissionsBoundaryArn('arn:aws:iam::111122223333:policy/boundaries/informatica').ok).toBe(true);
    expect(validatePermissionsBoundaryArn('arn:aws:iam::aws:policy/PowerUserAccess').ok).toBe(true);
  });
  it.each([
    ['arn:aws:iam::111122223333:role/x', /not a managed policy ARN/],
    ['arn:aws:iam::amazon:policy/x', /12-digit account id/],
    ['arn:aws:iam::111122223333:policy/bad name', /names no valid policy/],
  ])('rejects %s', (arn, message) => {
    const error = failure(validatePermissionsBoundaryArn(arn));
    expect(error.code).toBe('INVALID_PERMISSIONS_BOUNDARY_ARN');
    expect(error.message).toMatch(message);
  });
});

describe('tags and instance id', () => {
  it('accepts IAM tag characters, including letters beyond ASCII and empty values', () => {
    expect(validateTags([{ key: 'team', value: 'data platform' }, { key: 'cost:centre', value: 'é/1=+@-_.' }, { key: 'empty', value: '' }]).ok).toBe(true);
  });
  it.each([
    [[{ key: '', value: 'x' }], /1 to 128/],
    [[{ key: 'k'.repeat(129), value: 'x' }], /129 characters/],
    [[{ key: 'aws:owner', value: 'x' }], /reserved for AWS/],
    [[{ key: 'k', value: 'v'.repeat(257) }], /at most 256/],
    [[{ key: 'k', value: 'a"b' }], /character IAM does not allow/],
    [[{ key: 'k', value: '${x}' }], /character IAM does not allow/],
    [[{ key: 'Team', value: 'a' }, { key: 'team', value: 'b' }], /given twice/],
    [Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: 'v' })), /at most 50/],
  ])('rejects %#', (tags, message) => {
    const error = failure(validateTags(tags));
    expect(error.code).toBe('INVALID_TAG');
    expect(error.message).toMatch(message);
  });
  it('instance ids: i- and 8 or 17 hex digits', () => {
    expect(validateInstanceId('i-0123456789abcdef0').ok).toBe(true);
    expect(validateInstanceId('i-01234567').ok).toBe(true);
    expect(failure(validateInstanceId('i-0123456789ABCDEF0')).code).toBe('INVALID_INSTANCE_ID');
    expect(failure(validateInstanceId('0123456789abcdef0')).code).toBe('INVALID_INSTANCE_ID');
  });
});

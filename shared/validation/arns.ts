import { fail, ok, type KeylessError, type Result } from '../errors';
import { parseArn } from '../policy/arn';
import type { Partition } from '../policy/model';
import { validateAccountId } from './account-id';
import { validateIamName, validateIamPath } from './iam-names';
import { isPartition, validateRegion } from './partition-region';

/** A parsed IAM role ARN: `arn:<partition>:iam::<account>:role<path><name>`. */
export interface RoleArnParts {
  readonly arn: string;
  readonly partition: Partition;
  readonly accountId: string;
  readonly path: string;
  readonly roleName: string;
}

function invalid<T>(code: `INVALID_${string}`, message: string, nextStep: string): Result<T> {
  return fail(code, message, nextStep);
}

function wrongPartition(what: string, value: string, actual: string, expected: Partition, code: `INVALID_${string}`): Result<never> {
  return invalid(
    code,
    `The ${what} ${value} is in partition "${actual}" but the policy is for "${expected}".`,
    `Use a ${what} from the "${expected}" partition, or change the partition to "${actual}".`,
  );
}

function because(error: KeylessError): string {
  return error.message.replace(/\.$/, '');
}

/** Splits `role/a/b/Name` (resource part of an IAM ARN) into path `/a/b/` and name `Name`. */
function splitPathAndName(rest: string): { path: string; name: string } {
  const lastSlash = rest.lastIndexOf('/');
  return lastSlash < 0 ? { path: '/', name: rest } : { path: `/${rest.slice(0, lastSlash + 1)}`, name: rest.slice(lastSlash + 1) };
}

export function validateRoleArn(value: string, expectedPartition?: Partition): Result<RoleArnParts> {
  const code = 'INVALID_ROLE_ARN';
  const nextStep = 'Copy the role ARN from the IAM console, e.g. "arn:aws:iam::123456789012:role/informatica-s3".';
  const arn = parseArn(value);
  if (arn === undefined || arn.service !== 'iam' || !arn.resource.startsWith('role/')) {
    return invalid(code, `"${value}" is not an IAM role ARN.`, nextStep);
  }
  if (!isPartition(arn.partition)) return invalid(code, `The role ARN ${value} has the unknown partition "${arn.partition}".`, nextStep);
  if (arn.region !== '') return invalid(code, `The role ARN ${value} has a region; IAM ARNs have none ("arn:aws:iam::…").`, nextStep);
  const account = validateAccountId(arn.account);
  if (!account.ok) return invalid(code, `The role ARN ${value} has no valid account id: ${because(account.error)}.`, nextStep);
  const { path, name } = splitPathAndName(arn.resource.slice('role/'.length));
  const nameCheck = validateIamName('role', name);
  if (!nameCheck.ok) return invalid(code, `The role ARN ${value} names no valid role: ${because(nameCheck.error)}.`, nextStep);
  const pathCheck = validateIamPath(path);
  if (!pathCheck.ok) return invalid(code, `The role ARN ${value} has an invalid path: ${because(pathCheck.error)}.`, nextStep);
  if (expectedPartition !== undefined && arn.partition !== expectedPartition) {
    return wrongPartition('role ARN', value, arn.partition, expectedPartition, code);
  }
  return ok({ arn: value, partition: arn.partition, accountId: arn.account, path, roleName: name });
}

export function roleArn(partition: Partition, accountId: string, path: string, roleName: string): string {
  return `arn:${partition}:iam::${accountId}:role${path}${roleName}`;
}

const KEY_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;

/**
 * An SSE-KMS key ARN. Only `key/…` ARNs: IAM authorises kms:Decrypt and kms:GenerateDataKey
 * against the key, so a policy naming an alias ARN would grant nothing for encryption.
 */
export function validateKmsKeyArn(value: string, expectedPartition?: Partition): Result<string> {
  const code = 'INVALID_KMS_KEY_ARN';
  const nextStep =
    'Copy the key ARN from the KMS console, e.g. "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" (an alias ARN will not work).';
  const arn = parseArn(value);
  if (arn === undefined || arn.service !== 'kms') return invalid(code, `"${value}" is not a KMS key ARN.`, nextStep);
  if (arn.resource.startsWith('alias/')) {
    return invalid(code, `${value} is a KMS alias ARN; IAM grants key use on the key ARN, not on an alias.`, nextStep);
  }
  if (!isPartition(arn.partition)) return invalid(code, `The KMS key ARN ${value} has the unknown partition "${arn.partition}".`, nextStep);
  const region = validateRegion(arn.region, arn.partition);
  if (!region.ok) return invalid(code, `The KMS key ARN ${value} has no valid region: ${because(region.error)}.`, nextStep);
  const account = validateAccountId(arn.account);
  if (!account.ok) return invalid(code, `The KMS key ARN ${value} has no valid account id: ${because(account.error)}.`, nextStep);
  if (!arn.resource.startsWith('key/') || !KEY_ID.test(arn.resource.slice('key/'.length))) {
    return invalid(code, `The KMS key ARN ${value} must end in "key/<key id>" with a key id such as a UUID or "mrk-…".`, nextStep);
  }
  if (expectedPartition !== undefined && arn.partition !== expectedPartition) {
    return wrongPartition('KMS key ARN', value, arn.partition, expectedPartition, code);
  }
  return ok(value);
}

/**
 * A managed policy ARN used as a permissions boundary: customer managed
 * (`arn:<p>:iam::<account>:policy/…`) or AWS managed (`arn:<p>:iam::aws:policy/…`).
 */
export function validatePermissionsBoundaryArn(value: string, expectedPartition?: Partition): Result<string> {
  const code = 'INVALID_PERMISSIONS_BOUNDARY_ARN';
  const nextStep = 'Use the ARN of a managed policy, e.g. "arn:aws:iam::123456789012:policy/boundaries/informatica-boundary".';
  const arn = parseArn(value);
  if (arn === undefined || arn.service !== 'iam' || !arn.resource.startsWith('policy/')) {
    return invalid(code, `"${value}" is not a managed policy ARN, so it cannot be a permissions boundary.`, nextStep);
  }
  if (!isPartition(arn.partition)) return invalid(code, `The boundary ARN ${value} has the unknown partition "${arn.partition}".`, nextStep);
  if (arn.region !== '') return invalid(code, `The boundary ARN ${value} has a region; IAM ARNs have none.`, nextStep);
  if (arn.account !== 'aws' && !validateAccountId(arn.account).ok) {
    return invalid(code, `The boundary ARN ${value} needs a 12-digit account id (or "aws" for an AWS managed policy).`, nextStep);
  }
  const { path, name } = splitPathAndName(arn.resource.slice('policy/'.length));
  const nameCheck = validateIamName('managedPolicy', name);
  if (!nameCheck.ok) return invalid(code, `The boundary ARN ${value} names no valid policy: ${because(nameCheck.error)}.`, nextStep);
  const pathCheck = validateIamPath(path);
  if (!pathCheck.ok) return invalid(code, `The boundary ARN ${value} has an invalid path: ${because(pathCheck.error)}.`, nextStep);
  if (expectedPartition !== undefined && arn.partition !== expectedPartition) {
    return wrongPartition('permissions boundary ARN', value, arn.partition, expectedPartition, code);
  }
  return ok(value);
}

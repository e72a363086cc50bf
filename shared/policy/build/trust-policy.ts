import type { Partition, PolicyDocument, Statement } from '../model';
import { inputError } from '../../errors';
import { validateAccountId } from '../../validation/account-id';
import { validateRoleArn } from '../../validation/arns';
import { validateExternalId } from '../../validation/external-id';
import { validatePartition } from '../../validation/partition-region';
import { requireValid } from '../../validation/require-valid';

/** Who may assume the role: the EC2 service (setup A), another account (C), or a role (B). */
export type TrustedEntity =
  | { readonly kind: 'ec2Service' }
  | { readonly kind: 'account'; readonly accountId: string }
  | { readonly kind: 'role'; readonly roleArn: string };

export interface TrustPolicyOptions {
  readonly trusted: TrustedEntity;
  /** Adds `StringEquals sts:ExternalId`; the connection's "External Id" must then carry it. */
  readonly externalId?: string;
  readonly partition: Partition;
}

export const TRUST_SIDS = {
  ec2Service: 'TrustEc2Service',
  account: 'TrustAccount',
  role: 'TrustInstanceRole',
} as const;

/** EC2's service principal; China regions use the `.com.cn` form (aws.md §5). */
export function ec2ServicePrincipal(partition: Partition): string {
  return partition === 'aws-cn' ? 'ec2.amazonaws.com.cn' : 'ec2.amazonaws.com';
}

export function buildTrustPolicy(options: TrustPolicyOptions): PolicyDocument {
  const partition = requireValid(validatePartition(options.partition));
  const externalId = options.externalId === undefined ? undefined : requireValid(validateExternalId(options.externalId));
  const { trusted } = options;
  let statement: Statement;
  switch (trusted.kind) {
    case 'ec2Service':
      if (externalId !== undefined) {
        // EC2 assumes an instance role without an External Id, so the condition would lock it out.
        throw inputError(
          'INVALID_EXTERNAL_ID',
          'An External Id cannot be required of the EC2 service: EC2 never sends one, so the instance could not use the role.',
          'Leave the External Id out for an instance role; use it on a role trusted by an account or by another role.',
        );
      }
      statement = { Sid: TRUST_SIDS.ec2Service, Effect: 'Allow', Principal: { Service: [ec2ServicePrincipal(partition)] }, Action: ['sts:AssumeRole'] };
      break;
    case 'account': {
      const accountId = requireValid(validateAccountId(trusted.accountId));
      statement = { Sid: TRUST_SIDS.account, Effect: 'Allow', Principal: { AWS: [`arn:${partition}:iam::${accountId}:root`] }, Action: ['sts:AssumeRole'] };
      break;
    }
    case 'role': {
      const role = requireValid(validateRoleArn(trusted.roleArn, partition));
      statement = { Sid: TRUST_SIDS.role, Effect: 'Allow', Principal: { AWS: [role.arn] }, Action: ['sts:AssumeRole'] };
      break;
    }
    default:
      throw inputError('INVALID_TRUSTED_ENTITY', 'The trusted entity must be the EC2 service, an AWS account or a role ARN.', 'Choose who may assume the role.');
  }
  if (externalId !== undefined) statement = { ...statement, Condition: { StringEquals: { 'sts:ExternalId': [externalId] } } };
  return { Version: '2012-10-17', Statement: [statement] };
}

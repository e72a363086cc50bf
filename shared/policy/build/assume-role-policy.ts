import type { Partition, PolicyDocument } from '../model';
import { validateRoleArn } from '../../validation/arns';
import { requireValid } from '../../validation/require-valid';

export interface AssumeRolePolicyOptions {
  /** ARN of the connector role (the connection's "IAM Role ARN"). */
  readonly connectorRoleArn: string;
  /** When given, the ARN must be in this partition. */
  readonly partition?: Partition;
}

export const ASSUME_SID = 'AssumeConnectorRole';

/**
 * Setup B's instance-role policy: the instance role may assume exactly the connector role and
 * nothing else, so widening the shared instance role leaks no S3 access (the seed's warning).
 */
export function buildAssumeRolePolicy(options: AssumeRolePolicyOptions): PolicyDocument {
  const role = requireValid(validateRoleArn(options.connectorRoleArn, options.partition));
  return { Version: '2012-10-17', Statement: [{ Sid: ASSUME_SID, Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: [role.arn] }] };
}

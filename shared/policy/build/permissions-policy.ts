import type { AccessLevel, Partition, PolicyDocument, Statement } from '../model';
import { validateBucketName } from '../../validation/bucket-name';
import { validateFolderPath } from '../../validation/folder-path';
import { validateKmsKeyArn } from '../../validation/arns';
import { validatePartition } from '../../validation/partition-region';
import { requireValid } from '../../validation/require-valid';
import { inputError } from '../../errors';
import { literalForPolicy } from './policy-literal';

export interface PermissionsPolicyOptions {
  readonly bucket: string;
  /** Folder inside the bucket, no slash at either end; absent grants the whole bucket. */
  readonly folder?: string;
  readonly access: AccessLevel;
  /** Mappings in advanced mode (Spark) list and clean up multipart uploads. */
  readonly advancedMode: boolean;
  /** SSE-KMS key of the bucket, when objects are encrypted with a customer managed key. */
  readonly kmsKeyArn?: string;
  readonly partition: Partition;
}

/** Statement ids are fixed so diffs between drafts, and lint findings, point at the same place. */
export const PERMISSIONS_SIDS = {
  list: 'ListBucketContents',
  bucketLevel: 'BucketLevelAccess',
  objects: 'ObjectAccess',
  kms: 'KmsKeyAccess',
} as const;

/**
 * The S3 v2 connector's permissions policy (DESIGN §2, aws.md §5, Informatica's minimum lists).
 * ListBucket is the only bucket action that takes `s3:prefix`, so it stands alone and is scoped
 * to the folder; GetBucketLocation (region detection) and ListBucketMultipartUploads cannot be
 * narrowed by prefix and go unconditioned on the bucket ARN.
 */
export function buildPermissionsPolicy(options: PermissionsPolicyOptions): PolicyDocument {
  const partition = requireValid(validatePartition(options.partition));
  const bucket = requireValid(validateBucketName(options.bucket));
  const folder = options.folder === undefined ? undefined : requireValid(validateFolderPath(options.folder));
  if (options.access !== 'read' && options.access !== 'write') {
    throw inputError('INVALID_ACCESS_LEVEL', `Access must be "read" or "write", not "${String(options.access)}".`, 'Choose read or write access.');
  }
  const kmsKeyArn = options.kmsKeyArn === undefined ? undefined : requireValid(validateKmsKeyArn(options.kmsKeyArn, partition));

  const bucketArn = `arn:${partition}:s3:::${bucket}`;
  const prefix = folder === undefined ? undefined : literalForPolicy(folder);
  const objectsArn = prefix === undefined ? `${bucketArn}/*` : `${bucketArn}/${prefix}/*`;

  const list: Statement = {
    Sid: PERMISSIONS_SIDS.list,
    Effect: 'Allow',
    Action: ['s3:ListBucket'],
    Resource: [bucketArn],
    ...(prefix === undefined ? {} : { Condition: { StringLike: { 's3:prefix': [`${prefix}/`, `${prefix}/*`] } } }),
  };
  const bucketLevel: Statement = {
    Sid: PERMISSIONS_SIDS.bucketLevel,
    Effect: 'Allow',
    Action: options.advancedMode ? ['s3:GetBucketLocation', 's3:ListBucketMultipartUploads'] : ['s3:GetBucketLocation'],
    Resource: [bucketArn],
  };
  const objectActions = ['s3:GetObject'];
  if (options.access === 'write') {
    objectActions.push('s3:PutObject', 's3:DeleteObject');
    if (options.advancedMode) objectActions.push('s3:AbortMultipartUpload', 's3:ListMultipartUploadParts');
  }
  const objects: Statement = { Sid: PERMISSIONS_SIDS.objects, Effect: 'Allow', Action: objectActions, Resource: [objectsArn] };
  const statements = [list, bucketLevel, objects];
  if (kmsKeyArn !== undefined) {
    statements.push({ Sid: PERMISSIONS_SIDS.kms, Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: [kmsKeyArn] });
  }
  return { Version: '2012-10-17', Statement: statements };
}

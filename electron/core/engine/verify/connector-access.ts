import { buildPermissionsPolicy } from '../../../../shared/policy/build';
import type { PermissionsPolicyOptions } from '../../../../shared/policy/build';
import type { Partition } from '../../../../shared/policy/model';
import type { RequestContext } from '../../../../shared/policy/evaluation-types';
import { s3RequestFor } from '../../../../shared/policy/s3-request';
import { toPolicyJson } from '../../../../shared/policy/serialize';
import { shellQuote } from '../../../../shared/export/shell-text';
import { DEFAULT_NAMES } from '../../../../shared/export/default-names';
import type { LinkFix } from '../../../../shared/plan/chain-report';
import { inputError } from '../../../../shared/errors';
import { validateBucketName } from '../../../../shared/validation/bucket-name';
import { validateFolderPath } from '../../../../shared/validation/folder-path';
import { validateKmsKeyArn } from '../../../../shared/validation/arns';
import { requireValid } from '../../../../shared/validation/require-valid';

/**
 * What the S3 v2 connector does with the bucket (Informatica's minimum, DESIGN §2), as the IAM
 * requests verify simulates and doctor evaluates: ListBucket with `s3:prefix` "folder/", GetObject
 * on an object under the folder, PutObject and DeleteObject for write, ListBucketMultipartUploads
 * in advanced mode, and the KMS actions when the bucket uses a customer managed key.
 */

/** The same facts the permissions policy is built from: what it grants is what is checked. */
export type ConnectorTarget = PermissionsPolicyOptions;

/** Checked user input → target: a bad bucket, folder, access level or key ARN is refused before any call. */
export function connectorTarget(input: { bucket: string; folder?: string; access?: string; advancedMode?: boolean; kmsKeyArn?: string; partition: Partition }): ConnectorTarget {
  const access = input.access ?? 'read';
  if (access !== 'read' && access !== 'write') throw inputError('INVALID_ACCESS_LEVEL', `Access must be "read" or "write", not "${access}".`, 'Pass --access read or --access write.');
  const folder = input.folder === undefined ? undefined : requireValid(validateFolderPath(input.folder));
  const kmsKeyArn = input.kmsKeyArn === undefined ? undefined : requireValid(validateKmsKeyArn(input.kmsKeyArn, input.partition));
  return {
    bucket: requireValid(validateBucketName(input.bucket)),
    ...(folder === undefined ? {} : { folder }),
    access,
    advancedMode: input.advancedMode ?? false,
    ...(kmsKeyArn === undefined ? {} : { kmsKeyArn }),
    partition: input.partition,
  };
}

export interface AccessQuestion {
  /** Link id: the action, e.g. `s3:ListBucket`. */
  readonly id: string;
  readonly title: string;
  readonly request: RequestContext;
}

/** Any key under the folder stands for "an object the connector reads or writes there". */
export const SAMPLE_OBJECT = 'keyless-sample-object';

export function folderUrl(target: Pick<ConnectorTarget, 'bucket' | 'folder'>): string {
  return `s3://${target.bucket}/${target.folder === undefined ? '' : `${target.folder}/`}`;
}

export function connectorAccessQuestions(target: ConnectorTarget): AccessQuestion[] {
  const folderLocation = folderUrl(target);
  const objectLocation = `${folderLocation}${SAMPLE_OBJECT}`;
  const where = folderLocation;
  const listRequest = s3RequestFor('s3:ListBucket', folderLocation, target.partition);
  const questions: AccessQuestion[] = [
    {
      id: 's3:ListBucket',
      title: `List ${where}${target.folder === undefined ? '' : ` (s3:prefix "${target.folder}/")`}`,
      request: listRequest,
    },
    { id: 's3:GetObject', title: `Read objects under ${where}`, request: s3RequestFor('s3:GetObject', objectLocation, target.partition) },
  ];
  if (target.access === 'write') {
    questions.push(
      { id: 's3:PutObject', title: `Write objects under ${where}`, request: s3RequestFor('s3:PutObject', objectLocation, target.partition) },
      { id: 's3:DeleteObject', title: `Delete objects under ${where}`, request: s3RequestFor('s3:DeleteObject', objectLocation, target.partition) },
    );
  }
  if (target.advancedMode) {
    questions.push({
      id: 's3:ListBucketMultipartUploads',
      title: `List multipart uploads in s3://${target.bucket} (advanced mode)`,
      request: s3RequestFor('s3:ListBucketMultipartUploads', `s3://${target.bucket}`, target.partition),
    });
  }
  if (target.kmsKeyArn !== undefined) {
    questions.push({ id: 'kms:Decrypt', title: 'Decrypt with the bucket\'s KMS key', request: { action: 'kms:Decrypt', resource: target.kmsKeyArn } });
    if (target.access === 'write') {
      questions.push({ id: 'kms:GenerateDataKey', title: 'Encrypt with the bucket\'s KMS key', request: { action: 'kms:GenerateDataKey', resource: target.kmsKeyArn } });
    }
  }
  return questions;
}

/** The fix for missing S3 access: put Keyless's least-privilege policy on the role that uses the bucket. */
export function grantS3AccessFix(roleName: string, target: ConnectorTarget): LinkFix {
  const document = buildPermissionsPolicy({
    bucket: target.bucket,
    ...(target.folder === undefined ? {} : { folder: target.folder }),
    access: target.access,
    advancedMode: target.advancedMode,
    ...(target.kmsKeyArn === undefined ? {} : { kmsKeyArn: target.kmsKeyArn }),
    partition: target.partition,
  });
  return {
    summary: `Give role ${roleName} the connector's least-privilege S3 policy for ${folderUrl(target)} (${target.access}).`,
    command: `aws iam put-role-policy --role-name ${shellQuote(roleName)} --policy-name ${shellQuote(DEFAULT_NAMES.policy)} --policy-document ${shellQuote(toPolicyJson(document, { indent: 0 }))}`,
  };
}

import type { Command } from 'commander';
import { inputError } from '../../../shared/errors';
import type { SetupKind } from '../../../shared/export/export-input';
import type { AccessLevel, Partition } from '../../../shared/policy/model';
import { validatePartition } from '../../../shared/validation/partition-region';
import { requireValid } from '../../../shared/validation/require-valid';
import type { ResourceTag } from '../../../shared/validation/tags';

/**
 * Options shared by `keyless policy permissions` and `keyless export`, and the parsing of the
 * option values. Values are checked in the action, never in commander, so every mistake comes
 * back as a KeylessFailure with a next step (exit 2).
 */
export interface PermissionsCliOptions {
  readonly bucket?: string;
  readonly folder?: string;
  readonly access: string;
  readonly advanced?: boolean;
  readonly kmsKeyArn?: string;
  readonly partition: string;
}

export function collect(value: string, previous: readonly string[]): string[] {
  return [...previous, value];
}

export function addPermissionsOptions(cmd: Command): Command {
  return cmd
    .option('--bucket <name>', 'S3 bucket name, exactly as in the S3 console (required)')
    .option('--folder <path>', 'folder inside the bucket, e.g. "landing/sales": no slash at either end; omit for the whole bucket')
    .option('--access <level>', 'read (s3:GetObject) or write (adds s3:PutObject and s3:DeleteObject)', 'read')
    .option('--advanced', 'mappings in advanced mode: adds s3:ListBucketMultipartUploads (and multipart clean-up for write)')
    .option('--kms-key-arn <arn>', 'SSE-KMS key ARN of the bucket: adds kms:Decrypt and kms:GenerateDataKey on that key')
    .option('--partition <partition>', 'AWS partition: aws, aws-cn or aws-us-gov', 'aws');
}

export function parsePartition(value: string): Partition {
  return requireValid(validatePartition(value));
}

export function parseAccess(value: string): AccessLevel {
  if (value === 'read' || value === 'write') return value;
  throw inputError('INVALID_ACCESS_LEVEL', `--access must be "read" or "write", not "${value}".`, 'Use --access read or --access write.');
}

export function requireBucket(bucket: string | undefined): string {
  if (bucket === undefined) {
    throw inputError('INVALID_ARGUMENTS', 'The bucket is missing.', 'Add --bucket <name>, e.g. --bucket acme-informatica-landing.');
  }
  return bucket;
}

export function permissionsFromCli(options: PermissionsCliOptions): {
  bucket: string;
  folder?: string;
  access: AccessLevel;
  advancedMode: boolean;
  kmsKeyArn?: string;
  partition: Partition;
} {
  return {
    bucket: requireBucket(options.bucket),
    ...(options.folder === undefined ? {} : { folder: options.folder }),
    access: parseAccess(options.access),
    advancedMode: options.advanced === true,
    ...(options.kmsKeyArn === undefined ? {} : { kmsKeyArn: options.kmsKeyArn }),
    partition: parsePartition(options.partition),
  };
}

/** `key=value`; the value may be empty and may itself contain "=". */
export function parseTag(text: string): ResourceTag {
  const equals = text.indexOf('=');
  if (equals <= 0) {
    throw inputError('INVALID_TAG', `--tag ${JSON.stringify(text)} is not of the form key=value.`, 'Write each tag as --tag key=value, e.g. --tag team=data-platform.');
  }
  return { key: text.slice(0, equals), value: text.slice(equals + 1) };
}

const SETUPS: Readonly<Record<string, SetupKind>> = { a: 'instanceRole', b: 'assumeConnectorRole', c: 'crossAccount' };

export function parseSetup(value: string): SetupKind {
  const setup = SETUPS[value.toLowerCase()];
  if (setup === undefined) {
    throw inputError(
      'INVALID_SETUP',
      `--setup must be a, b or c, not "${value}".`,
      'Use a (instance role), b (instance role assumes a connector role) or c (cross-account).',
    );
  }
  return setup;
}

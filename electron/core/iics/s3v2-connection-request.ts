import { inputError, KeylessFailure } from '../../../shared/errors';
import type { z } from 'zod';
import type { ConnectionSettings } from '../../../shared/plan/plan-model';
import { validateBucketName, validateExternalId, validateFolderPath, validateRoleArn } from '../../../shared/validation';
import { requireValid } from '../../../shared/validation/require-valid';
import type { S3v2Property } from './iics-assumptions';
import { MASKED_VALUE, REGION_DISPLAY_NAMES, S3V2_LABELS } from './iics-assumptions';
import type { S3v2Connector } from './s3v2-connector';

/**
 * The Amazon S3 v2 connection for IAM authentication as request bodies: no access key or secret
 * key; "IAM Role ARN", "Use EC2 Role to Assume Role" and "External Id" from the plan's connection
 * settings (setup A leaves them empty). Bad input is refused here, before any call to IICS.
 */

export interface S3v2ConnectionInput {
  readonly name: string;
  /** Runtime environment name or id. */
  readonly runtimeEnvironment: string;
  readonly bucket: string;
  readonly folder?: string;
  /** A "Region Name" picklist value, or an AWS region code such as us-east-1. */
  readonly regionName: string;
  /** The plan's `connection` (what the engine computed for setup A, B or C). */
  readonly settings: z.infer<typeof ConnectionSettings>;
  readonly description?: string;
}

/** The checked input: the values of the properties, keyed by property, not yet by connParams key. */
export interface S3v2ConnectionValues {
  readonly name: string;
  readonly description: string;
  readonly folderPath: string;
  readonly regionName: string;
  readonly iamRoleArn: string;
  readonly useEc2RoleToAssumeRole: boolean;
  readonly externalId: string;
}

const SETTINGS_NEXT_STEP = 'Setup A: give no role ARN; setups B and C: give --iam-role-arn with --use-ec2-role-to-assume-role (and --external-id if the role\'s trust policy requires one).';

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 255) {
    throw inputError('INVALID_IICS_CONNECTION_NAME', 'A connection name must have 1 to 255 characters.', 'Pass --name with the connection name to create or update.');
  }
  if (trimmed.startsWith('DI Data Preview_')) {
    throw inputError('INVALID_IICS_CONNECTION_NAME', `Connection names beginning with "DI Data Preview_" are reserved by IICS.`, 'Choose another connection name.');
  }
  return trimmed;
}

/** "Folder Path" is `bucket[/folder]` with no slash at the end (the seed's rule). */
export function folderPathOf(bucket: string, folder: string | undefined): string {
  if (bucket.endsWith('/') || (folder !== undefined && folder.endsWith('/'))) {
    throw inputError(
      'INVALID_FOLDER_PATH',
      `The folder path "${folder === undefined ? bucket : `${bucket}/${folder}`}" ends with "/": the S3 v2 connection's Folder Path must not.`,
      'Remove the trailing slash.',
    );
  }
  requireValid(validateBucketName(bucket));
  if (folder === undefined || folder === '') return bucket;
  return `${bucket}/${requireValid(validateFolderPath(folder))}`;
}

export function checkConnectionInput(input: S3v2ConnectionInput): S3v2ConnectionValues {
  const name = checkName(input.name);
  const folderPath = folderPathOf(input.bucket.trim(), input.folder?.trim());
  const { iamRoleArn = '', useEc2RoleToAssumeRole, externalId = '' } = input.settings;
  if (iamRoleArn !== '') requireValid(validateRoleArn(iamRoleArn));
  if (externalId !== '') requireValid(validateExternalId(externalId));
  if (useEc2RoleToAssumeRole && iamRoleArn === '') {
    throw inputError('INVALID_CONNECTION_SETTINGS', '"Use EC2 Role to Assume Role" needs the ARN of the role to assume in "IAM Role ARN".', SETTINGS_NEXT_STEP);
  }
  if (!useEc2RoleToAssumeRole && iamRoleArn !== '') {
    throw inputError(
      'INVALID_CONNECTION_SETTINGS',
      `"IAM Role ARN" ${iamRoleArn} without access keys works only with "Use EC2 Role to Assume Role", and a keyless connection carries no keys.`,
      SETTINGS_NEXT_STEP,
    );
  }
  if (externalId !== '' && iamRoleArn === '') {
    throw inputError('INVALID_CONNECTION_SETTINGS', '"External Id" applies only when the connection assumes a role ("IAM Role ARN").', SETTINGS_NEXT_STEP);
  }
  if (input.regionName.trim() === '') throw inputError('INVALID_IICS_REGION_NAME', 'No region was given for the connection.', 'Pass --region-name with the bucket\'s region, e.g. us-east-1.');
  return { name, description: input.description ?? '', folderPath, regionName: input.regionName.trim(), iamRoleArn, useEc2RoleToAssumeRole, externalId };
}

/** The picklist value for what the user gave: the value itself, or the name of an AWS region code. */
export function resolveRegionName(given: string, picklist: readonly string[]): string {
  if (picklist.length === 0) return REGION_DISPLAY_NAMES[given] ?? given;
  const exact = picklist.find((value) => value === given) ?? picklist.find((value) => value.toLowerCase() === given.toLowerCase());
  if (exact !== undefined) return exact;
  const display = REGION_DISPLAY_NAMES[given.toLowerCase()];
  if (display !== undefined && picklist.includes(display)) return display;
  throw inputError(
    'INVALID_IICS_REGION_NAME',
    `"${given}" is not a "Region Name" of the Amazon S3 v2 connector${display === undefined ? '' : ` (nor is "${display}")`}.`,
    `Pass the bucket's region as an AWS code (us-east-1) or one of: ${picklist.join(', ')}.`,
  );
}

export type S3v2Params = Readonly<Record<S3v2Property, string>>;

export function propertyValues(values: S3v2ConnectionValues, regionName: string): S3v2Params {
  return {
    accessKey: '',
    secretKey: '',
    iamRoleArn: values.iamRoleArn,
    externalId: values.externalId,
    useEc2RoleToAssumeRole: values.useEc2RoleToAssumeRole ? 'true' : 'false',
    folderPath: values.folderPath,
    regionName,
  };
}

function connParams(connector: S3v2Connector, params: Partial<S3v2Params>): Record<string, string> {
  const body: Record<string, string> = {};
  for (const [property, value] of Object.entries(params) as Array<[S3v2Property, string]>) {
    if (value === MASKED_VALUE) {
      throw new KeylessFailure({ code: 'IICS_MASKED_VALUE', message: `Refusing to send the masked value of "${S3V2_LABELS[property]}" back to IICS.`, nextStep: 'This is a bug in Keyless: report it.' });
    }
    body[connector.paramKeys[property]] = value;
  }
  return body;
}

/** `POST /api/v2/connection` body (iics-api.md §4.2). */
export function createBody(connector: S3v2Connector, values: S3v2ConnectionValues, runtimeEnvironmentId: string, params: S3v2Params): Record<string, unknown> {
  return {
    '@type': 'connection',
    name: values.name,
    description: values.description,
    type: connector.type,
    instanceName: connector.name,
    runtimeEnvironmentId,
    connParams: connParams(connector, params),
  };
}

/** `POST /api/v2/connection/<id>` body sent with `Update-Mode: PARTIAL`: only what changes. */
export function partialUpdateBody(connector: S3v2Connector, changed: Partial<S3v2Params>, runtimeEnvironmentId: string | undefined): Record<string, unknown> {
  return {
    '@type': 'connection',
    ...(runtimeEnvironmentId === undefined ? {} : { runtimeEnvironmentId }),
    connParams: connParams(connector, changed),
  };
}

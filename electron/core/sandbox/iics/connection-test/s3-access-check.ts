import type { NamedPolicy } from '../../../../../shared/policy/model';
import { S3V2_REGION_NAMES } from '../s3v2-connector-fixture';
import type { S3AccessLevel } from '../world';
import type { AwsStateReader } from './aws-state-reader';
import { LinkFailure } from './link-failure';
import type { RolePolicies } from './policy-evaluation';
import { callerContext, decide, namedPolicy, principalContextKeys } from './policy-evaluation';

/**
 * The last links: the bucket named in Folder Path exists in the connection's region, and the
 * role the agent ends up with may list the folder and read (and for write, put) objects in it —
 * decided over the role's policies and the bucket policy, cross-account rules included.
 */

export interface FolderLocation {
  readonly bucket: string;
  /** Key prefix without slashes at either end; empty for the bucket root. */
  readonly folder: string;
}

export function parseFolderPath(folderPath: string): FolderLocation {
  const value = folderPath.trim();
  if (value === '') throw new LinkFailure('FOLDER_PATH_INVALID', 'Folder Path is empty: it must name the bucket, e.g. "my-bucket/landing".');
  if (value.startsWith('/') || value.endsWith('/') || value.includes('//')) {
    throw new LinkFailure(
      'FOLDER_PATH_INVALID',
      `Folder Path "${value}" must not start or end with "/" or contain "//": write it as "bucket/folder".`,
    );
  }
  const slash = value.indexOf('/');
  return slash === -1 ? { bucket: value, folder: '' } : { bucket: value.slice(0, slash), folder: value.slice(slash + 1) };
}

/** Object key the test asks about: any key under the folder stands for all of them. */
const PROBE_OBJECT = 'keyless-connection-test';

export interface S3AccessStep {
  readonly reader: AwsStateReader;
  readonly actingRole: RolePolicies;
  readonly sessionName: string;
  readonly location: FolderLocation;
  readonly regionName: string;
  readonly access: S3AccessLevel;
}

/** Checks the bucket links and returns the actions granted. */
export async function checkS3Access(step: S3AccessStep): Promise<string[]> {
  const { reader, actingRole, sessionName, location, regionName, access } = step;
  const bucket = await reader.bucket(location.bucket);
  if (bucket === undefined) {
    throw new LinkFailure('BUCKET_NOT_FOUND', `The bucket "${location.bucket}" named in Folder Path does not exist.`);
  }
  const connectionRegion = S3V2_REGION_NAMES[regionName];
  if (connectionRegion !== undefined && connectionRegion !== bucket.region) {
    const rightName = Object.entries(S3V2_REGION_NAMES).find(([, code]) => code === bucket.region)?.[0];
    throw new LinkFailure(
      'BUCKET_REGION_MISMATCH',
      `The bucket "${bucket.name}" is in ${bucket.region}, but the connection's Region Name is "${regionName}" (${connectionRegion})` +
        (rightName === undefined ? '.' : `: choose "${rightName}".`),
    );
  }

  const role = actingRole.role;
  const partition = role.arn.split(':')[1] ?? 'aws';
  const bucketPolicy: NamedPolicy | undefined =
    bucket.policy === undefined ? undefined : namedPolicy({ name: `bucket policy of ${bucket.name}`, text: bucket.policy }, 'resource', `bucket ${bucket.name}`);
  // A bucket owned outside the accounts the sandbox can read is another account's: both the
  // role's policies and the bucket policy must allow.
  const resourceAccount = bucket.account ?? `owner-of-${bucket.name}`;
  const crossAccount = resourceAccount !== role.account;
  const prefix = location.folder === '' ? '' : `${location.folder}/`;
  const objectArn = `arn:${partition}:s3:::${bucket.name}/${prefix}${PROBE_OBJECT}`;
  const checks: Array<{ action: string; resource: string; context: Record<string, string>; what: string }> = [
    { action: 's3:ListBucket', resource: `arn:${partition}:s3:::${bucket.name}`, context: { 's3:prefix': prefix }, what: `with prefix "${prefix}"` },
    { action: 's3:GetObject', resource: objectArn, context: {}, what: '' },
    ...(access === 'write' ? [{ action: 's3:PutObject', resource: objectArn, context: {}, what: '' }] : []),
  ];
  for (const check of checks) {
    const result = decide({
      request: {
        action: check.action,
        resource: check.resource,
        principal: callerContext(role, sessionName),
        context: { ...principalContextKeys(role), ...check.context },
      },
      caller: actingRole,
      ...(bucketPolicy === undefined ? {} : { resourcePolicy: bucketPolicy }),
      resourceAccount,
    });
    if (result.decision !== 'allowed') {
      const crossNote = crossAccount
        ? ` The bucket belongs to ${bucket.account === undefined ? 'another account' : `account ${bucket.account}`}, so its bucket policy${bucketPolicy === undefined ? ' (there is none)' : ''} must allow the role too.`
        : '';
      throw new LinkFailure(
        'S3_ACCESS_DENIED',
        `Role ${role.arn} may not ${check.action} on ${check.resource}${check.what === '' ? '' : ` ${check.what}`}: ${result.reason}${crossNote}`,
      );
    }
  }
  return checks.map((c) => c.action);
}

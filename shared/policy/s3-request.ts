import { inputError } from '../errors';
import type { RequestContext } from './evaluation-types';
import type { Partition } from './model';

/**
 * Turns the question an admin asks — "may the connector s3:ListBucket on s3://acme/sales/2026/?"
 * — into the request IAM evaluates. Bucket-level actions target the bucket ARN, and ListBucket
 * carries the key part as `s3:prefix` (that is how the connector lists a folder); every other
 * S3 action targets the object ARN.
 */
const BUCKET_ACTIONS = new Set(['s3:listbucket', 's3:listbucketmultipartuploads', 's3:getbucketlocation', 's3:listbucketversions']);

export function s3RequestFor(action: string, location: string, partition: Partition): RequestContext {
  const normalisedAction = action.trim();
  if (!/^[a-z0-9-]+:[A-Za-z0-9*?]+$/.test(normalisedAction)) {
    throw inputError('INVALID_ACTION', `"${action}" is not an IAM action.`, 'Write it as service:Action, e.g. s3:GetObject.');
  }
  const { bucket, key } = splitLocation(location.trim(), partition);
  const bucketArn = `arn:${partition}:s3:::${bucket}`;
  if (BUCKET_ACTIONS.has(normalisedAction.toLowerCase())) {
    const isList = normalisedAction.toLowerCase() === 's3:listbucket';
    return { action: normalisedAction, resource: bucketArn, ...(isList && key !== '' ? { context: { 's3:prefix': key } } : {}) };
  }
  if (normalisedAction.toLowerCase().startsWith('s3:') && key === '') {
    throw inputError('INVALID_S3_LOCATION', `${normalisedAction} acts on an object, but "${location}" names only the bucket.`, 'Add the object key, e.g. s3://bucket/folder/file.csv.');
  }
  return { action: normalisedAction, resource: key === '' ? bucketArn : `${bucketArn}/${key}` };
}

function splitLocation(location: string, partition: Partition): { bucket: string; key: string } {
  let rest = location;
  const arnPrefix = `arn:${partition}:s3:::`;
  if (rest.startsWith('s3://')) rest = rest.slice('s3://'.length);
  else if (rest.startsWith(arnPrefix)) rest = rest.slice(arnPrefix.length);
  else if (rest.startsWith('arn:')) {
    throw inputError('INVALID_S3_LOCATION', `"${location}" is not an S3 ARN in the ${partition} partition.`, `Write s3://bucket/key or ${arnPrefix}bucket/key.`);
  }
  const slash = rest.indexOf('/');
  const bucket = slash < 0 ? rest : rest.slice(0, slash);
  if (bucket === '') throw inputError('INVALID_S3_LOCATION', 'The S3 location has no bucket.', 'Write s3://bucket/folder/file.csv.');
  return { bucket, key: slash < 0 ? '' : rest.slice(slash + 1) };
}

import type { IncomingMessage } from 'node:http';

/**
 * What the gateway needs to know about an incoming AWS call before deciding what to do with it:
 * which service (from the SigV4 credential scope, as AWS's own front doors route), which wire
 * protocol answers errors, the action, and the caller's access key.
 */

export type WireProtocol = 'query' | 'ec2' | 's3' | 'json' | 'restJson';

export interface SigV4Scope {
  readonly accessKeyId: string;
  readonly region: string;
  readonly service: string;
}

export interface AwsCall {
  readonly service: string;
  readonly region: string;
  readonly protocol: WireProtocol;
  /** `CreateRole`, `AssociateIamInstanceProfile`, `PutObject`; empty when it cannot be told. */
  readonly action: string;
  readonly accessKeyId?: string;
  readonly sessionToken?: string;
  /** Form parameters of query/ec2 calls (body or URL), else empty. */
  readonly params: URLSearchParams;
}

const SCOPE = /Credential=([^/,\s]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/;

export function sigV4Scope(request: IncomingMessage, url: URL): SigV4Scope | undefined {
  const authorization = request.headers.authorization;
  const fromHeader = typeof authorization === 'string' ? SCOPE.exec(authorization) : null;
  if (fromHeader !== null) return { accessKeyId: fromHeader[1]!, region: fromHeader[2]!, service: fromHeader[3]! };
  const credential = url.searchParams.get('X-Amz-Credential');
  if (credential === null) return undefined;
  const parts = credential.split('/');
  if (parts.length < 5) return undefined;
  return { accessKeyId: parts[0]!, region: parts[2]!, service: parts[3]! };
}

export function protocolOf(service: string, contentType: string): WireProtocol {
  if (service === 'iam' || service === 'sts') return 'query';
  if (service === 'ec2') return 'ec2';
  if (service === 's3') return 's3';
  if (contentType.includes('x-amz-json')) return 'json';
  if (contentType.includes('x-www-form-urlencoded')) return 'query';
  return 'restJson';
}

/** Whether the body must be read before forwarding: query-style calls carry the action in it. */
export function needsBufferedBody(protocol: WireProtocol): boolean {
  return protocol === 'query' || protocol === 'ec2';
}

export function describeCall(request: IncomingMessage, url: URL, scope: SigV4Scope, body: Buffer | undefined): AwsCall {
  const contentType = String(request.headers['content-type'] ?? '');
  const protocol = protocolOf(scope.service, contentType);
  const params = new URLSearchParams(url.search);
  if (body !== undefined && needsBufferedBody(protocol)) {
    for (const [key, value] of new URLSearchParams(body.toString('utf8'))) params.append(key, value);
  }
  const tokenHeader = request.headers['x-amz-security-token'];
  const sessionToken = typeof tokenHeader === 'string' ? tokenHeader : (url.searchParams.get('X-Amz-Security-Token') ?? undefined);
  return {
    service: scope.service,
    region: scope.region,
    protocol,
    action: actionOf(protocol, request, url, params),
    accessKeyId: scope.accessKeyId,
    ...(sessionToken !== undefined ? { sessionToken } : {}),
    params,
  };
}

function actionOf(protocol: WireProtocol, request: IncomingMessage, url: URL, params: URLSearchParams): string {
  if (protocol === 'query' || protocol === 'ec2') return params.get('Action') ?? '';
  if (protocol === 'json') {
    const target = String(request.headers['x-amz-target'] ?? '');
    return target.includes('.') ? target.slice(target.indexOf('.') + 1) : target;
  }
  if (protocol === 's3') return s3ActionOf(request.method ?? 'GET', url);
  return '';
}

/** Good enough to aim faults at the common S3 calls; not a full S3 operation resolver. */
function s3ActionOf(method: string, url: URL): string {
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const hasKey = segments.length > 1;
  if (segments.length === 0) return method === 'GET' ? 'ListBuckets' : '';
  if (hasKey) {
    if (method === 'GET') return 'GetObject';
    if (method === 'HEAD') return 'HeadObject';
    if (method === 'PUT') return url.searchParams.has('partNumber') ? 'UploadPart' : 'PutObject';
    if (method === 'DELETE') return 'DeleteObject';
    return method === 'POST' && url.searchParams.has('uploads') ? 'CreateMultipartUpload' : '';
  }
  if (method === 'GET') {
    if (url.searchParams.has('uploads')) return 'ListMultipartUploads';
    if (url.searchParams.has('location')) return 'GetBucketLocation';
    if (url.searchParams.has('policy')) return 'GetBucketPolicy';
    return url.searchParams.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects';
  }
  if (method === 'HEAD') return 'HeadBucket';
  if (method === 'PUT') return url.searchParams.has('policy') ? 'PutBucketPolicy' : 'CreateBucket';
  if (method === 'DELETE') return 'DeleteBucket';
  return method === 'POST' && url.searchParams.has('delete') ? 'DeleteObjects' : '';
}

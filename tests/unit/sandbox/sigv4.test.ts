import { createHash, createHmac } from 'node:crypto';
import type { Hash, Hmac } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Checksum, SourceData } from '@smithy/types';
import { describe, expect, it } from 'vitest';
import { canonicalQueryOf, parseAuthorization, signature } from '../../../electron/core/sandbox/gateway/sigv4';
import { needsQueryResigning, resignedAuthorization } from '../../../electron/core/sandbox/gateway/s3-query-signature';
import { describeCall, protocolOf, sigV4Scope } from '../../../electron/core/sandbox/gateway/aws-request';

const ACCESS_KEY_ID = 'AKIAKEYLESSSANDBOX01';
const SECRET = 'keyless/sandbox/secret/0123456789abcdefghij';
const SIGNING_DATE = new Date('2026-11-28T01:00:00Z');
const HOST = 'localhost:4566';

function bytesOf(data: SourceData): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

/** SHA-256 (or HMAC-SHA-256 with a key) for the SDK's signer, from node:crypto. */
class NodeSha256 implements Checksum {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  update(data: Uint8Array): void {
    this.hash.update(data);
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset(): void {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', bytesOf(this.secret));
  }
}

interface SignedRequest {
  readonly method: string;
  /** The request target as it goes on the wire: path and raw query. */
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** A request signed by the AWS SDK's own SigV4 signer, as the SDK would send it. */
async function signWithSdk(options: { service: string; method: string; path: string; query?: Record<string, string>; body?: string; contentType?: string }): Promise<SignedRequest> {
  const signer = new SignatureV4({
    credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET },
    region: 'us-east-1',
    service: options.service,
    sha256: NodeSha256,
    // S3 signs the path as sent; the other services encode it once more.
    uriEscapePath: options.service !== 's3',
  });
  const body = options.body ?? '';
  const headers: Record<string, string> = { host: HOST, ...(options.contentType !== undefined ? { 'content-type': options.contentType } : {}) };
  const signed = await signer.sign(
    { method: options.method, protocol: 'http:', hostname: 'localhost', port: 4566, path: options.path, query: options.query ?? {}, headers, body },
    { signingDate: SIGNING_DATE },
  );
  const rawQuery = Object.entries(options.query ?? {})
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  const lowerCased = Object.fromEntries(Object.entries(signed.headers).map(([name, value]) => [name.toLowerCase(), value]));
  return { method: options.method, url: rawQuery === '' ? options.path : `${options.path}?${rawQuery}`, headers: lowerCased, body };
}

/** The request as the gateway's HTTP server hands it over. */
function incoming(request: SignedRequest): IncomingMessage {
  const message = new IncomingMessage(new Socket());
  message.method = request.method;
  message.url = request.url;
  message.headers = { ...request.headers };
  return message;
}

/** Whether the gateway's SigV4 check accepts the request with the given secret. */
function verifies(request: SignedRequest, secret: string): boolean {
  const authorization = parseAuthorization(request.headers.authorization ?? '');
  if (authorization === undefined) return false;
  const queryStart = request.url.indexOf('?');
  const expected = signature(
    {
      method: request.method,
      path: queryStart === -1 ? request.url : request.url.slice(0, queryStart),
      canonicalQuery: canonicalQueryOf(queryStart === -1 ? '' : request.url.slice(queryStart + 1)),
      headers: request.headers,
      signedHeaders: authorization.signedHeaders,
      payloadHash: request.headers['x-amz-content-sha256'] ?? createHash('sha256').update(request.body).digest('hex'),
      amzDate: request.headers['x-amz-date'] ?? '',
      scope: authorization.scope,
    },
    secret,
  );
  return expected === authorization.signature;
}

const CREATE_ROLE = 'Action=CreateRole&RoleName=keyless-connector&Version=2010-05-08';
const signedCreateRole = () => signWithSdk({ service: 'iam', method: 'POST', path: '/', body: CREATE_ROLE, contentType: 'application/x-www-form-urlencoded; charset=utf-8' });

describe('the gateway SigV4 check against requests signed by the AWS SDK', () => {
  it('reads the access key, credential scope, signed headers and signature from the Authorization header', async () => {
    const request = await signedCreateRole();
    const authorization = parseAuthorization(request.headers.authorization ?? '');
    expect(authorization).toMatchObject({ accessKeyId: ACCESS_KEY_ID, scope: '20261128/us-east-1/iam/aws4_request' });
    expect(authorization?.signedHeaders).toContain('host');
    expect(authorization?.signature).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not read an Authorization header of another scheme or a truncated signature', () => {
    expect(parseAuthorization('Bearer abc')).toBeUndefined();
    expect(parseAuthorization(`AWS4-HMAC-SHA256 Credential=${ACCESS_KEY_ID}/20261128/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=abc123`)).toBeUndefined();
  });

  it('accepts an IAM query request signed with the right secret', async () => {
    expect(verifies(await signedCreateRole(), SECRET)).toBe(true);
  });

  it('refuses a request signed with the wrong secret', async () => {
    expect(verifies(await signedCreateRole(), `${SECRET}x`)).toBe(false);
  });

  it('refuses a request whose signed header was changed in transit', async () => {
    const request = await signedCreateRole();
    expect(verifies({ ...request, headers: { ...request.headers, 'x-amz-date': '20261128T010001Z' } }, SECRET)).toBe(false);
    expect(verifies({ ...request, headers: { ...request.headers, host: 'localhost:4567' } }, SECRET)).toBe(false);
  });

  it('accepts an S3 ListObjectsV2 with a folder prefix, whatever order the query arrives in, and refuses a changed prefix', async () => {
    const request = await signWithSdk({ service: 's3', method: 'GET', path: '/keyless-bucket', query: { prefix: 'sales/', 'list-type': '2', delimiter: '/' } });
    expect(verifies(request, SECRET)).toBe(true);
    expect(verifies({ ...request, url: request.url.replace('sales%2F', 'hr%2F') }, SECRET)).toBe(false);
  });

  it('canonicalises the query as SigV4 does: sorted by key then value, bare keys given an empty value', () => {
    expect(canonicalQueryOf('uploads&prefix=b&delimiter=%2F&prefix=a')).toBe('delimiter=%2F&prefix=a&prefix=b&uploads=');
    expect(canonicalQueryOf('')).toBe('');
  });
});

describe('re-signing S3 calls whose query carries %2F for moto', () => {
  const secretFor = (accessKeyId: string): string | undefined => (accessKeyId === ACCESS_KEY_ID ? SECRET : undefined);
  const listSales = () => signWithSdk({ service: 's3', method: 'GET', path: '/keyless-bucket', query: { 'list-type': '2', prefix: 'sales/' } });

  it('only a signed request with %2F in its query needs re-signing', async () => {
    const request = await listSales();
    expect(needsQueryResigning(incoming(request))).toBe(true);
    const noSlash = await signWithSdk({ service: 's3', method: 'GET', path: '/keyless-bucket', query: { 'list-type': '2', prefix: 'sales' } });
    expect(needsQueryResigning(incoming(noSlash))).toBe(false);
    const { authorization: _dropped, ...unsigned } = request.headers;
    expect(needsQueryResigning(incoming({ ...request, headers: unsigned }))).toBe(false);
  });

  it('a correctly signed call gets a new signature over the decoded query, keeping key, scope and signed headers', async () => {
    const request = await listSales();
    const resigned = resignedAuthorization(incoming(request), secretFor);
    const original = parseAuthorization(request.headers.authorization ?? '');
    const parsed = parseAuthorization(resigned ?? '');
    expect(parsed).toBeDefined();
    expect(parsed?.accessKeyId).toBe(ACCESS_KEY_ID);
    expect(parsed?.scope).toBe(original?.scope);
    expect(parsed?.signedHeaders).toEqual(original?.signedHeaders);
    expect(parsed?.signature).not.toBe(original?.signature);
    // It is exactly what a signer that leaves '/' unencoded in the query would produce.
    const decoded = { ...request, url: request.url.replace(/%2F/g, '/') };
    const expected = signature(
      {
        method: 'GET',
        path: '/keyless-bucket',
        canonicalQuery: canonicalQueryOf(decoded.url.slice(decoded.url.indexOf('?') + 1)),
        headers: request.headers,
        signedHeaders: original?.signedHeaders ?? [],
        payloadHash: request.headers['x-amz-content-sha256'] ?? '',
        amzDate: request.headers['x-amz-date'] ?? '',
        scope: original?.scope ?? '',
      },
      SECRET,
    );
    expect(parsed?.signature).toBe(expected);
  });

  it('a call with a bad signature or an unknown key passes untouched, so moto refuses it as AWS would', async () => {
    const request = await listSales();
    expect(resignedAuthorization(incoming({ ...request, url: request.url.replace('sales%2F', 'hr%2F') }), secretFor)).toBeUndefined();
    expect(resignedAuthorization(incoming(request), () => `${SECRET}x`)).toBeUndefined();
    expect(resignedAuthorization(incoming(request), () => undefined)).toBeUndefined();
  });
});

describe('routing an incoming call by its SigV4 credential scope', () => {
  it('takes service and region from the Authorization header, and the action from the form body', async () => {
    const request = await signedCreateRole();
    const message = incoming(request);
    const url = new URL(request.url, `http://${HOST}`);
    const scope = sigV4Scope(message, url);
    expect(scope).toEqual({ accessKeyId: ACCESS_KEY_ID, region: 'us-east-1', service: 'iam' });
    const call = describeCall(message, url, scope!, Buffer.from(request.body));
    expect(call).toMatchObject({ service: 'iam', region: 'us-east-1', protocol: 'query', action: 'CreateRole', accessKeyId: ACCESS_KEY_ID });
    expect(call.params.get('RoleName')).toBe('keyless-connector');
    expect(call.sessionToken).toBeUndefined();
  });

  it('routes an EC2 call to the EC2 protocol and reads its session token', async () => {
    const request = await signWithSdk({ service: 'ec2', method: 'POST', path: '/', body: 'Action=AssociateIamInstanceProfile&Version=2016-11-15', contentType: 'application/x-www-form-urlencoded' });
    const message = incoming({ ...request, headers: { ...request.headers, 'x-amz-security-token': 'session-token' } });
    const url = new URL(request.url, `http://${HOST}`);
    const call = describeCall(message, url, sigV4Scope(message, url)!, Buffer.from(request.body));
    expect(call).toMatchObject({ service: 'ec2', protocol: 'ec2', action: 'AssociateIamInstanceProfile', sessionToken: 'session-token' });
  });

  it('takes the action of a JSON-protocol call from X-Amz-Target', async () => {
    const request = await signWithSdk({ service: 'logs', method: 'POST', path: '/', body: '{}', contentType: 'application/x-amz-json-1.1' });
    const message = incoming({ ...request, headers: { ...request.headers, 'x-amz-target': 'Logs_20140328.PutLogEvents' } });
    const url = new URL(request.url, `http://${HOST}`);
    expect(describeCall(message, url, sigV4Scope(message, url)!, undefined)).toMatchObject({ service: 'logs', protocol: 'json', action: 'PutLogEvents' });
  });

  it('tells the common S3 operations apart by method, path and query', async () => {
    const cases: [string, string, Record<string, string>, string][] = [
      ['GET', '/', {}, 'ListBuckets'],
      ['GET', '/bucket', { 'list-type': '2', prefix: 'sales/' }, 'ListObjectsV2'],
      ['GET', '/bucket', {}, 'ListObjects'],
      ['GET', '/bucket', { location: '' }, 'GetBucketLocation'],
      ['PUT', '/bucket', { policy: '' }, 'PutBucketPolicy'],
      ['PUT', '/bucket', {}, 'CreateBucket'],
      ['HEAD', '/bucket', {}, 'HeadBucket'],
      ['GET', '/bucket/sales/report.csv', {}, 'GetObject'],
      ['PUT', '/bucket/sales/report.csv', {}, 'PutObject'],
      ['PUT', '/bucket/big.bin', { partNumber: '1', uploadId: 'u' }, 'UploadPart'],
      ['POST', '/bucket/big.bin', { uploads: '' }, 'CreateMultipartUpload'],
      ['DELETE', '/bucket/sales/report.csv', {}, 'DeleteObject'],
      ['POST', '/bucket', { delete: '' }, 'DeleteObjects'],
    ];
    for (const [method, path, query, action] of cases) {
      const request = await signWithSdk({ service: 's3', method, path, query });
      const message = incoming(request);
      const url = new URL(request.url, `http://${HOST}`);
      const call = describeCall(message, url, sigV4Scope(message, url)!, undefined);
      expect({ method, path, query, action: call.action, protocol: call.protocol }).toEqual({ method, path, query, action, protocol: 's3' });
    }
  });

  it('takes the scope of a presigned URL from X-Amz-Credential, and has none for an unsigned request', () => {
    const presigned = new URL(`http://${HOST}/bucket/key?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${ACCESS_KEY_ID}%2F20261128%2Feu-west-1%2Fs3%2Faws4_request`);
    const message = incoming({ method: 'GET', url: presigned.pathname + presigned.search, headers: { host: HOST }, body: '' });
    expect(sigV4Scope(message, presigned)).toEqual({ accessKeyId: ACCESS_KEY_ID, region: 'eu-west-1', service: 's3' });
    const unsigned = new URL(`http://${HOST}/bucket/key`);
    expect(sigV4Scope(incoming({ method: 'GET', url: '/bucket/key', headers: { host: HOST }, body: '' }), unsigned)).toBeUndefined();
  });

  it('answers errors in the protocol of the service: query for IAM/STS, JSON by content type otherwise', () => {
    expect(protocolOf('sts', '')).toBe('query');
    expect(protocolOf('ec2', 'application/x-www-form-urlencoded')).toBe('ec2');
    expect(protocolOf('logs', 'application/x-amz-json-1.1')).toBe('json');
    expect(protocolOf('sns', 'application/x-www-form-urlencoded')).toBe('query');
    expect(protocolOf('sso', '')).toBe('restJson');
  });
});

import { createHash, createHmac } from 'node:crypto';

/**
 * AWS Signature Version 4 over a request as received (header-signed form), used by the gateway to
 * check a signature before re-signing a request for moto (see s3-query-signature.ts).
 */

export interface SignedParts {
  readonly method: string;
  /** The path exactly as sent (S3 signs it without re-encoding). */
  readonly path: string;
  /** The canonical query string (sorted `key=value` pairs joined by `&`). */
  readonly canonicalQuery: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly signedHeaders: readonly string[];
  readonly payloadHash: string;
  readonly amzDate: string;
  /** `YYYYMMDD/region/service/aws4_request`. */
  readonly scope: string;
}

export interface AuthorizationHeader {
  readonly accessKeyId: string;
  readonly scope: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/([^,]+), ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/;

export function parseAuthorization(value: string): AuthorizationHeader | undefined {
  const match = AUTHORIZATION.exec(value.trim());
  if (match === null) return undefined;
  return { accessKeyId: match[1]!, scope: match[2]!, signedHeaders: match[3]!.split(';'), signature: match[4]! };
}

/** Sorted pairs as they were sent; the SDKs already encode them the canonical way. */
export function canonicalQueryOf(rawQuery: string): string {
  if (rawQuery === '') return '';
  return rawQuery
    .split('&')
    .map((pair) => (pair.includes('=') ? pair : `${pair}=`))
    .sort((a, b) => {
      const [keyA = '', valueA = ''] = a.split('=', 2);
      const [keyB = '', valueB = ''] = b.split('=', 2);
      return keyA === keyB ? (valueA < valueB ? -1 : valueA > valueB ? 1 : 0) : keyA < keyB ? -1 : 1;
    })
    .join('&');
}

function headerValue(value: string | string[] | undefined): string {
  const text = Array.isArray(value) ? value.join(',') : (value ?? '');
  return text.trim().replace(/\s+/g, ' ');
}

export function signature(parts: SignedParts, secretAccessKey: string): string {
  const canonicalHeaders = parts.signedHeaders.map((name) => `${name}:${headerValue(parts.headers[name])}\n`).join('');
  const canonicalRequest = [parts.method, parts.path, parts.canonicalQuery, canonicalHeaders, parts.signedHeaders.join(';'), parts.payloadHash].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', parts.amzDate, parts.scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  const [date = '', region = '', service = ''] = parts.scope.split('/');
  let key: Buffer = createHmac('sha256', `AWS4${secretAccessKey}`).update(date).digest();
  for (const part of [region, service, 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}

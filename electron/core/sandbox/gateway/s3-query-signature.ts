import type { IncomingMessage } from 'node:http';
import { canonicalQueryOf, parseAuthorization, signature } from './sigv4';
import type { SignedParts } from './sigv4';

/**
 * moto 5.2 rebuilds an S3 request's canonical query with `%2F` decoded to `/`, so every signed S3
 * call whose query carries a slash — above all ListObjectsV2 with a folder prefix such as
 * `sales/` — fails there with SignatureDoesNotMatch, though AWS accepts it. When the gateway knows
 * the caller's secret (seeded keys, sessions it issued or forwarded), it checks the signature the
 * AWS way and, if it is right, re-signs the request the way moto checks it. Unknown keys and bad
 * signatures pass through untouched, so moto still refuses what AWS would refuse.
 */

export function needsQueryResigning(incoming: IncomingMessage): boolean {
  const url = incoming.url ?? '';
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  return /%2F/i.test(query) && typeof incoming.headers.authorization === 'string';
}

/** The Authorization header moto will accept, or undefined when the request should pass as is. */
export function resignedAuthorization(incoming: IncomingMessage, secretFor: (accessKeyId: string) => string | undefined): string | undefined {
  const authorization = parseAuthorization(String(incoming.headers.authorization ?? ''));
  if (authorization === undefined) return undefined;
  const secret = secretFor(authorization.accessKeyId);
  if (secret === undefined) return undefined;
  const url = incoming.url ?? '';
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  const rawQuery = queryStart === -1 ? '' : url.slice(queryStart + 1);
  const parts: SignedParts = {
    method: incoming.method ?? 'GET',
    path,
    canonicalQuery: canonicalQueryOf(rawQuery),
    headers: incoming.headers,
    signedHeaders: authorization.signedHeaders,
    payloadHash: String(incoming.headers['x-amz-content-sha256'] ?? 'UNSIGNED-PAYLOAD'),
    amzDate: String(incoming.headers['x-amz-date'] ?? ''),
    scope: authorization.scope,
  };
  if (signature(parts, secret) !== authorization.signature) return undefined;
  const asMotoSees = signature({ ...parts, canonicalQuery: canonicalQueryOf(rawQuery.replace(/%2F/gi, '/')) }, secret);
  return `AWS4-HMAC-SHA256 Credential=${authorization.accessKeyId}/${authorization.scope}, SignedHeaders=${authorization.signedHeaders.join(';')}, Signature=${asMotoSees}`;
}

import { randomBytes } from 'node:crypto';

/**
 * IICS answers errors in two documented shapes (iics-api.md §6.1): v2 resources with
 * `{code, description, statusCode, "@type":"error"}`, v3 resources with
 * `{error:{code, message, requestId, details}}`. Handlers throw `IicsError`; the router picks
 * the shape from the API version of the path.
 */

export type ApiVersion = 'v2' | 'v3';

export class IicsError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'IicsError';
    this.status = status;
    this.code = code;
  }
}

export function requestId(): string {
  return randomBytes(16).toString('base64url').slice(0, 22);
}

export function errorBody(version: ApiVersion, error: IicsError): object {
  if (version === 'v2') {
    return { code: error.code, description: error.message, statusCode: error.status, '@type': 'error' };
  }
  return { error: { code: error.code, message: error.message, requestId: requestId(), details: null } };
}

export const invalidSession = (): IicsError =>
  new IicsError(401, 'SESSION_INVALID', 'Invalid session ID or the session has expired. Log in again.');

export const notFound = (what: string): IicsError => new IicsError(404, 'NOT_FOUND', `${what} was not found.`);

export const badRequest = (message: string): IicsError => new IicsError(400, 'REQUEST_INVALID', message);

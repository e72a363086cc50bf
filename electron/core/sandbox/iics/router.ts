import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { ApiVersion } from './iics-errors';
import { IicsError, errorBody, invalidSession } from './iics-errors';
import { header, readJsonBody, sendEmpty, sendJson } from './http-io';
import type { IicsSession, SessionStore } from './session-store';

/**
 * A small route table shared by the login host and the pod: each route says its API version
 * (which decides the session header and the error shape) and whether it needs a session.
 */

export interface RoutedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  /** Regex capture groups of the route's pattern, URL-decoded. */
  readonly params: readonly string[];
  readonly raw: IncomingMessage;
  /** Present on routes that require a session. */
  readonly session: IicsSession | undefined;
  body(): Promise<Record<string, unknown>>;
}

/** `body: undefined` answers with an empty body. */
export interface Reply {
  readonly status: number;
  readonly body?: unknown;
}

export interface Route {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly pattern: RegExp;
  readonly authenticated: boolean;
  handle(request: RoutedRequest): Reply | Promise<Reply>;
}

/** v2 resources take `icSessionId`, v3 resources `INFA-SESSION-ID` (iics-api.md §1.3). */
export const SESSION_HEADER: Readonly<Record<ApiVersion, string>> = { v2: 'icSessionId', v3: 'INFA-SESSION-ID' };

export function apiVersionOf(path: string): ApiVersion {
  return path.includes('/public/core/v3/') ? 'v3' : 'v2';
}

export interface RouterOptions {
  readonly routes: readonly Route[];
  readonly sessions: SessionStore;
  /** What a request for a path no route serves is told. */
  readonly unknownPath: (path: string) => IicsError;
}

export function createRouter(options: RouterOptions): RequestListener {
  return (raw, response) => {
    void dispatch(options, raw, response);
  };
}

async function dispatch(options: RouterOptions, raw: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(raw.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname;
  const version = apiVersionOf(path);
  try {
    const reply = await answer(options, raw, url, version);
    if (reply.body === undefined) sendEmpty(response, reply.status);
    else sendJson(response, reply.status, reply.body);
  } catch (error) {
    const iicsError =
      error instanceof IicsError
        ? error
        : new IicsError(500, 'INTERNAL_ERROR', `The sandbox failed: ${error instanceof Error ? error.message : String(error)}`);
    if (!response.headersSent) sendJson(response, iicsError.status, errorBody(version, iicsError));
    else response.destroy();
  }
}

async function answer(options: RouterOptions, raw: IncomingMessage, url: URL, version: ApiVersion): Promise<Reply> {
  const path = url.pathname;
  let pathMatched = false;
  for (const route of options.routes) {
    const match = route.pattern.exec(path);
    if (match === null) continue;
    pathMatched = true;
    if (route.method !== raw.method) continue;
    const session = route.authenticated ? authenticate(options.sessions, raw, version) : undefined;
    return route.handle({
      method: route.method,
      path,
      query: url.searchParams,
      params: match.slice(1).map((p) => decodeURIComponent(p)),
      raw,
      session,
      body: () => readJsonBody(raw),
    });
  }
  if (pathMatched) throw new IicsError(405, 'REQUEST_INVALID', `${raw.method ?? '?'} is not supported on ${path}.`);
  throw options.unknownPath(path);
}

function authenticate(sessions: SessionStore, raw: IncomingMessage, version: ApiVersion): IicsSession {
  const id = header(raw, SESSION_HEADER[version]);
  if (id === undefined || id === '') throw invalidSession();
  const found = sessions.use(id);
  if (found.state !== 'active') throw invalidSession();
  return found.session;
}

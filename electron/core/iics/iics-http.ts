import { KeylessFailure } from '../../../shared/errors';

/**
 * One JSON request to IICS and its answer, whatever the status. Lookups may be retried on
 * 429/502/503 with a capped backoff that honours Retry-After (iics-assumptions.ts); actions are
 * sent once. Nothing here logs, and no message carries a header (the session id travels in one).
 */

export interface IicsHttpDeps {
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface IicsRequest {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly url: string;
  /** What the request does, for messages: "listing runtime environments". */
  readonly what: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly retryable?: boolean;
}

export interface IicsAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly retryAfterMs?: number;
}

/** An IICS error object in either documented shape (iics-api.md §6.1). */
export interface IicsErrorDetail {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly requestId?: string;
}

const RETRY_STATUSES = new Set([429, 502, 503]);
const RETRY_DELAYS_MS = [500, 2000];
const MAX_RETRY_AFTER_MS = 10_000;

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfter(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

async function sendOnce(request: IicsRequest, fetchFn: typeof fetch): Promise<IicsAnswer> {
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetchFn(request.url, {
      method: request.method,
      headers,
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
    throw new KeylessFailure({
      code: 'IICS_UNREACHABLE',
      message: `Could not reach IICS at ${new URL(request.url).origin} while ${request.what}: ${cause}.`,
      nextStep: 'Check the login host or POD and your network or proxy, then try again.',
    });
  }
  const text = await response.text();
  let body: unknown;
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  const wait = retryAfter(response.headers.get('retry-after'));
  return { status: response.status, body, ...(wait === undefined ? {} : { retryAfterMs: wait }) };
}

export async function sendIics(request: IicsRequest, deps: IicsHttpDeps = {}): Promise<IicsAnswer> {
  const fetchFn = deps.fetch ?? fetch;
  const sleep = deps.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt += 1) {
    const answer = await sendOnce(request, fetchFn);
    const delay = RETRY_DELAYS_MS[attempt];
    if (request.retryable !== true || !RETRY_STATUSES.has(answer.status) || delay === undefined) return answer;
    await sleep(Math.min(answer.retryAfterMs ?? delay, MAX_RETRY_AFTER_MS));
  }
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

export function errorDetail(answer: IicsAnswer): IicsErrorDetail {
  const body = answer.body;
  if (typeof body === 'object' && body !== null) {
    const record = body as Record<string, unknown>;
    const v3 = record.error;
    if (typeof v3 === 'object' && v3 !== null) {
      const error = v3 as Record<string, unknown>;
      const requestId = text(error.requestId);
      return {
        status: answer.status,
        code: text(error.code) ?? '',
        message: text(error.message) ?? `HTTP ${String(answer.status)}`,
        ...(requestId === undefined ? {} : { requestId }),
      };
    }
    return { status: answer.status, code: text(record.code) ?? '', message: text(record.description) ?? text(record.message) ?? `HTTP ${String(answer.status)}` };
  }
  return { status: answer.status, code: '', message: text(body)?.slice(0, 300) ?? `HTTP ${String(answer.status)}` };
}

export function isSuccess(answer: IicsAnswer): boolean {
  return answer.status >= 200 && answer.status < 300;
}

/** A failure for an IICS answer the caller did not expect, keeping IICS's code and request id. */
export function unexpectedAnswer(what: string, answer: IicsAnswer): KeylessFailure {
  const detail = errorDetail(answer);
  const code = detail.code === '' ? '' : ` [${detail.code}]`;
  return new KeylessFailure({
    code: 'IICS_REQUEST_FAILED',
    message: `IICS failed ${what} (HTTP ${String(answer.status)}${code}): ${detail.message}`,
    nextStep:
      answer.status === 403
        ? 'Ask your IICS administrator for the rights this needs (e.g. the Designer or Admin role for connections).'
        : 'Try again; if it persists, check the IICS status page and quote the request id.',
    ...(detail.requestId === undefined ? {} : { requestId: detail.requestId }),
  });
}

export function expectObject(what: string, body: unknown): Record<string, unknown> {
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  throw new KeylessFailure({ code: 'IICS_BAD_ANSWER', message: `IICS answered ${what} with something other than a JSON object.`, nextStep: 'Check that the login host is an Informatica Cloud host.' });
}

export function expectArray(what: string, body: unknown): Record<string, unknown>[] {
  if (Array.isArray(body)) return body.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null);
  throw new KeylessFailure({ code: 'IICS_BAD_ANSWER', message: `IICS answered ${what} with something other than a JSON array.`, nextStep: 'Check that the login host is an Informatica Cloud host.' });
}

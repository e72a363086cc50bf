import type { IicsAnswer } from './iics-http';
import { sendIics } from './iics-http';
import type { IicsSession } from './iics-session';
import { notLoggedIn, sessionExpired, storedSessionId } from './iics-session';
import type { IicsDeps } from './login';
import { loginIics } from './login';

/**
 * Calls on the pod with a stored session: the base URL the login returned, the session header
 * that the resource's API version takes (`icSessionId` for /api/v2, `INFA-SESSION-ID` for
 * /public/core/v3, iics-api.md §1.3). A 401 means the session is gone (§1.5): with the password
 * at hand in this process the client logs in again once, silently; otherwise the stale session
 * is forgotten and the caller is told to log in again.
 */

export interface IicsClientDeps extends IicsDeps {
  /** The password, when this process has it (e.g. KEYLESS_IICS_PASSWORD); never stored. */
  readonly password?: () => string | undefined;
}

export interface IicsCall {
  readonly what: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Lookups are retried on throttling; actions are not. */
  readonly retryable?: boolean;
}

export function sessionHeaderFor(path: string): string {
  return path.startsWith('/public/core/v3/') ? 'INFA-SESSION-ID' : 'icSessionId';
}

export class IicsClient {
  #session: IicsSession;
  readonly #deps: IicsClientDeps;

  constructor(session: IicsSession, deps: IicsClientDeps) {
    this.#session = session;
    this.#deps = deps;
  }

  /** The session after any silent re-login. */
  get session(): IicsSession {
    return this.#session;
  }

  get(path: string, call: IicsCall): Promise<IicsAnswer> {
    return this.send('GET', path, { retryable: true, ...call });
  }

  post(path: string, call: IicsCall): Promise<IicsAnswer> {
    return this.send('POST', path, call);
  }

  /** Sends with the session; answers anything but 401 as it came. */
  private async send(method: 'GET' | 'POST', path: string, call: IicsCall): Promise<IicsAnswer> {
    const first = await this.sendWithStoredSession(method, path, call);
    if (first.status !== 401) return first;
    const password = this.#deps.password?.();
    if (password === undefined || password === '') {
      await this.#deps.vault.delete(this.#session.vaultName);
      throw sessionExpired(this.#session);
    }
    const previous = this.#session;
    await this.#deps.vault.delete(previous.vaultName);
    this.#session = await loginIics({ loginUrl: previous.loginUrl, username: previous.username, password, version: previous.version }, this.#deps);
    const second = await this.sendWithStoredSession(method, path, call);
    if (second.status === 401) throw sessionExpired(this.#session);
    return second;
  }

  private async sendWithStoredSession(method: 'GET' | 'POST', path: string, call: IicsCall): Promise<IicsAnswer> {
    const sessionId = await storedSessionId(this.#deps.vault, this.#session);
    if (sessionId === undefined) throw notLoggedIn();
    return sendIics(
      {
        method,
        url: `${this.#session.baseUrl}${path}`,
        what: call.what,
        headers: { ...call.headers, [sessionHeaderFor(path)]: sessionId },
        ...(call.body === undefined ? {} : { body: call.body }),
        ...(call.retryable === undefined ? {} : { retryable: call.retryable }),
      },
      this.#deps,
    );
  }
}

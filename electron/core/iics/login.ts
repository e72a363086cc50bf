import { inputError, KeylessFailure } from '../../../shared/errors';
import type { Vault } from '../vault/vault';
import type { IicsHttpDeps } from './iics-http';
import { errorDetail, expectObject, isSuccess, sendIics, unexpectedAnswer } from './iics-http';
import type { IicsApiVersion, IicsSession } from './iics-session';
import { sessionVaultName, storedSessionId, storeSession } from './iics-session';
import { loginUrlForPod, normaliseLoginUrl } from './login-hosts';

/**
 * Log in on the POD's login host (v2 `/ma/api/v2/user/login` or v3
 * `/saas/public/core/v3/login`, iics-api.md §1) and keep the session id in the vault. The
 * password is sent once and kept nowhere.
 */

export interface IicsLoginOptions {
  /** The login host (or a URL on it); or give `podRegion`. */
  readonly loginUrl?: string;
  /** A POD name from iics-api.md §2, e.g. USW1 or EMW1. */
  readonly podRegion?: string;
  readonly username: string;
  readonly password: string;
  readonly version: IicsApiVersion;
}

export interface IicsDeps extends IicsHttpDeps {
  readonly vault: Vault;
  readonly now?: () => Date;
}

const LOGIN_PATH: Readonly<Record<IicsApiVersion, string>> = { v2: '/ma/api/v2/user/login', v3: '/saas/public/core/v3/login' };

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

export function resolveLoginUrl(options: Pick<IicsLoginOptions, 'loginUrl' | 'podRegion'>): string {
  if (options.loginUrl !== undefined && options.podRegion !== undefined) {
    throw inputError('INVALID_IICS_LOGIN_URL', 'Both a login URL and a POD were given.', 'Pass either --login-url or --pod, not both.');
  }
  if (options.loginUrl !== undefined) return normaliseLoginUrl(options.loginUrl);
  if (options.podRegion !== undefined) return loginUrlForPod(options.podRegion);
  throw inputError('INVALID_IICS_LOGIN_URL', 'No login host was given.', 'Pass --pod NAME (e.g. USW1) or --login-url https://dm-us.informaticacloud.com.');
}

function baseUrlFrom(value: string | undefined, loginUrl: string): string {
  const badAnswer = new KeylessFailure({
    code: 'IICS_BAD_ANSWER',
    message: `The login on ${loginUrl} did not say which URL to use next (serverUrl/baseApiUrl was "${value ?? ''}").`,
    nextStep: 'Check that the login host is an Informatica Cloud login host for your POD.',
  });
  if (value === undefined) throw badAnswer;
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw badAnswer;
  } catch {
    throw badAnswer;
  }
  return value.replace(/\/+$/, '');
}

interface LoginAnswer {
  readonly sessionId: string | undefined;
  readonly baseUrl: string | undefined;
  readonly orgId: string | undefined;
  readonly orgName: string | undefined;
}

function readLoginAnswer(version: IicsApiVersion, body: Record<string, unknown>): LoginAnswer {
  if (version === 'v2') {
    return { sessionId: text(body.icSessionId), baseUrl: text(body.serverUrl), orgId: text(body.orgId), orgName: undefined };
  }
  const products = Array.isArray(body.products) ? (body.products as unknown[]) : [];
  const first = products[0] as Record<string, unknown> | undefined;
  const userInfo = (typeof body.userInfo === 'object' && body.userInfo !== null ? body.userInfo : {}) as Record<string, unknown>;
  return { sessionId: text(userInfo.sessionId), baseUrl: text(first?.baseApiUrl), orgId: text(userInfo.orgId), orgName: text(userInfo.orgName) };
}

export async function loginIics(options: IicsLoginOptions, deps: IicsDeps): Promise<IicsSession> {
  const loginUrl = resolveLoginUrl(options);
  const username = options.username.trim();
  if (username === '') throw inputError('INVALID_IICS_LOGIN', 'No IICS user name was given.', 'Pass --username with the user you log in to Informatica Cloud as.');
  if (options.password === '') throw inputError('INVALID_IICS_LOGIN', 'No IICS password was given.', 'Type the password at the prompt, pipe it on standard input, or set KEYLESS_IICS_PASSWORD.');
  const version = options.version;
  const body = version === 'v2' ? { '@type': 'login', username, password: options.password } : { username, password: options.password };
  const what = `logging in as ${username}`;
  const answer = await sendIics({ method: 'POST', url: `${loginUrl}${LOGIN_PATH[version]}`, what, body }, deps);
  if (!isSuccess(answer)) {
    if (answer.status === 400 || answer.status === 401 || answer.status === 403) {
      const detail = errorDetail(answer);
      throw new KeylessFailure({
        code: 'INVALID_IICS_CREDENTIALS',
        message: `IICS refused the login of ${username} on ${loginUrl} (HTTP ${String(answer.status)}${detail.code === '' ? '' : ` ${detail.code}`}): ${detail.message}`,
        nextStep: 'Check the user name, the password and that this is your POD\'s login host (a user of another POD is unknown here).',
        ...(detail.requestId === undefined ? {} : { requestId: detail.requestId }),
      });
    }
    throw unexpectedAnswer(what, answer);
  }
  const read = readLoginAnswer(version, expectObject(what, answer.body));
  if (read.sessionId === undefined) {
    throw new KeylessFailure({ code: 'IICS_BAD_ANSWER', message: `The login on ${loginUrl} returned no session id.`, nextStep: 'Check that the login host is an Informatica Cloud login host.' });
  }
  const session: IicsSession = {
    loginUrl,
    username,
    version,
    baseUrl: baseUrlFrom(read.baseUrl, loginUrl),
    ...(read.orgId === undefined ? {} : { orgId: read.orgId }),
    ...(read.orgName === undefined ? {} : { orgName: read.orgName }),
    vaultName: sessionVaultName(loginUrl, read.orgId, username),
    loggedInAt: (deps.now ?? (() => new Date()))().toISOString(),
  };
  await storeSession(deps.vault, session, read.sessionId);
  return session;
}

export interface LogoutResult {
  /** false when IICS could not be told (unreachable) or the session had already ended there. */
  readonly endedAtIics: boolean;
}

/**
 * Ends the session at IICS (v2 `POST <serverUrl>/api/v2/user/logout`, v3
 * `POST <baseApiUrl>/public/core/v3/logout`, §1.6) and forgets it here either way.
 */
export async function logoutIics(session: IicsSession, deps: IicsDeps): Promise<LogoutResult> {
  const sessionId = await storedSessionId(deps.vault, session);
  if (sessionId === undefined) return { endedAtIics: false };
  try {
    const answer = await sendIics(
      session.version === 'v2'
        ? { method: 'POST', url: `${session.baseUrl}/api/v2/user/logout`, what: 'logging out', headers: { icSessionId: sessionId } }
        : { method: 'POST', url: `${session.baseUrl}/public/core/v3/logout`, what: 'logging out', headers: { 'INFA-SESSION-ID': sessionId } },
      deps,
    );
    return { endedAtIics: isSuccess(answer) };
  } catch (error) {
    if (error instanceof KeylessFailure && error.detail.code === 'IICS_UNREACHABLE') return { endedAtIics: false };
    throw error;
  } finally {
    await deps.vault.delete(session.vaultName);
  }
}

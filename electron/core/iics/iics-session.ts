import { KeylessFailure } from '../../../shared/errors';
import type { Vault } from '../vault/vault';

/**
 * A logged-in IICS session as callers see it: where it lives and who it is, never the session
 * id. The id is a secret (DESIGN §4) and stays in the vault under `iics-session:<org>@<host>`,
 * in one record with this description so a later process (the next CLI command) can use it.
 */

export type IicsApiVersion = 'v2' | 'v3';

export interface IicsSession {
  /** The login host's origin, e.g. https://dm-us.informaticacloud.com. */
  readonly loginUrl: string;
  readonly username: string;
  /** The login resource used (iics-api.md §1.1, §1.2). */
  readonly version: IicsApiVersion;
  /** v2 `serverUrl` or v3 `products[0].baseApiUrl`, without a trailing slash: every later call goes here. */
  readonly baseUrl: string;
  readonly orgId?: string;
  readonly orgName?: string;
  /** The vault entry holding the session id. */
  readonly vaultName: string;
  readonly loggedInAt: string;
}

interface StoredSession extends IicsSession {
  readonly sessionId: string;
}

export const SESSION_PREFIX = 'iics-session:';

export function sessionVaultName(loginUrl: string, orgId: string | undefined, username: string): string {
  return `${SESSION_PREFIX}${orgId ?? username}@${new URL(loginUrl).host}`;
}

export async function storeSession(vault: Vault, session: IicsSession, sessionId: string): Promise<void> {
  const record: StoredSession = { ...session, sessionId };
  await vault.set(session.vaultName, JSON.stringify(record));
}

function parseRecord(text: string): StoredSession | undefined {
  try {
    const value = JSON.parse(text) as Partial<StoredSession>;
    if (typeof value.sessionId !== 'string' || typeof value.baseUrl !== 'string' || typeof value.loginUrl !== 'string') return undefined;
    if (typeof value.username !== 'string' || (value.version !== 'v2' && value.version !== 'v3') || typeof value.vaultName !== 'string') return undefined;
    return value as StoredSession;
  } catch {
    return undefined;
  }
}

function describe(record: StoredSession): IicsSession {
  const { sessionId: _secret, ...session } = record;
  return session;
}

/** The session id for a request; undefined once logged out or forgotten. */
export async function storedSessionId(vault: Vault, session: IicsSession): Promise<string | undefined> {
  const text = await vault.get(session.vaultName);
  return text === undefined ? undefined : parseRecord(text)?.sessionId;
}

/** Sessions in the vault, most recent login first. */
export async function storedSessions(vault: Vault): Promise<IicsSession[]> {
  const sessions: IicsSession[] = [];
  for (const name of await vault.names()) {
    if (!name.startsWith(SESSION_PREFIX)) continue;
    const text = await vault.get(name);
    const record = text === undefined ? undefined : parseRecord(text);
    if (record !== undefined) sessions.push(describe(record));
  }
  return sessions.sort((a, b) => b.loggedInAt.localeCompare(a.loggedInAt));
}

export function notLoggedIn(): KeylessFailure {
  return new KeylessFailure({
    code: 'IICS_NOT_LOGGED_IN',
    message: 'There is no IICS session in the vault.',
    nextStep: 'Log in first: keyless iics login --pod NAME (or --login-url URL) --username USER.',
  });
}

export function loginCommandFor(session: Pick<IicsSession, 'loginUrl' | 'username' | 'version'>): string {
  return `keyless iics login --login-url ${session.loginUrl} --username ${session.username}${session.version === 'v3' ? ' --v3' : ''}`;
}

export function sessionExpired(session: IicsSession): KeylessFailure {
  return new KeylessFailure({
    code: 'IICS_SESSION_EXPIRED',
    message: `The IICS session of ${session.username} on ${session.loginUrl} has expired (IICS ends sessions after 30 minutes without use).`,
    nextStep: `Log in again: ${loginCommandFor(session)}`,
  });
}

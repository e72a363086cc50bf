import { randomBytes } from 'node:crypto';
import type { IicsUser } from './world';

/**
 * IICS sessions: an id handed out at login that stays valid while it is used, and expires after
 * an idle period (30 minutes in IICS, iics-api.md §1.4). The clock is injected so tests can jump
 * past the expiry instead of waiting for it.
 */

export interface IicsSession {
  readonly id: string;
  readonly user: IicsUser;
  lastActivity: number;
}

export type SessionLookup = { readonly state: 'active'; readonly session: IicsSession } | { readonly state: 'expired' | 'unknown' };

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function opaqueId(): string {
  const bytes = randomBytes(22);
  return Array.from(bytes, (b) => BASE62[b % 62]).join('');
}

/** A token shaped like the JWT an org in JWT mode hands out: three base64url parts, long. */
function jwtLikeId(user: IicsUser, orgId: string, now: number, idleTimeoutMs: number): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const issuedAt = Math.floor(now / 1000);
  const claims = { sub: user.id, name: user.username, org: orgId, iat: issuedAt, exp: issuedAt + Math.floor(idleTimeoutMs / 1000) };
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.${randomBytes(64).toString('base64url')}`;
}

export class SessionStore {
  private readonly sessions = new Map<string, IicsSession>();

  constructor(
    private readonly clock: () => number,
    private readonly idleTimeoutMs: number,
    private readonly format: 'opaque' | 'jwt',
    private readonly orgId: string,
  ) {}

  open(user: IicsUser): IicsSession {
    const now = this.clock();
    const id = this.format === 'jwt' ? jwtLikeId(user, this.orgId, now, this.idleTimeoutMs) : opaqueId();
    const session: IicsSession = { id, user, lastActivity: now };
    this.sessions.set(id, session);
    return session;
  }

  /** Looks a session up without counting it as activity. */
  peek(id: string): SessionLookup {
    const session = this.sessions.get(id);
    if (session === undefined) return { state: 'unknown' };
    if (this.clock() - session.lastActivity >= this.idleTimeoutMs) {
      this.sessions.delete(id);
      return { state: 'expired' };
    }
    return { state: 'active', session };
  }

  /** Looks a session up for a request: a live session's idle timer restarts. */
  use(id: string): SessionLookup {
    const found = this.peek(id);
    if (found.state === 'active') found.session.lastActivity = this.clock();
    return found;
  }

  /** Milliseconds until the session expires if it stays idle. */
  remainingMs(session: IicsSession): number {
    return Math.max(0, session.lastActivity + this.idleTimeoutMs - this.clock());
  }

  close(id: string): boolean {
    return this.sessions.delete(id);
  }
}

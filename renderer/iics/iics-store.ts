import { create } from 'zustand';
import type { KeylessError } from '../../shared/errors';
import type { AppliedConnectionInfo, ConnectionTestInfo, IicsSessionInfo } from '../../shared/ipc/iics-contract';
import type { ConnectionForm } from './connection-form';

/**
 * UI state of the IICS step. The session itself is authoritative in main (its id is in the
 * vault); this holds who is logged in, for display. A discriminated union: the connection part
 * of the screen exists only with a session, and a session IICS ended sends the user back to the
 * login form with the reason. No password is ever held here.
 */
export type IicsSessionPhase =
  | { readonly phase: 'checking' }
  | { readonly phase: 'loggedOut'; readonly reason?: KeylessError }
  | { readonly phase: 'loggedIn'; readonly session: IicsSessionInfo };

export type ConnectionOutcome =
  | { readonly phase: 'idle' }
  | { readonly phase: 'working'; readonly what: 'applying' | 'testing'; readonly applied?: AppliedConnectionInfo }
  | { readonly phase: 'applied'; readonly applied: AppliedConnectionInfo }
  | { readonly phase: 'tested'; readonly applied?: AppliedConnectionInfo; readonly test: ConnectionTestInfo }
  | { readonly phase: 'failed'; readonly applied?: AppliedConnectionInfo; readonly error: KeylessError };

/** Codes meaning there is no usable session: the answer is the login form. */
const SESSION_GONE = new Set(['IICS_SESSION_EXPIRED', 'IICS_NOT_LOGGED_IN']);

export function isSessionGone(error: KeylessError): boolean {
  return SESSION_GONE.has(error.code);
}

interface IicsStore {
  readonly session: IicsSessionPhase;
  readonly connection: ConnectionForm | undefined;
  readonly outcome: ConnectionOutcome;
  readonly loggedIn: (session: IicsSessionInfo) => void;
  readonly loggedOut: (reason?: KeylessError) => void;
  readonly editConnection: (form: ConnectionForm) => void;
  readonly working: (what: 'applying' | 'testing') => void;
  readonly applied: (applied: AppliedConnectionInfo) => void;
  readonly tested: (test: ConnectionTestInfo) => void;
  /** An operation failed; a gone session also logs the screen out. */
  readonly failed: (error: KeylessError) => void;
}

/** The latest create/update result stays on screen while the connection is tested. */
const lastApplied = (outcome: ConnectionOutcome): AppliedConnectionInfo | undefined => (outcome.phase === 'idle' ? undefined : outcome.applied);

export const useIics = create<IicsStore>()((set) => ({
  session: { phase: 'checking' },
  connection: undefined,
  outcome: { phase: 'idle' },
  // Coming back to the step with the same session keeps the last result on screen.
  loggedIn: (session) =>
    set(({ session: before, outcome }) => {
      const same = before.phase === 'loggedIn' && before.session.loginUrl === session.loginUrl && before.session.loggedInAt === session.loggedInAt;
      return { session: { phase: 'loggedIn', session }, outcome: same ? outcome : { phase: 'idle' } };
    }),
  loggedOut: (reason) => set({ session: reason === undefined ? { phase: 'loggedOut' } : { phase: 'loggedOut', reason }, outcome: { phase: 'idle' } }),
  editConnection: (form) => set({ connection: form }),
  working: (what) =>
    set(({ outcome }) => {
      const applied = what === 'testing' ? lastApplied(outcome) : undefined;
      return { outcome: applied === undefined ? { phase: 'working', what } : { phase: 'working', what, applied } };
    }),
  applied: (applied) => set({ outcome: { phase: 'applied', applied } }),
  tested: (test) =>
    set(({ outcome }) => {
      const applied = lastApplied(outcome);
      return { outcome: applied === undefined ? { phase: 'tested', test } : { phase: 'tested', applied, test } };
    }),
  failed: (error) =>
    set(({ outcome }) => {
      if (isSessionGone(error)) return { session: { phase: 'loggedOut', reason: error }, outcome: { phase: 'idle' } };
      const applied = lastApplied(outcome);
      return { outcome: applied === undefined ? { phase: 'failed', error } : { phase: 'failed', applied, error } };
    }),
}));

import type { ConnectionStore } from './connection-store';
import type { ConnectionTester } from './connection-test/test-connection';
import type { SessionStore } from './session-store';
import type { IicsWorld } from './world';

/** What the route handlers of both hosts share. */
export interface EmulatorContext {
  readonly world: IicsWorld;
  readonly sessions: SessionStore;
  readonly connections: ConnectionStore;
  readonly tester: ConnectionTester;
  readonly clock: () => number;
  /** The pod's base URL clients must use after login, ending in `/saas` like IICS's `serverUrl`. */
  readonly podBaseUrl: () => string;
}

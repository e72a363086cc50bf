import { createServer } from 'node:http';
import type { RequestListener, Server } from 'node:http';
import { KeylessFailure } from '../../../../shared/errors';
import { ConnectionStore } from './connection-store';
import { connectionRoutes } from './connection-routes';
import { connectorRoutes } from './connector-routes';
import { AwsStateReader } from './connection-test/aws-state-reader';
import type { AwsCredentials } from './connection-test/aws-state-reader';
import { ConnectionTester } from './connection-test/test-connection';
import type { EmulatorContext } from './emulator-context';
import { notFound } from './iics-errors';
import { createRouter } from './router';
import { runtimeEnvironmentRoutes } from './runtime-environment-routes';
import { loginRoutes, podLogoutRoute, sessionRoutes } from './session-routes';
import { SessionStore } from './session-store';
import type { IicsWorld, IicsWorldInput, S3AccessLevel } from './world';
import { parseIicsWorld } from './world';

/**
 * The sandbox's IICS: a login host and a separate pod, both on 127.0.0.1, so a client must
 * follow the `serverUrl`/`baseApiUrl` the login returns as it must with real IICS (DESIGN §7).
 */

export interface IicsEmulatorOptions {
  /** 0 or absent: a free port. */
  readonly loginPort?: number;
  readonly podPort?: number;
  /** Idle time after which a session expires; IICS uses 30 minutes. */
  readonly idleTimeoutMs?: number;
  /** Milliseconds since the epoch; injected by tests to jump past expiry. */
  readonly clock?: () => number;
  readonly world: IicsWorldInput;
  /** Where the connection test reads AWS state: moto, usually through the gateway. */
  readonly aws: {
    readonly endpoint: string;
    readonly region: string;
    /** Credentials in the Secure Agent's account. */
    readonly credentials: AwsCredentials;
    /** Credentials of other accounts (e.g. a bucket account), by account id. */
    readonly accountCredentials?: Readonly<Record<string, AwsCredentials>>;
  };
}

export interface IicsEmulator {
  /** Base URL of the login host, e.g. `http://127.0.0.1:4567`: POST `${loginUrl}/ma/api/v2/user/login`. */
  readonly loginUrl: string;
  /** Base URL of the pod host. */
  readonly podUrl: string;
  /** What logins return as `serverUrl` / `baseApiUrl`: `${podUrl}/saas`. */
  readonly serverUrl: string;
  readonly world: IicsWorld;
  /** Whether the connection test of the connection with this name checks write access too. */
  setConnectionTestAccess(connectionName: string, access: S3AccessLevel): void;
  close(): Promise<void>;
}

export const DEFAULT_IDLE_TIMEOUT_MS = 30 * 60 * 1000;

function listen(server: Server, port: number, what: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new KeylessFailure({
          code: 'SANDBOX_IICS_START_FAILED',
          message: `The IICS ${what} could not listen on 127.0.0.1:${String(port)}: ${error.code ?? error.message}.`,
          nextStep: error.code === 'EADDRINUSE' ? 'Choose another port (--iics-port) or stop what uses it.' : 'Check the port number.',
        }),
      );
    });
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function startIicsEmulator(options: IicsEmulatorOptions): Promise<IicsEmulator> {
  const world = parseIicsWorld(options.world);
  const clock = options.clock ?? Date.now;
  const idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  if (!(idleTimeoutMs > 0)) {
    throw new KeylessFailure({
      code: 'INVALID_IICS_IDLE_TIMEOUT',
      message: `The IICS session idle timeout must be a positive number of milliseconds, not ${String(idleTimeoutMs)}.`,
      nextStep: 'Pass a positive idleTimeoutMs, or leave it out for 30 minutes.',
    });
  }
  const reader = new AwsStateReader(options.aws);
  const sessions = new SessionStore(clock, idleTimeoutMs, world.sessionIdFormat, world.org.id);
  let serverUrl = '';
  const context: EmulatorContext = {
    world,
    sessions,
    connections: new ConnectionStore(world, clock),
    tester: new ConnectionTester(world, reader, options.aws.endpoint),
    clock,
    podBaseUrl: () => serverUrl,
  };

  const loginListener: RequestListener = createRouter({
    routes: [...loginRoutes(context), ...sessionRoutes(context)],
    sessions,
    unknownPath: (path) => notFound(`${path} on the login host (resources live on the serverUrl or baseApiUrl the login returned)`),
  });
  const podListener: RequestListener = createRouter({
    routes: [
      ...sessionRoutes(context),
      podLogoutRoute(context),
      ...runtimeEnvironmentRoutes(context),
      ...connectorRoutes(context),
      ...connectionRoutes(context),
    ],
    sessions,
    unknownPath: (path) =>
      notFound(path.endsWith('/login') ? `${path} on the pod (log in on the login host)` : `The resource ${path}`),
  });

  const loginServer = createServer(loginListener);
  const podServer = createServer(podListener);
  try {
    const loginPort = await listen(loginServer, options.loginPort ?? 0, 'login host');
    const podPort = await listen(podServer, options.podPort ?? 0, 'pod');
    const loginUrl = `http://127.0.0.1:${String(loginPort)}`;
    const podUrl = `http://127.0.0.1:${String(podPort)}`;
    serverUrl = `${podUrl}/saas`;
    return {
      loginUrl,
      podUrl,
      serverUrl,
      world,
      setConnectionTestAccess(connectionName, access) {
        world.connectionTests.accessByConnectionName[connectionName] = access;
      },
      async close() {
        await Promise.all([closeServer(loginServer), closeServer(podServer)]);
        reader.destroy();
      },
    };
  } catch (error) {
    await Promise.all([closeServer(loginServer), closeServer(podServer)]);
    reader.destroy();
    throw error;
  }
}

import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_IICS_PASSWORD, DEFAULT_IICS_USERNAME, defaultIicsWorldInput } from '../../../electron/core/sandbox/iics/default-world';
import { startIicsEmulator } from '../../../electron/core/sandbox/iics/start-iics-emulator';
import type { IicsEmulator } from '../../../electron/core/sandbox/iics/start-iics-emulator';
import { IicsClient } from '../../../electron/core/iics/iics-client';
import { storedSessionId, storedSessions } from '../../../electron/core/iics/iics-session';
import { loginIics, logoutIics } from '../../../electron/core/iics/login';
import { listRuntimeEnvironments } from '../../../electron/core/iics/runtime-environments';
import { KeylessFailure } from '../../../shared/errors';
import { findPlaintext } from '../vault/plaintext-scan';
import { recordingFetch, testVault } from './iics-test-support';

const MINUTE = 60_000;
const NO_AWS = { endpoint: 'http://127.0.0.1:9', region: 'us-east-1', credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' } };

async function failure(promise: Promise<unknown>): Promise<KeylessFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof KeylessFailure) return error;
    throw error;
  }
  throw new Error('expected a KeylessFailure');
}

describe('IICS client sessions against the emulator', () => {
  let emulator: IicsEmulator | undefined;
  let now = Date.UTC(2026, 0, 1);
  const clock = (): number => now;

  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  async function start(overrides: Record<string, unknown> = {}): Promise<IicsEmulator> {
    emulator = await startIicsEmulator({ world: { ...defaultIicsWorldInput(), ...overrides }, aws: NO_AWS, clock, idleTimeoutMs: 30 * MINUTE });
    return emulator;
  }

  for (const version of ['v2', 'v3'] as const) {
    it(`${version}: logs in on the login host, calls the pod with icSessionId, keeps the id only in the vault`, async () => {
      const { loginUrl, serverUrl } = await start();
      const { vault, appDataDir } = await testVault();
      const wire = recordingFetch();
      const session = await loginIics({ loginUrl, username: DEFAULT_IICS_USERNAME, password: DEFAULT_IICS_PASSWORD, version }, { vault, fetch: wire.fetch });

      expect(session).toMatchObject({ loginUrl, baseUrl: serverUrl, version, orgId: version === 'v2' ? '010003' : '0cuQSDTq5sikvN7x8r1xm1' });
      expect(session.vaultName).toBe(`iics-session:${session.orgId!}@${new URL(loginUrl).host}`);
      const sessionId = await storedSessionId(vault, session);
      expect(sessionId).toMatch(/^[0-9A-Za-z]{20,}$/);
      expect(JSON.stringify(session)).not.toContain(sessionId);
      expect(wire.requests[0]!.url).toBe(`${loginUrl}${version === 'v2' ? '/ma/api/v2/user/login' : '/saas/public/core/v3/login'}`);
      expect(wire.requests[0]!.body).toContain(DEFAULT_IICS_PASSWORD);
      expect(wire.requests[0]!.headers).not.toHaveProperty('icsessionid');

      const environments = await listRuntimeEnvironments(new IicsClient(session, { vault, fetch: wire.fetch }));
      expect(environments.map((e) => e.name)).toEqual(['aws-ec2-agents', 'aws-ec2-agents-down', 'serverless-aws']);
      const call = wire.requests[1]!;
      expect(call.url).toBe(`${serverUrl}/api/v2/runtimeEnvironment`);
      expect(call.headers.icsessionid).toBe(sessionId);

      const { scanned, hits } = await findPlaintext([appDataDir], [sessionId!, DEFAULT_IICS_PASSWORD]);
      expect(scanned.length).toBeGreaterThan(0);
      expect(hits).toEqual([]);
      expect(await storedSessions(vault)).toEqual([session]);
    });
  }

  it('a long JWT session id (orgs in JWT mode since Nov 2025) is stored and used the same way', async () => {
    const { loginUrl } = await start({ sessionIdFormat: 'jwt' });
    const { vault } = await testVault();
    const session = await loginIics({ loginUrl, username: DEFAULT_IICS_USERNAME, password: DEFAULT_IICS_PASSWORD, version: 'v3' }, { vault });
    expect((await storedSessionId(vault, session))!.split('.')).toHaveLength(3);
    expect(await listRuntimeEnvironments(new IicsClient(session, { vault }))).toHaveLength(3);
  });

  it('after the idle timeout, logs in again once and silently when the password is at hand', async () => {
    const { loginUrl } = await start();
    const { vault } = await testVault();
    const session = await loginIics({ loginUrl, username: DEFAULT_IICS_USERNAME, password: DEFAULT_IICS_PASSWORD, version: 'v2' }, { vault });
    const firstId = await storedSessionId(vault, session);
    const wire = recordingFetch();
    const client = new IicsClient(session, { vault, fetch: wire.fetch, password: () => DEFAULT_IICS_PASSWORD });
    now += 31 * MINUTE;
    expect(await listRuntimeEnvironments(client)).toHaveLength(3);
    expect(wire.requests.map((r) => `${r.method} ${new URL(r.url).pathname} ${r.url.startsWith(loginUrl) ? 'login host' : 'pod'}`)).toEqual([
      'GET /saas/api/v2/runtimeEnvironment pod',
      'POST /ma/api/v2/user/login login host',
      'GET /saas/api/v2/runtimeEnvironment pod',
    ]);
    const secondId = await storedSessionId(vault, client.session);
    expect(secondId).toBeDefined();
    expect(secondId).not.toBe(firstId);
  });

  it('after the idle timeout without the password: IICS_SESSION_EXPIRED saying how to log in again, and the dead session is forgotten', async () => {
    const { loginUrl } = await start();
    const { vault } = await testVault();
    const session = await loginIics({ loginUrl, username: DEFAULT_IICS_USERNAME, password: DEFAULT_IICS_PASSWORD, version: 'v3' }, { vault });
    now += 30 * MINUTE;
    const error = await failure(listRuntimeEnvironments(new IicsClient(session, { vault })));
    expect(error.detail.code).toBe('IICS_SESSION_EXPIRED');
    expect(error.detail.nextStep).toBe(`Log in again: keyless iics login --login-url ${loginUrl} --username ${DEFAULT_IICS_USERNAME} --v3`);
    expect(await vault.names()).toEqual([]);
    expect((await failure(listRuntimeEnvironments(new IicsClient(session, { vault })))).detail.code).toBe('IICS_NOT_LOGGED_IN');
  });

  it('a session in use does not expire: each call restarts the idle time', async () => {
    const { loginUrl } = await start();
    const { vault } = await testVault();
    const session = await loginIics({ loginUrl, username: DEFAULT_IICS_USERNAME, password: DEFAULT_IICS_PASSWORD, version: 'v2' }, { vault });
    const client = new IicsClient(session, { vault });
    for (let i = 0; i < 3; i += 1) {
      now += 20 * MINUTE;
      expect(await listRuntimeEnvironments(client)).toHaveLength(3);
    }
  });

  it('a wrong password is refused with IICS\'s message and stores nothing', async () => {
    const { loginUrl } = await start({ loginFailureStatus: 400 });
    const { vault } = await testVault();
    const error = await failure(loginIics({ loginUrl, username: DEFAULT_IICS_USERNAME, password: 'wrong', version: 'v2' }, { vault }));
    expect(error.detail).toMatchObject({ code: 'INVALID_IICS_CREDENTIALS' });
    expect(error.detail.message).toContain('User name or password is not valid.');
    expect(error.detail.message).not.toContain('wrong');
    expect(await vault.names()).toEqual([]);
  });

  for (const version of ['v2', 'v3'] as const) {
    it(`${version}: logout ends the session at IICS (${version === 'v2' ? 'icSessionId on /api/v2/user/logout' : 'INFA-SESSION-ID on /public/core/v3/logout'}) and in the vault`, async () => {
      const { loginUrl, serverUrl } = await start();
      const { vault } = await testVault();
      const session = await loginIics({ loginUrl, username: DEFAULT_IICS_USERNAME, password: DEFAULT_IICS_PASSWORD, version }, { vault });
      const sessionId = (await storedSessionId(vault, session))!;
      const wire = recordingFetch();
      expect(await logoutIics(session, { vault, fetch: wire.fetch })).toEqual({ endedAtIics: true });
      const request = wire.requests[0]!;
      if (version === 'v2') {
        expect(request.url).toBe(`${serverUrl}/api/v2/user/logout`);
        expect(request.headers.icsessionid).toBe(sessionId);
      } else {
        expect(request.url).toBe(`${serverUrl}/public/core/v3/logout`);
        expect(request.headers['infa-session-id']).toBe(sessionId);
      }
      expect(await vault.names()).toEqual([]);
      const stale = await fetch(`${serverUrl}/api/v2/runtimeEnvironment`, { headers: { icSessionId: sessionId } });
      await stale.arrayBuffer();
      expect(stale.status).toBe(401);
    });
  }
});

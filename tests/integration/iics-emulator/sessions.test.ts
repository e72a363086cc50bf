import { afterEach, describe, expect, it } from 'vitest';
import { startIicsEmulator } from '../../../electron/core/sandbox/iics/start-iics-emulator';
import type { IicsEmulator } from '../../../electron/core/sandbox/iics/start-iics-emulator';
import { DEFAULT_IICS_PASSWORD, DEFAULT_IICS_USERNAME, defaultIicsWorldInput } from '../../../electron/core/sandbox/iics/default-world';
import { KeylessFailure } from '../../../shared/errors';
import { NO_AWS, call, loginV2, loginV3, v2, v3 } from './iics-http';

const MINUTE = 60_000;

describe('IICS emulator sessions', () => {
  let emulator: IicsEmulator | undefined;
  let now = Date.UTC(2026, 0, 1);
  const clock = (): number => now;

  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  async function start(overrides: Record<string, unknown> = {}): Promise<IicsEmulator> {
    emulator = await startIicsEmulator({ world: { ...defaultIicsWorldInput(), ...overrides }, aws: NO_AWS, clock });
    return emulator;
  }

  it('logs in with v2 on the login host and serves resources only on the pod it names', async () => {
    const { loginUrl, podUrl } = await start();
    expect(new URL(loginUrl).port).not.toBe(new URL(podUrl).port);
    const login = await call('POST', `${loginUrl}/ma/api/v2/user/login`, {
      body: { '@type': 'login', username: DEFAULT_IICS_USERNAME, password: DEFAULT_IICS_PASSWORD },
    });
    expect(login.status).toBe(200);
    const user = login.body as Record<string, unknown>;
    expect(user).toMatchObject({ '@type': 'user', orgId: '010003', name: DEFAULT_IICS_USERNAME, serverUrl: `${podUrl}/saas` });
    expect(typeof user.icSessionId).toBe('string');
    expect((user.icSessionId as string).length).toBeGreaterThanOrEqual(20);
    expect(JSON.stringify(user)).not.toContain(DEFAULT_IICS_PASSWORD);

    const session = user.icSessionId as string;
    const onPod = await call('GET', `${podUrl}/saas/api/v2/runtimeEnvironment`, { headers: v2(session) });
    expect(onPod.status).toBe(200);
    const onLoginHost = await call('GET', `${loginUrl}/saas/api/v2/runtimeEnvironment`, { headers: v2(session) });
    expect(onLoginHost.status).toBe(404);
    expect(onLoginHost.body).toMatchObject({ '@type': 'error', statusCode: 404 });
    expect((onLoginHost.body as { description: string }).description).toContain('login host');
    const loginOnPod = await call('POST', `${podUrl}/ma/api/v2/user/login`, { body: { username: DEFAULT_IICS_USERNAME, password: DEFAULT_IICS_PASSWORD } });
    expect(loginOnPod.status).toBe(404);
  });

  it('logs in with v3, and the session id works for v2 resources with the v2 header', async () => {
    const { loginUrl, serverUrl } = await start();
    const login = await call('POST', `${loginUrl}/saas/public/core/v3/login`, { body: { username: DEFAULT_IICS_USERNAME, password: DEFAULT_IICS_PASSWORD } });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({
      products: [{ name: 'Integration Cloud', baseApiUrl: serverUrl }],
      userInfo: { name: DEFAULT_IICS_USERNAME, orgName: 'Keyless Sandbox Org', status: 'Active' },
    });
    const { sessionId } = await loginV3(loginUrl, DEFAULT_IICS_USERNAME, DEFAULT_IICS_PASSWORD);
    expect((await call('GET', `${serverUrl}/api/v2/agent`, { headers: v2(sessionId) })).status).toBe(200);
    // Header names are case-insensitive on the wire (infapy sends icSessionID).
    expect((await call('GET', `${serverUrl}/api/v2/agent`, { headers: { icSessionID: sessionId } })).status).toBe(200);
  });

  it('rejects a wrong password with the documented v2 and v3 error objects, at the configured status', async () => {
    const { loginUrl } = await start();
    const wrongV2 = await call('POST', `${loginUrl}/ma/api/v2/user/login`, { body: { username: DEFAULT_IICS_USERNAME, password: 'nope' } });
    expect(wrongV2.status).toBe(403);
    expect(wrongV2.body).toEqual({ code: 'UI_10000', description: 'User name or password is not valid.', statusCode: 403, '@type': 'error' });
    const wrongV3 = await call('POST', `${loginUrl}/saas/public/core/v3/login`, { body: { username: 'someone@else', password: DEFAULT_IICS_PASSWORD } });
    expect(wrongV3.status).toBe(403);
    expect(wrongV3.body).toMatchObject({ error: { code: 'IDS_085', message: 'User name or password is not valid.', details: null } });
    expect(typeof (wrongV3.body as { error: { requestId: unknown } }).error.requestId).toBe('string');
    const missing = await call('POST', `${loginUrl}/ma/api/v2/user/login`, { body: { username: DEFAULT_IICS_USERNAME } });
    expect(missing.status).toBe(400);

    await emulator?.close();
    const strict = await start({ loginFailureStatus: 400 });
    const wrong400 = await call('POST', `${strict.loginUrl}/ma/api/v2/user/login`, { body: { username: DEFAULT_IICS_USERNAME, password: 'nope' } });
    expect(wrong400.status).toBe(400);
    expect(wrong400.body).toMatchObject({ code: 'UI_10000', statusCode: 400 });
  });

  it('expires an idle session: activity keeps it alive, 30 idle minutes end it with 401 in the v2 and v3 shapes', async () => {
    const { loginUrl, serverUrl } = await start();
    const { sessionId } = await loginV2(loginUrl, DEFAULT_IICS_USERNAME, DEFAULT_IICS_PASSWORD);
    const other = (await loginV2(loginUrl, DEFAULT_IICS_USERNAME, DEFAULT_IICS_PASSWORD)).sessionId;
    now += 29 * MINUTE;
    expect((await call('GET', `${serverUrl}/api/v2/connection`, { headers: v2(sessionId) })).status).toBe(200);
    now += 29 * MINUTE;
    expect((await call('GET', `${serverUrl}/api/v2/connection`, { headers: v2(sessionId) })).status).toBe(200);
    now += 30 * MINUTE;
    const expired = await call('GET', `${serverUrl}/api/v2/connection`, { headers: v2(sessionId) });
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ '@type': 'error', statusCode: 401 });
    expect((expired.body as { description: string }).description).toMatch(/expired/i);
    // The second session was idle all along; on a v3 resource its expiry answers in the v3 shape.
    const expiredV3 = await call('POST', `${serverUrl}/public/core/v3/logout`, { headers: v3(other) });
    expect(expiredV3.status).toBe(401);
    expect(expiredV3.body).toMatchObject({ error: { details: null } });
    expect((expiredV3.body as { error: { message: string } }).error.message).toMatch(/expired/i);
  });

  it('honours a configured idle timeout', async () => {
    emulator = await startIicsEmulator({ world: defaultIicsWorldInput(), aws: NO_AWS, clock, idleTimeoutMs: 5 * MINUTE });
    const { sessionId } = await loginV2(emulator.loginUrl, DEFAULT_IICS_USERNAME, DEFAULT_IICS_PASSWORD);
    now += 5 * MINUTE - 1;
    expect((await call('GET', `${emulator.serverUrl}/api/v2/agent`, { headers: v2(sessionId) })).status).toBe(200);
    now += 5 * MINUTE;
    expect((await call('GET', `${emulator.serverUrl}/api/v2/agent`, { headers: v2(sessionId) })).status).toBe(401);
    await expect(startIicsEmulator({ world: defaultIicsWorldInput(), aws: NO_AWS, idleTimeoutMs: 0 })).rejects.toBeInstanceOf(KeylessFailure);
  });

  it('answers validSessionId with the minutes left, without counting as activity', async () => {
    const { loginUrl, serverUrl } = await start();
    const { sessionId } = await loginV2(loginUrl, DEFAULT_IICS_USERNAME, DEFAULT_IICS_PASSWORD);
    const check = (host: string, token: string, userName = DEFAULT_IICS_USERNAME): Promise<unknown> =>
      call('POST', `${host}/saas/api/v2/user/validSessionId`, { body: { '@type': 'validatedToken', userName, icToken: token } }).then((a) => a.body);
    expect(await check(loginUrl, sessionId)).toEqual({ '@type': 'validatedToken', timeUntilExpire: 30, isValidToken: true });
    now += 10 * MINUTE;
    expect(await check(serverUrl.replace(/\/saas$/, ''), sessionId)).toEqual({ '@type': 'validatedToken', timeUntilExpire: 20, isValidToken: true });
    expect(await check(loginUrl, sessionId, 'someone@else')).toMatchObject({ isValidToken: false });
    expect(await check(loginUrl, 'not-a-session')).toEqual({ '@type': 'validatedToken', timeUntilExpire: 0, isValidToken: false });
    now += 20 * MINUTE;
    expect(await check(loginUrl, sessionId)).toMatchObject({ isValidToken: false });
  });

  it('ends sessions on v2 and v3 logout, and refuses calls without the right header', async () => {
    const { loginUrl, serverUrl } = await start();
    const first = await loginV2(loginUrl, DEFAULT_IICS_USERNAME, DEFAULT_IICS_PASSWORD);
    expect((await call('POST', `${serverUrl}/api/v2/user/logout`, { headers: v2(first.sessionId) })).status).toBe(200);
    expect((await call('GET', `${serverUrl}/api/v2/agent`, { headers: v2(first.sessionId) })).status).toBe(401);

    const second = await loginV3(loginUrl, DEFAULT_IICS_USERNAME, DEFAULT_IICS_PASSWORD);
    // A v3 resource takes INFA-SESSION-ID, not icSessionId.
    expect((await call('POST', `${second.baseApiUrl}/public/core/v3/logout`, { headers: v2(second.sessionId) })).status).toBe(401);
    expect((await call('POST', `${second.baseApiUrl}/public/core/v3/logout`, { headers: v3(second.sessionId) })).status).toBe(200);
    expect((await call('GET', `${serverUrl}/api/v2/agent`, { headers: v2(second.sessionId) })).status).toBe(401);

    const third = await loginV3(loginUrl, DEFAULT_IICS_USERNAME, DEFAULT_IICS_PASSWORD);
    expect((await call('POST', `${loginUrl}/saas/public/core/v3/logout`, { headers: v3(third.sessionId) })).status).toBe(200);
    expect((await call('GET', `${serverUrl}/api/v2/agent`, { headers: v2(third.sessionId) })).status).toBe(401);
    expect((await call('GET', `${serverUrl}/api/v2/agent`)).status).toBe(401);
  });

  it('hands out JWT-shaped session ids when the org is in JWT mode', async () => {
    const { loginUrl, serverUrl } = await start({ sessionIdFormat: 'jwt' });
    const { sessionId } = await loginV2(loginUrl, DEFAULT_IICS_USERNAME, DEFAULT_IICS_PASSWORD);
    expect(sessionId.split('.')).toHaveLength(3);
    expect(sessionId.length).toBeGreaterThan(200);
    expect((await call('GET', `${serverUrl}/api/v2/agent`, { headers: v2(sessionId) })).status).toBe(200);
  });

  it('refuses an invalid world with a specific error', async () => {
    const world = defaultIicsWorldInput();
    await expect(startIicsEmulator({ world: { ...world, users: [] }, aws: NO_AWS })).rejects.toThrow(/users/);
  });
});

import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { SsoDirectory } from '../../../electron/core/sandbox/sso/sso-directory';
import type { SsoConfig } from '../../../electron/core/sandbox/sso/sso-directory';
import { answerSso, ssoRouteOf } from '../../../electron/core/sandbox/sso/sso-routes';
import type { SsoDependencies } from '../../../electron/core/sandbox/sso/sso-routes';
import { devicePage } from '../../../electron/core/sandbox/sso/device-page';
import { MotoSystemAccess } from '../../../electron/core/sandbox/gateway/moto-system-access';
import { PrincipalIndex } from '../../../electron/core/sandbox/gateway/principal-index';
import type { WireResponse } from '../../../electron/core/sandbox/gateway/wire-errors';

const START_URL = 'https://keyless-sandbox.awsapps.com/start';
const BASE_URL = 'http://localhost:4566';
const CONFIG: SsoConfig = {
  startUrl: START_URL,
  region: 'us-east-1',
  userName: 'dev',
  accounts: [{ accountId: '111111111111', accountName: 'Agent', emailAddress: 'agent@example.com', roles: [{ roleName: 'Admin', iamRoleName: 'AWSReservedSSO_Admin' }] }],
};

/**
 * The OIDC endpoints and the portal's account listings never reach moto; the moto access is real
 * but points nowhere, so a test that strayed into it would fail rather than pass by accident.
 */
function setUp() {
  let time = 1_700_000_000_000;
  const directory = new SsoDirectory(CONFIG, { deviceCodeTtlSeconds: 600, pollIntervalSeconds: 5, slowDownIncrementSeconds: 5, accessTokenTtlSeconds: 3600 }, () => time);
  const access = new MotoSystemAccess('http://127.0.0.1:9', { accessKeyId: 'AKIAUNUSED', secretAccessKey: 'unused' });
  const deps: SsoDependencies = { directory, access, principals: new PrincipalIndex(access, () => ['111111111111']), publicBaseUrl: () => BASE_URL };
  const send = (method: string, target: string, body?: unknown, headers: Record<string, string> = {}): Promise<WireResponse> => {
    const url = new URL(target, BASE_URL);
    const route = ssoRouteOf(method, url);
    if (route === undefined) throw new Error(`no SSO route for ${method} ${target}`);
    const message = new IncomingMessage(new Socket());
    message.method = method;
    message.url = target;
    message.headers = headers;
    const raw = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
    return answerSso(deps, route, message, url, Buffer.from(raw), 'req-sso');
  };
  return { directory, send, advance: (seconds: number) => (time += seconds * 1000) };
}

const parsed = (answer: WireResponse): Record<string, unknown> => JSON.parse(answer.body) as Record<string, unknown>;

async function signIn(setup: ReturnType<typeof setUp>): Promise<string> {
  const client = parsed(await setup.send('POST', '/client/register', { clientName: 'keyless', clientType: 'public' }));
  const device = parsed(await setup.send('POST', '/device_authorization', { clientId: client.clientId, clientSecret: client.clientSecret, startUrl: START_URL }));
  setup.directory.approve(String(device.userCode));
  const grant = parsed(await setup.send('POST', '/token', { clientId: client.clientId, clientSecret: client.clientSecret, grantType: 'urn:ietf:params:oauth:grant-type:device_code', deviceCode: device.deviceCode }));
  return String(grant.accessToken);
}

describe('sandbox SSO-OIDC on the wire', () => {
  it('a device authorization points the person at the sandbox verification page, code included', async () => {
    const { send } = setUp();
    const client = parsed(await send('POST', '/client/register', { clientName: 'keyless' }));
    const answer = await send('POST', '/device_authorization', { clientId: client.clientId, clientSecret: client.clientSecret, startUrl: START_URL });
    expect(answer.status).toBe(200);
    const device = parsed(answer);
    expect(device.verificationUri).toBe(`${BASE_URL}/__keyless/sso/device`);
    expect(device.verificationUriComplete).toBe(`${BASE_URL}/__keyless/sso/device?user_code=${String(device.userCode)}`);
    expect(device.interval).toBe(5);
  });

  it('a pending poll answers HTTP 400 with the OAuth error in the body and the SDK exception in x-amzn-errortype', async () => {
    const { send } = setUp();
    const client = parsed(await send('POST', '/client/register', { clientName: 'keyless' }));
    const device = parsed(await send('POST', '/device_authorization', { clientId: client.clientId, clientSecret: client.clientSecret, startUrl: START_URL }));
    const answer = await send('POST', '/token', { clientId: client.clientId, clientSecret: client.clientSecret, grantType: 'urn:ietf:params:oauth:grant-type:device_code', deviceCode: device.deviceCode });
    expect(answer.status).toBe(400);
    expect(answer.headers['x-amzn-errortype']).toBe('AuthorizationPendingException');
    expect(parsed(answer)).toEqual({ error: 'authorization_pending', error_description: 'Authorization is still pending' });
  });

  it('refuses a body that is not JSON and a grant type it does not support', async () => {
    const { send } = setUp();
    const notJson = await send('POST', '/client/register', '{clientName');
    expect(notJson.status).toBe(400);
    expect(parsed(notJson).error).toBe('invalid_request');
    const client = parsed(await send('POST', '/client/register', { clientName: 'keyless' }));
    const password = await send('POST', '/token', { clientId: client.clientId, clientSecret: client.clientSecret, grantType: 'password' });
    expect(password.headers['x-amzn-errortype']).toBe('UnsupportedGrantTypeException');
    expect(parsed(password).error_description).toContain('password');
  });
});

describe('sandbox SSO portal on the wire', () => {
  it('without a valid bearer token the portal answers 401 UnauthorizedException', async () => {
    const { send } = setUp();
    const answer = await send('GET', '/assignment/accounts', undefined, { 'x-amz-sso_bearer_token': 'kat-made-up' });
    expect(answer.status).toBe(401);
    expect(answer.headers['x-amzn-errortype']).toBe('UnauthorizedException');
  });

  it('a signed-in user sees the configured accounts and their permission sets', async () => {
    const setup = setUp();
    const token = await signIn(setup);
    const accounts = parsed(await setup.send('GET', '/assignment/accounts', undefined, { 'x-amz-sso_bearer_token': token }));
    expect(accounts.accountList).toEqual([{ accountId: '111111111111', accountName: 'Agent', emailAddress: 'agent@example.com' }]);
    const roles = parsed(await setup.send('GET', '/assignment/roles?account_id=111111111111', undefined, { 'x-amz-sso_bearer_token': token }));
    expect(roles.roleList).toEqual([{ roleName: 'Admin', accountId: '111111111111' }]);
  });

  it('an account outside the assignment answers 404, and a role outside it 403 ForbiddenException', async () => {
    const setup = setUp();
    const token = await signIn(setup);
    const unknownAccount = await setup.send('GET', '/assignment/roles?account_id=222222222222', undefined, { 'x-amz-sso_bearer_token': token });
    expect(unknownAccount.status).toBe(404);
    expect(unknownAccount.headers['x-amzn-errortype']).toBe('ResourceNotFoundException');
    const unknownRole = await setup.send('GET', '/federation/credentials?account_id=111111111111&role_name=ReadOnly', undefined, { 'x-amz-sso_bearer_token': token });
    expect(unknownRole.status).toBe(403);
    expect(unknownRole.headers['x-amzn-errortype']).toBe('ForbiddenException');
  });

  it('after logout, and after the token lifetime, the portal refuses the token', async () => {
    const setup = setUp();
    const token = await signIn(setup);
    expect((await setup.send('POST', '/logout', undefined, { 'x-amz-sso_bearer_token': token })).status).toBe(200);
    expect((await setup.send('GET', '/assignment/accounts', undefined, { 'x-amz-sso_bearer_token': token })).status).toBe(401);
    const again = await signIn(setup);
    setup.advance(3600);
    expect((await setup.send('GET', '/assignment/accounts', undefined, { 'x-amz-sso_bearer_token': again })).status).toBe(401);
  });
});

describe('the sandbox SSO verification page', () => {
  it('shows the user code escaped and posts it to the approve endpoint', () => {
    const page = devicePage('AB12-<b>');
    expect(page).toContain('<code>AB12-&lt;b&gt;</code>');
    expect(page).toContain('action="/__keyless/sso/approve"');
    expect(page).not.toContain('<b>');
  });

  it('says whether the approval worked', () => {
    expect(devicePage('AB12-CD34', 'approved')).toContain('Approved.');
    expect(devicePage('AB12-CD34', 'unknown')).toContain('No pending sign-in has this code');
    expect(devicePage('AB12-CD34')).not.toContain('Approved.');
  });
});

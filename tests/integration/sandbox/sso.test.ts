import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateTokenCommand, RegisterClientCommand, SSOOIDCClient, StartDeviceAuthorizationCommand } from '@aws-sdk/client-sso-oidc';
import { GetRoleCredentialsCommand, ListAccountRolesCommand, ListAccountsCommand, SSOClient } from '@aws-sdk/client-sso';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import type { Sandbox } from '../../../electron/core/sandbox/start-sandbox';
import { sandboxAdmin, startTestSandbox } from '../../support/sandbox';

/** The IAM Identity Center device flow and portal, driven by the real SSO-OIDC and SSO clients. */

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
let sandbox: Sandbox;
let oidc: SSOOIDCClient;
let portal: SSOClient;
let client: { clientId: string; clientSecret: string };

async function failure(promise: Promise<unknown>): Promise<Error & { error?: string; $metadata?: { httpStatusCode?: number } }> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error)) throw new Error('expected the call to fail, and it succeeded');
  return outcome;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  sandbox = await startTestSandbox({ ssoTimings: { pollIntervalSeconds: 1, slowDownIncrementSeconds: 1 } });
  oidc = new SSOOIDCClient({ endpoint: sandbox.awsEndpoint, region: 'us-east-1', maxAttempts: 1 });
  portal = new SSOClient({ endpoint: sandbox.awsEndpoint, region: 'us-east-1', maxAttempts: 1 });
  const registered = await oidc.send(new RegisterClientCommand({ clientName: 'keyless-test', clientType: 'public', scopes: ['sso:account:access'] }));
  client = { clientId: registered.clientId!, clientSecret: registered.clientSecret! };
});

afterAll(async () => {
  await sandbox.stop();
});

describe('SSO OIDC device authorization', () => {
  let accessToken: string;
  let refreshToken: string;

  it('answers authorization_pending, then slow_down when polled too fast, then a token once approved on the page', async () => {
    const started = await oidc.send(new StartDeviceAuthorizationCommand({ ...client, startUrl: sandbox.seed.sso.startUrl }));
    expect(started.interval).toBe(1);
    expect(started.verificationUriComplete).toBe(`${sandbox.awsEndpoint}/__keyless/sso/device?user_code=${started.userCode!}`);

    const pending = await failure(oidc.send(new CreateTokenCommand({ ...client, grantType: DEVICE_GRANT, deviceCode: started.deviceCode! })));
    expect(pending.name).toBe('AuthorizationPendingException');
    expect(pending.error).toBe('authorization_pending');
    const slow = await failure(oidc.send(new CreateTokenCommand({ ...client, grantType: DEVICE_GRANT, deviceCode: started.deviceCode! })));
    expect(slow.name).toBe('SlowDownException');

    const page = await (await fetch(started.verificationUriComplete!)).text();
    expect(page).toContain(started.userCode!);
    const approved = await fetch(`${sandbox.awsEndpoint}/__keyless/sso/approve`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `user_code=${encodeURIComponent(started.userCode!)}`,
    });
    expect(approved.status).toBe(200);
    expect(await approved.text()).toContain('Approved');

    // slow_down grew the interval to 2 s.
    await sleep(2100);
    const token = await oidc.send(new CreateTokenCommand({ ...client, grantType: DEVICE_GRANT, deviceCode: started.deviceCode! }));
    expect(token.tokenType).toBe('Bearer');
    expect(token.expiresIn).toBeGreaterThan(0);
    accessToken = token.accessToken!;
    refreshToken = token.refreshToken!;

    const reused = await failure(oidc.send(new CreateTokenCommand({ ...client, grantType: DEVICE_GRANT, deviceCode: started.deviceCode! })));
    expect(reused.name).toBe('InvalidGrantException');
  });

  it('answers expired_token once the device code has expired', async () => {
    await sandboxAdmin(sandbox, 'PUT', '/sso/settings', { deviceCodeTtlSeconds: 1 });
    try {
      const started = await oidc.send(new StartDeviceAuthorizationCommand({ ...client, startUrl: sandbox.seed.sso.startUrl }));
      expect(sandbox.admin.approveDeviceCode(started.userCode!)).toBe(true);
      await sleep(1100);
      const expired = await failure(oidc.send(new CreateTokenCommand({ ...client, grantType: DEVICE_GRANT, deviceCode: started.deviceCode! })));
      expect(expired.name).toBe('ExpiredTokenException');
      expect(expired.error).toBe('expired_token');
    } finally {
      await sandboxAdmin(sandbox, 'PUT', '/sso/settings', { deviceCodeTtlSeconds: 600 });
    }
  });

  it('refreshes with the refresh_token grant, once per refresh token', async () => {
    const refreshed = await oidc.send(new CreateTokenCommand({ ...client, grantType: 'refresh_token', refreshToken }));
    expect(refreshed.accessToken).not.toBe(accessToken);
    const again = await failure(oidc.send(new CreateTokenCommand({ ...client, grantType: 'refresh_token', refreshToken })));
    expect(again.name).toBe('InvalidGrantException');
    accessToken = refreshed.accessToken!;
  });

  it('refuses an unknown client and an unknown start URL', async () => {
    const badClient = await failure(oidc.send(new StartDeviceAuthorizationCommand({ clientId: 'nope', clientSecret: 'nope', startUrl: sandbox.seed.sso.startUrl })));
    expect(badClient.name).toBe('InvalidClientException');
    const badUrl = await failure(oidc.send(new StartDeviceAuthorizationCommand({ ...client, startUrl: 'https://elsewhere.awsapps.com/start' })));
    expect(badUrl.name).toBe('InvalidRequestException');
  });

  describe('SSO portal', () => {
    it('lists the accounts and roles of the sandbox user', async () => {
      const accounts = await portal.send(new ListAccountsCommand({ accessToken }));
      expect(accounts.accountList?.map((account) => account.accountId)).toEqual(['111111111111', '222222222222']);
      const roles = await portal.send(new ListAccountRolesCommand({ accessToken, accountId: '111111111111' }));
      expect(roles.roleList?.map((role) => role.roleName)).toEqual(['AdministratorAccess', 'ReadOnlyAccess']);
    });

    it('returns role credentials that moto accepts and enforces', async () => {
      const admin = await portal.send(new GetRoleCredentialsCommand({ accessToken, accountId: '222222222222', roleName: 'AdministratorAccess' }));
      const adminCredentials = { accessKeyId: admin.roleCredentials!.accessKeyId!, secretAccessKey: admin.roleCredentials!.secretAccessKey!, sessionToken: admin.roleCredentials!.sessionToken! };
      expect(admin.roleCredentials!.expiration).toBeGreaterThan(Date.now());
      const identity = await new STSClient({ endpoint: sandbox.awsEndpoint, region: sandbox.region, credentials: adminCredentials }).send(new GetCallerIdentityCommand({}));
      expect(identity.Account).toBe('222222222222');
      expect(identity.Arn).toMatch(/^arn:aws:sts::222222222222:assumed-role\/AWSReservedSSO_AdministratorAccess_[0-9a-f]{16}\/sandbox\.user@keyless\.invalid$/);

      const readOnly = await portal.send(new GetRoleCredentialsCommand({ accessToken, accountId: '111111111111', roleName: 'ReadOnlyAccess' }));
      const readOnlyIam = new IAMClient({
        endpoint: sandbox.awsEndpoint,
        region: sandbox.region,
        maxAttempts: 1,
        credentials: { accessKeyId: readOnly.roleCredentials!.accessKeyId!, secretAccessKey: readOnly.roleCredentials!.secretAccessKey!, sessionToken: readOnly.roleCredentials!.sessionToken! },
      });
      const denied = await failure(readOnlyIam.send(new CreateRoleCommand({ RoleName: 'read-only-cannot', AssumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[]}' })));
      expect(denied.name).toBe('AccessDenied');
    });

    it('answers UnauthorizedException for an unknown token and ForbiddenException for a role not granted', async () => {
      const unauthorized = await failure(portal.send(new ListAccountsCommand({ accessToken: 'not-a-token' })));
      expect(unauthorized.name).toBe('UnauthorizedException');
      expect(unauthorized.$metadata?.httpStatusCode).toBe(401);
      const forbidden = await failure(portal.send(new GetRoleCredentialsCommand({ accessToken, accountId: '222222222222', roleName: 'ReadOnlyAccess' })));
      expect(forbidden.name).toBe('ForbiddenException');
    });

    it('throttles ListAccountRoles with TooManyRequestsException when asked', async () => {
      await sandboxAdmin(sandbox, 'POST', '/faults', { kind: 'throttle', service: 'sso', action: 'ListAccountRoles', count: 1 });
      const throttled = await failure(portal.send(new ListAccountRolesCommand({ accessToken, accountId: '111111111111' })));
      expect(throttled.name).toBe('TooManyRequestsException');
    });
  });
});

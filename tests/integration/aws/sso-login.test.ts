import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { realSleep } from '../../../electron/core/aws/aws-deps';
import type { AwsDeps, SsoLoginDeps } from '../../../electron/core/aws/aws-deps';
import { whoami } from '../../../electron/core/aws/identity/whoami';
import { listProfiles } from '../../../electron/core/aws/profiles/list-profiles';
import { listSsoAccountRoles, listSsoAccounts, startSsoLogin } from '../../../electron/core/aws/sso/sso-service';
import type { SsoLoginProgress } from '../../../electron/core/aws/types';
import { SSO_SESSION_NAME } from '../../../electron/core/sandbox/profiles-snippet';
import type { Sandbox } from '../../../electron/core/sandbox/start-sandbox';
import type { Vault } from '../../../electron/core/vault/vault';
import { sandboxAdmin, startTestSandbox } from '../../support/sandbox';
import { makeAwsHome, memoryVault, snapshot } from '../../unit/aws/support/aws-home';
import type { AwsHome } from '../../unit/aws/support/aws-home';
import { AGENT, BUCKET, createChainRoles, extraProfiles, filesContaining, keylessFailure } from './support';

/** IAM Identity Center sign-in end to end against the sandbox's SSO-OIDC and portal; the test approves the code through the admin API. */

let sandbox: Sandbox;
let aws: AwsHome;
let startUrl: string;
let vaults = 0;

const newVault = (): Promise<Vault> => memoryVault(join(aws.home, `app-data-${String(++vaults)}`));
const depsWith = (vault: Vault, extra: Partial<SsoLoginDeps> = {}): SsoLoginDeps => ({ env: { ...process.env }, vault, ...extra });

async function approve(userCode: string): Promise<void> {
  const answer = await sandboxAdmin(sandbox, 'POST', '/sso/approve', { userCode });
  expect(answer.status).toBe(200);
}

async function setSsoTimings(timings: Record<string, number>): Promise<void> {
  expect((await sandboxAdmin(sandbox, 'PUT', '/sso/settings', timings)).status).toBe(200);
}

/** Signs in as a person would: the code is approved once the first poll says authorization_pending. */
async function signIn(deps: SsoLoginDeps, target: Parameters<typeof startSsoLogin>[0] = 'sandbox-sso'): Promise<SsoLoginProgress[]> {
  const progress: SsoLoginProgress[] = [];
  let userCode = '';
  const login = await startSsoLogin(target, {
    ...deps,
    onProgress: (event) => {
      progress.push(event);
      if (event.state === 'authorizationStarted') userCode = event.userCode;
      if (event.state === 'pending' && event.attempt === 1) void approve(userCode);
    },
  });
  await login.done;
  return progress;
}

beforeAll(async () => {
  sandbox = await startTestSandbox({ ssoTimings: { pollIntervalSeconds: 1, slowDownIncrementSeconds: 0 } });
  await createChainRoles(sandbox);
  startUrl = sandbox.seed.sso.startUrl;
  aws = await makeAwsHome({ config: '', credentials: '' });
  const extra = extraProfiles(sandbox, join(aws.home, 'unused.cjs'));
  const { writeFile } = await import('node:fs/promises');
  await writeFile(aws.configFile, `${sandbox.profilesSnippet.config}\n${extra.config}`);
  await writeFile(aws.credentialsFile, `${sandbox.profilesSnippet.credentials}\n${extra.credentials}`);
  vi.stubEnv('HOME', aws.home);
  for (const name of ['AWS_PROFILE', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION', 'AWS_ENDPOINT_URL']) vi.stubEnv(name, undefined);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await sandbox.stop();
  await aws.remove();
});

describe('device-code sign-in', () => {
  it('shows the code, opens the page, waits through authorization_pending, and keeps the token in the vault only', async () => {
    const vault = await newVault();
    const opened: string[] = [];
    const progress = await signIn(depsWith(vault, { openUrl: (url) => (opened.push(url), Promise.resolve()) }));
    expect(progress.map((event) => event.state)).toEqual(['authorizationStarted', 'pending', 'signedIn']);
    const started = progress[0] as Extract<SsoLoginProgress, { state: 'authorizationStarted' }>;
    expect(started.userCode).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(started.verificationUriComplete).toBe(`${sandbox.awsEndpoint}/__keyless/sso/device?user_code=${started.userCode}`);
    expect(opened).toEqual([started.verificationUriComplete]);
    expect(await vault.names()).toEqual(['sso-client:us-east-1', `sso-token:${startUrl}`]);
    const token = JSON.parse((await vault.get(`sso-token:${startUrl}`))!) as { accessToken: string; refreshToken: string };
    expect(await filesContaining(aws.home, token.accessToken)).toEqual([]);
    expect(await filesContaining(aws.home, token.refreshToken)).toEqual([]);
    expect(JSON.stringify(progress)).not.toContain(token.accessToken);

    const profiles = await listProfiles(process.env, { vault });
    expect(profiles.find((profile) => profile.name === 'sandbox-sso')).toMatchObject({ kind: 'sso', status: 'ready' });
    expect(profiles.find((profile) => profile.name === 'sandbox-sso')?.statusDetail).toContain('Keyless vault');

    const identity = await whoami('sandbox-sso', depsWith(vault));
    expect(identity).toMatchObject({ kind: 'sso', account: AGENT, principalType: 'assumedRole', fromCache: false });
    expect(identity.arn).toMatch(new RegExp(`^arn:aws:sts::${AGENT}:assumed-role/AWSReservedSSO_AdministratorAccess_[0-9a-f]+/`));
    const chained = await whoami('via-sso', depsWith(vault));
    expect(chained).toMatchObject({ kind: 'assumeRole', account: AGENT });
    expect(chained.arn).toMatch(new RegExp(`^arn:aws:sts::${AGENT}:assumed-role/keyless-deploy/`));
    expect(await vault.names()).toEqual(expect.arrayContaining(['aws-credentials:sandbox-sso', 'aws-credentials:via-sso']));
  });

  it('adds 5 seconds to the interval on slow_down', async () => {
    const asked: number[] = [];
    const progress: SsoLoginProgress[] = [];
    let userCode = '';
    // Waits a fifth of what is asked, so the second poll comes too soon and the sandbox answers slow_down.
    const hurried = (ms: number, signal?: AbortSignal) => (asked.push(ms), realSleep(ms / 5, signal));
    const login = await startSsoLogin('sandbox-sso', {
      ...depsWith(await newVault()),
      sleep: hurried,
      onProgress: (event) => {
        progress.push(event);
        if (event.state === 'authorizationStarted') userCode = event.userCode;
        if (event.state === 'slowDown') void approve(userCode);
      },
    });
    await login.done;
    expect(progress.map((event) => event.state)).toEqual(['authorizationStarted', 'pending', 'slowDown', 'signedIn']);
    expect(progress[2]).toEqual({ state: 'slowDown', intervalSeconds: 6 });
    expect(asked).toEqual([1000, 1000, 6000]);
  });

  it('stops with a clear error when the code expires before approval (expired_token)', async () => {
    await setSsoTimings({ deviceCodeTtlSeconds: 1 });
    try {
      const vault = await newVault();
      const login = await startSsoLogin('sandbox-sso', { ...depsWith(vault), sleep: (ms, signal) => realSleep(ms + 300, signal) });
      const failure = await keylessFailure(login.done);
      expect(failure.detail.code).toBe('SSO_DEVICE_CODE_EXPIRED');
      expect(failure.detail.message).toContain(login.userCode);
      expect(await vault.names()).toEqual(['sso-client:us-east-1']);
    } finally {
      await setSsoTimings({ deviceCodeTtlSeconds: 600 });
    }
  });

  it('cancel() stops polling at once and stores nothing', async () => {
    const vault = await newVault();
    const login = await startSsoLogin('sandbox-sso', depsWith(vault));
    const started = Date.now();
    login.cancel();
    const failure = await keylessFailure(login.done);
    expect(failure.detail.code).toBe('SSO_LOGIN_CANCELLED');
    expect(Date.now() - started).toBeLessThan(500);
    expect(await vault.names()).toEqual(['sso-client:us-east-1']);
  });

  it('refreshes a token close to expiry with the refresh token, in the vault', async () => {
    await setSsoTimings({ accessTokenTtlSeconds: 120 });
    try {
      const vault = await newVault();
      await signIn(depsWith(vault));
      const before = JSON.parse((await vault.get(`sso-token:${startUrl}`))!) as { accessToken: string; refreshToken: string; expiresAt: string };
      expect(Date.parse(before.expiresAt) - Date.now()).toBeLessThan(5 * 60_000);
      const accounts = await listSsoAccounts('sandbox-sso', depsWith(vault));
      expect(accounts.map((account) => account.accountId).sort()).toEqual([AGENT, BUCKET]);
      const after = JSON.parse((await vault.get(`sso-token:${startUrl}`))!) as { accessToken: string; refreshToken: string };
      expect(after.accessToken).not.toBe(before.accessToken);
      expect(after.refreshToken).not.toBe(before.refreshToken);
    } finally {
      await setSsoTimings({ accessTokenTtlSeconds: 28_800 });
    }
  });

  it('concurrent callers share one refresh of an expired token (the refresh token is single-use)', async () => {
    const vault = await newVault();
    await setSsoTimings({ accessTokenTtlSeconds: 1 });
    try {
      await signIn(depsWith(vault));
    } finally {
      await setSsoTimings({ accessTokenTtlSeconds: 28_800 });
    }
    await realSleep(1100);
    const [accounts, roles] = await Promise.all([listSsoAccounts('sandbox-sso', depsWith(vault)), listSsoAccountRoles('sandbox-sso', AGENT, depsWith(vault))]);
    expect(accounts).toHaveLength(2);
    expect(roles.map((role) => role.roleName).sort()).toEqual(['AdministratorAccess', 'ReadOnlyAccess']);
  });

  it('asks to sign in again when the token expired and its refresh token is refused', async () => {
    const vault = await newVault();
    await vault.set(
      `sso-token:${startUrl}`,
      JSON.stringify({ startUrl, region: 'us-east-1', accessToken: 'stale', expiresAt: new Date(Date.now() - 60_000).toISOString(), refreshToken: 'revoked', clientId: 'kc-unknown', clientSecret: 'x' }),
    );
    const failure = await keylessFailure(whoami('sandbox-sso', depsWith(vault)));
    expect(failure.detail.code).toBe('AWS_SSO_LOGIN_NEEDED');
    expect(failure.detail.message).toContain('could not be refreshed');
    expect(failure.detail.nextStep).toContain('keyless sso login --profile sandbox-sso');
  });
});

describe('the AWS CLI token cache', () => {
  async function cliTokenFromSignIn(): Promise<Record<string, string>> {
    const scratch = await newVault();
    await signIn(depsWith(scratch));
    return JSON.parse((await scratch.get(`sso-token:${startUrl}`))!) as Record<string, string>;
  }

  it('uses a valid token that `aws sso login` left, read-only', async () => {
    const token = await cliTokenFromSignIn();
    const file = await aws.writeCliToken(SSO_SESSION_NAME, { ...token, expiresAt: token.expiresAt!.replace(/\.\d{3}Z$/, 'Z') });
    const before = await snapshot(file);
    const vault = await newVault();
    expect((await listProfiles(process.env, { vault })).find((profile) => profile.name === 'sandbox-sso')?.statusDetail).toContain('AWS CLI cache');
    const identity = await whoami('sandbox-sso', depsWith(vault));
    expect(identity).toMatchObject({ kind: 'sso', account: AGENT });
    expect(await snapshot(file)).toEqual(before);
    expect(await vault.names()).toEqual(['aws-credentials:sandbox-sso']);
  });

  it('refreshes an expired CLI token into the vault and leaves the CLI file as it was', async () => {
    const token = await cliTokenFromSignIn();
    const file = await aws.writeCliToken(SSO_SESSION_NAME, { ...token, expiresAt: new Date(Date.now() - 60_000).toISOString() });
    const before = await snapshot(file);
    const vault = await newVault();
    const identity = await whoami('sandbox-sso', depsWith(vault));
    expect(identity.account).toBe(AGENT);
    expect(await snapshot(file)).toEqual(before);
    expect(await vault.names()).toContain(`sso-token:${startUrl}`);
    const cacheDir = join(aws.home, '.aws', 'sso', 'cache');
    expect(await readdir(cacheDir)).toHaveLength(1);
  });
});

describe('the portal: accounts, roles, and a role picked without a profile', () => {
  let vault: Vault;
  beforeAll(async () => {
    vault = await newVault();
    await signIn(depsWith(vault));
  });

  it('lists accounts and the roles in each', async () => {
    const accounts = await listSsoAccounts('sandbox-sso', depsWith(vault));
    expect(accounts).toEqual(expect.arrayContaining([expect.objectContaining({ accountId: AGENT, accountName: 'Sandbox agent account' }), expect.objectContaining({ accountId: BUCKET })]));
    expect((await listSsoAccountRoles('sandbox-sso', AGENT, depsWith(vault))).map((role) => role.roleName).sort()).toEqual(['AdministratorAccess', 'ReadOnlyAccess']);
    expect((await listSsoAccountRoles('sandbox-sso', BUCKET, depsWith(vault))).map((role) => role.roleName)).toEqual(['AdministratorAccess']);
    expect((await keylessFailure(listSsoAccountRoles('sandbox-sso', '12', depsWith(vault)))).detail.code).toBe('INVALID_ACCOUNT_ID');
  });

  it('whoami for an account and role from the picker, by start URL, with no profile written', async () => {
    const env = { ...process.env, AWS_ENDPOINT_URL: sandbox.awsEndpoint };
    const identity = await whoami({ startUrl, region: 'us-east-1', accountId: BUCKET, roleName: 'AdministratorAccess' }, { env, vault });
    expect(identity).toMatchObject({ kind: 'sso', account: BUCKET, principalType: 'assumedRole', profile: `${BUCKET}/AdministratorAccess` });
    const accounts = await listSsoAccounts({ startUrl, region: 'us-east-1' }, { env, vault } satisfies AwsDeps);
    expect(accounts).toHaveLength(2);
  });

  it('refuses what cannot be signed in to, before calling anything', async () => {
    expect((await keylessFailure(startSsoLogin('sandbox-admin', depsWith(vault)))).detail.code).toBe('INVALID_SSO_PROFILE');
    expect((await keylessFailure(startSsoLogin({ startUrl: 'not a url', region: 'us-east-1' }, depsWith(vault)))).detail.code).toBe('INVALID_SSO_START_URL');
    expect((await keylessFailure(startSsoLogin({ startUrl, region: 'mars' }, depsWith(vault)))).detail.code).toBe('INVALID_SSO_REGION');
    expect((await keylessFailure(startSsoLogin('no-such', depsWith(vault)))).detail.code).toBe('INVALID_PROFILE');
  });
});

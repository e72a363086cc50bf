import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFile } from 'node:fs/promises';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { whoami } from '../../../electron/core/aws/identity/whoami';
import { listProfiles } from '../../../electron/core/aws/profiles/list-profiles';
import type { AwsDeps } from '../../../electron/core/aws/aws-deps';
import type { Sandbox } from '../../../electron/core/sandbox/start-sandbox';
import type { Vault } from '../../../electron/core/vault/vault';
import { asOperator, startTestSandbox } from '../../support/sandbox';
import { makeAwsHome, memoryVault, snapshot } from '../../unit/aws/support/aws-home';
import type { AwsHome } from '../../unit/aws/support/aws-home';
import { AGENT, BUCKET, createChainRoles, extraProfiles, keylessFailure } from './support';

/** Every kind of profile resolves to an identity at the sandbox, through the SDK's own providers. */

let sandbox: Sandbox;
let aws: AwsHome;
let vault: Vault;
let deps: AwsDeps;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  await createChainRoles(sandbox);
  const restricted = asOperator(sandbox, 'keyless-restricted').credentials;
  aws = await makeAwsHome({ config: '', credentials: '' });
  const script = join(aws.home, 'issue-credentials.cjs');
  await writeFile(script, `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: ${JSON.stringify(restricted.accessKeyId)}, SecretAccessKey: ${JSON.stringify(restricted.secretAccessKey)} }));\n`);
  const extra = extraProfiles(sandbox, script);
  await writeFile(aws.configFile, `${sandbox.profilesSnippet.config}\n${extra.config}`);
  await writeFile(aws.credentialsFile, `${sandbox.profilesSnippet.credentials}\n${extra.credentials}`);
  // The SDK's providers read process.env themselves (HOME for the SSO cache, AWS_* for fromEnv).
  vi.stubEnv('HOME', aws.home);
  for (const name of ['AWS_PROFILE', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_ENDPOINT_URL']) vi.stubEnv(name, undefined);
  vault = await memoryVault(join(aws.home, 'app-data'));
  deps = { env: { ...process.env }, vault };
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await sandbox.stop();
  await aws.remove();
});

describe('each kind of profile resolves to an identity', () => {
  it('static keys of every seeded operator', async () => {
    for (const operator of sandbox.seed.operators) {
      const identity = await whoami(operator.profile, deps);
      expect([AGENT, BUCKET]).toContain(operator.account);
      expect(identity).toMatchObject({ profile: operator.profile, kind: 'static', account: operator.account, arn: `arn:aws:iam::${operator.account}:user/${operator.userName}`, partition: 'aws', principalType: 'user', region: 'us-east-1', fromCache: false });
      expect(identity.credentialsExpireAt).toBeUndefined();
      expect(identity.requestId).toMatch(/\S+/);
    }
  });

  it('an assume-role profile, and a two-hop chain across accounts', async () => {
    const deploy = await whoami('deploy', deps);
    expect(deploy).toMatchObject({ kind: 'assumeRole', account: AGENT, principalType: 'assumedRole', fromCache: false });
    expect(deploy.arn).toBe(`arn:aws:sts::${AGENT}:assumed-role/keyless-deploy/keyless-it`);
    expect(Date.parse(deploy.credentialsExpireAt!)).toBeGreaterThan(Date.now() + 30 * 60_000);
    const twoHops = await whoami('two-hops', deps);
    expect(twoHops).toMatchObject({ kind: 'assumeRole', account: BUCKET, principalType: 'assumedRole' });
    expect(twoHops.arn).toMatch(new RegExp(`^arn:aws:sts::${BUCKET}:assumed-role/keyless-data-reader/`));
  });

  it('a credential_process printing the seeded keys', async () => {
    const identity = await whoami('process-restricted', deps);
    expect(identity).toMatchObject({ kind: 'process', account: AGENT, arn: `arn:aws:iam::${AGENT}:user/keyless-restricted`, region: 'eu-west-1' });
  });

  it('@environment from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, with AWS_ENDPOINT_URL', async () => {
    const keys = asOperator(sandbox, 'keyless-data-admin').credentials;
    vi.stubEnv('AWS_ACCESS_KEY_ID', keys.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', keys.secretAccessKey);
    vi.stubEnv('AWS_ENDPOINT_URL', sandbox.awsEndpoint);
    try {
      const env = { ...process.env };
      expect((await listProfiles(env, { vault })).find((profile) => profile.name === '@environment')?.status).toBe('ready');
      const identity = await whoami('@environment', { env, vault });
      expect(identity).toMatchObject({ kind: 'environment', account: BUCKET, arn: `arn:aws:iam::${BUCKET}:user/keyless-data-admin` });
    } finally {
      vi.stubEnv('AWS_ACCESS_KEY_ID', undefined);
      vi.stubEnv('AWS_SECRET_ACCESS_KEY', undefined);
      vi.stubEnv('AWS_ENDPOINT_URL', undefined);
    }
  });

  it('an MFA chain asks the injected prompt for the device code once, then uses the vault copy', async () => {
    const asked: string[] = [];
    const withPrompt: AwsDeps = { ...deps, mfaCodeProvider: (serial) => (asked.push(serial), Promise.resolve('123456')) };
    expect((await keylessFailure(whoami('deploy-mfa', deps))).detail.code).toBe('AWS_MFA_NEEDED');
    const first = await whoami('deploy-mfa', withPrompt);
    expect(first).toMatchObject({ kind: 'assumeRole', account: AGENT, fromCache: false });
    expect(asked).toEqual([`arn:aws:iam::${AGENT}:mfa/keyless-admin`]);
    expect((await listProfiles(deps.env, { vault })).find((profile) => profile.name === 'deploy-mfa')?.status).toBe('ready');
    const second = await whoami('deploy-mfa', withPrompt);
    expect(second.fromCache).toBe(true);
    expect(asked).toHaveLength(1);
  });
});

describe('temporary credentials in the vault', () => {
  it('are reused until close to expiry, and fetched anew when AWS says they expired', async () => {
    const first = await whoami('deploy', deps);
    expect(first.fromCache).toBe(true);
    const cached = JSON.parse((await vault.get('aws-credentials:deploy'))!) as { accessKeyId: string };
    expect(sandbox.admin.expireSession(cached.accessKeyId)).toBe(true);
    const renewed = await whoami('deploy', deps);
    expect(renewed.fromCache).toBe(false);
    const replaced = JSON.parse((await vault.get('aws-credentials:deploy'))!) as { accessKeyId: string };
    expect(replaced.accessKeyId).not.toBe(cached.accessKeyId);
  });

  it('are renewed when within 5 minutes of expiry (injected clock)', async () => {
    const cached = JSON.parse((await vault.get('aws-credentials:deploy'))!) as { accessKeyId: string; expiration: string };
    const almostExpired = Date.parse(cached.expiration) - 4 * 60_000;
    const identity = await whoami('deploy', { ...deps, now: () => almostExpired });
    expect(identity.fromCache).toBe(false);
  });

  it('are never written to the config, credentials or any other file', async () => {
    const before = [await snapshot(aws.configFile), await snapshot(aws.credentialsFile)];
    await whoami('two-hops', deps);
    expect([await snapshot(aws.configFile), await snapshot(aws.credentialsFile)]).toEqual(before);
    expect(await vault.names()).toEqual(expect.arrayContaining(['aws-credentials:deploy', 'aws-credentials:two-hops', 'aws-credentials:deploy-mfa']));
  });
});

describe('identity errors are explained', () => {
  it('a wrong secret: SignatureDoesNotMatch, with the request id', async () => {
    const failure = await keylessFailure(whoami('wrong-secret', deps));
    expect(failure.detail.code).toBe('AWS_WRONG_SECRET_KEY');
    expect(failure.detail.message).toContain('"wrong-secret"');
    expect(failure.detail.message).toContain('SignatureDoesNotMatch');
    expect(failure.detail.nextStep).toContain('aws_secret_access_key');
    expect(failure.detail.requestId).toMatch(/\S+/);
    expect(JSON.stringify(failure.detail)).not.toContain('this-is-not-the-secret');
  });

  it('an unknown key: InvalidClientTokenId, the key id masked', async () => {
    const failure = await keylessFailure(whoami('unknown-key', deps));
    expect(failure.detail.code).toBe('AWS_UNKNOWN_ACCESS_KEY');
    expect(failure.detail.message).toContain('InvalidClientTokenId');
    expect(failure.detail.message).toContain('AKIA…WN00');
    expect(failure.detail.requestId).toMatch(/\S+/);
  });

  it('an expired session token in the credentials file: ExpiredToken, get a new one', async () => {
    const sts = new STSClient({ ...asOperator(sandbox, 'keyless-admin'), maxAttempts: 1 });
    const session = (await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${AGENT}:role/keyless-deploy`, RoleSessionName: 'pasted-session' }))).Credentials!;
    sts.destroy();
    expect(sandbox.admin.expireSession(session.AccessKeyId!)).toBe(true);
    const { appendFile } = await import('node:fs/promises');
    await appendFile(aws.configFile, `\n[profile pasted-session]\nendpoint_url = ${sandbox.awsEndpoint}\n`);
    await appendFile(aws.credentialsFile, `\n[pasted-session]\naws_access_key_id = ${session.AccessKeyId!}\naws_secret_access_key = ${session.SecretAccessKey!}\naws_session_token = ${session.SessionToken!}\n`);
    const failure = await keylessFailure(whoami('pasted-session', deps));
    expect(failure.detail.code).toBe('AWS_EXPIRED_TOKEN');
    expect(failure.detail.message).toContain('"pasted-session"');
    expect(failure.detail.nextStep).toContain('session token');
    expect(failure.detail.requestId).toMatch(/\S+/);
  });

  it('a broken source_profile chain names the missing profile', async () => {
    const failure = await keylessFailure(whoami('broken-chain', deps));
    expect(failure.detail.code).toBe('AWS_PROFILE_CHAIN_BROKEN');
    expect(failure.detail.message).toContain('"nowhere"');
    expect(failure.detail.nextStep).toContain('[profile nowhere]');
  });

  it('no credentials: says where it looked', async () => {
    const failure = await keylessFailure(whoami('settings-only', deps));
    expect(failure.detail.code).toBe('AWS_NO_CREDENTIALS');
    expect(failure.detail.message).toContain(aws.configFile);
    expect(failure.detail.message).toContain(aws.credentialsFile);
    expect(failure.detail.message).toContain('AWS_ACCESS_KEY_ID');
    const env = await keylessFailure(whoami('@environment', deps));
    expect(env.detail.code).toBe('AWS_NO_CREDENTIALS');
  });

  it('an unknown profile is an input error listing the profiles there are', async () => {
    const failure = await keylessFailure(whoami('no-such-profile', deps));
    expect(failure.detail.code).toBe('INVALID_PROFILE');
    expect(failure.detail.nextStep).toContain('sandbox-admin');
  });

  it('an SSO profile nobody signed in to: sign in again with keyless sso login', async () => {
    const failure = await keylessFailure(whoami('sandbox-sso', deps));
    expect(failure.detail.code).toBe('AWS_SSO_LOGIN_NEEDED');
    expect(failure.detail.nextStep).toContain('keyless sso login --profile sandbox-sso');
    const chained = await keylessFailure(whoami('via-sso', deps));
    expect(chained.detail.code).toBe('AWS_SSO_LOGIN_NEEDED');
  });

  it('an endpoint that is not there: unreachable, naming it', async () => {
    const failure = await keylessFailure(whoami('sandbox-admin', { ...deps, env: { ...deps.env, AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:9' } }));
    expect(failure.detail.code).toBe('AWS_UNREACHABLE');
    expect(failure.detail.message).toContain('http://127.0.0.1:9');
  });
});

describe('@instance-role on an EC2 instance (instance metadata served locally with a real role session)', () => {
  it('is found only when probed, and resolves through the SDK\'s instance metadata provider', async () => {
    const sts = new STSClient({ ...asOperator(sandbox, 'keyless-admin'), maxAttempts: 1 });
    const session = (await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${AGENT}:role/keyless-deploy`, RoleSessionName: 'i-0123456789abcdef0' }))).Credentials!;
    sts.destroy();
    const metadata = createServer((request, response) => {
      const path = request.url ?? '';
      if (request.method === 'PUT' && path === '/latest/api/token') return void response.end('imds-token');
      if (request.headers['x-aws-ec2-metadata-token'] !== 'imds-token') return void response.writeHead(401).end();
      if (path === '/latest/meta-data/iam/security-credentials/') return void response.end('keyless-agent-role');
      if (path === '/latest/meta-data/iam/security-credentials/keyless-agent-role') {
        return void response.end(
          JSON.stringify({ Code: 'Success', Type: 'AWS-HMAC', AccessKeyId: session.AccessKeyId, SecretAccessKey: session.SecretAccessKey, Token: session.SessionToken, Expiration: session.Expiration!.toISOString() }),
        );
      }
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => metadata.listen(0, '127.0.0.1', resolve));
    const imds = `http://127.0.0.1:${String((metadata.address() as AddressInfo).port)}`;
    try {
      vi.stubEnv('AWS_EC2_METADATA_SERVICE_ENDPOINT', imds);
      const env = { ...process.env, AWS_ENDPOINT_URL: sandbox.awsEndpoint };
      expect((await listProfiles(env, { vault })).some((profile) => profile.name === '@instance-role')).toBe(false);
      const probed = (await listProfiles(env, { vault }, { probeInstanceMetadata: true })).find((profile) => profile.name === '@instance-role');
      expect(probed).toMatchObject({ kind: 'instanceRole', status: 'ready', statusDetail: "This EC2 instance's role keyless-agent-role." });
      const identity = await whoami('@instance-role', { env, vault });
      expect(identity).toMatchObject({ kind: 'instanceRole', account: AGENT, arn: `arn:aws:sts::${AGENT}:assumed-role/keyless-deploy/i-0123456789abcdef0` });
      const disabled = await listProfiles({ ...env, AWS_EC2_METADATA_DISABLED: 'true' }, { vault }, { probeInstanceMetadata: true });
      expect(disabled.some((profile) => profile.name === '@instance-role')).toBe(false);
    } finally {
      vi.stubEnv('AWS_EC2_METADATA_SERVICE_ENDPOINT', undefined);
      await new Promise<void>((resolve) => metadata.close(() => resolve()));
    }
    const started = Date.now();
    const nowhere = await listProfiles({ ...deps.env, AWS_EC2_METADATA_SERVICE_ENDPOINT: imds }, { vault }, { probeInstanceMetadata: true });
    expect(nowhere.some((profile) => profile.name === '@instance-role')).toBe(false);
    expect(Date.now() - started).toBeLessThan(1500);
  });
});

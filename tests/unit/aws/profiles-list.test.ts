import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listProfileListing, listProfiles } from '../../../electron/core/aws/profiles/list-profiles';
import type { ProfileSummary } from '../../../electron/core/aws/types';
import { saveCachedCredentials, profileFingerprint } from '../../../electron/core/aws/credentials/credential-cache';
import { readSharedConfig } from '../../../electron/core/aws/profiles/shared-config';
import { followSourceChain } from '../../../electron/core/aws/profiles/source-chain';
import { makeAwsHome, memoryVault, snapshot } from './support/aws-home';
import type { AwsHome } from './support/aws-home';

const START_URL = 'https://keyless-sandbox.awsapps.com/start';
const HOUR = 3600_000;

let aws: AwsHome;
beforeEach(async () => {
  aws = await makeAwsHome();
});
afterEach(async () => {
  await aws.remove();
});

const byName = (profiles: readonly ProfileSummary[]): Map<string, ProfileSummary> => new Map(profiles.map((profile) => [profile.name, profile]));

describe('listing profiles from a temporary HOME', () => {
  it('lists the same names, in the same order, as botocore (what `aws configure list-profiles` prints)', async () => {
    const names = (await listProfiles(aws.env)).map((profile) => profile.name);
    const botocore = execFileSync('python3', ['-c', 'import botocore.session,json; print(json.dumps(botocore.session.Session().available_profiles))'], {
      env: { PATH: process.env.PATH ?? '', HOME: aws.home },
      encoding: 'utf8',
    });
    expect(names).toEqual(JSON.parse(botocore) as string[]);
    expect(names).not.toContain('not-a-profile');
  });

  it('classifies every kind with its status', async () => {
    const vault = await memoryVault(join(aws.home, 'data'));
    const profiles = byName(await listProfiles(aws.env, { vault }));
    const kindAndStatus = Object.fromEntries([...profiles.values()].map((profile) => [profile.name, `${profile.kind}/${profile.status}`]));
    expect(kindAndStatus).toEqual({
      default: 'static/ready',
      'sandbox-admin': 'static/ready',
      'sso-dev': 'sso/ssoLoginNeeded',
      'sso-legacy': 'legacySso/ssoLoginNeeded',
      deploy: 'assumeRole/ready',
      'deploy-mfa': 'assumeRole/mfaNeeded',
      'two-hops': 'assumeRole/ready',
      'from-environment': 'assumeRole/incomplete',
      'broken-chain': 'assumeRole/brokenChain',
      'loop-a': 'assumeRole/brokenChain',
      'loop-b': 'assumeRole/brokenChain',
      'via-sso': 'assumeRole/ssoLoginNeeded',
      process: 'process/ready',
      web: 'webIdentity/ready',
      local: 'static/ready',
      'settings-only': 'noCredentials/noCredentials',
      'half-keys': 'noCredentials/incomplete',
      'credentials-only': 'static/ready',
    });
  });

  it('describes chains, SSO settings, regions and origins', async () => {
    const profiles = byName(await listProfiles(aws.env));
    expect(profiles.get('two-hops')?.sourceChain).toEqual([
      { profile: 'two-hops', kind: 'assumeRole', roleArn: 'arn:aws:iam::222222222222:role/data-reader' },
      { profile: 'deploy', kind: 'assumeRole', roleArn: 'arn:aws:iam::111111111111:role/deploy' },
      { profile: 'sandbox-admin', kind: 'static' },
    ]);
    expect(profiles.get('broken-chain')?.statusDetail).toContain('"nowhere"');
    expect(profiles.get('loop-a')?.statusDetail).toContain('loops: loop-a → loop-b → loop-a.');
    expect(profiles.get('loop-b')?.statusDetail).toContain('loops: loop-b → loop-a → loop-b.');
    expect(profiles.get('deploy-mfa')?.mfaSerial).toBe('arn:aws:iam::111111111111:mfa/keyless-admin');
    expect(profiles.get('from-environment')?.sourceChain?.at(-1)).toEqual({ profile: 'from-environment', kind: 'environment', credentialSource: 'Environment' });
    expect(profiles.get('sso-dev')?.sso).toEqual({ startUrl: START_URL, region: 'us-east-1', session: 'corp', accountId: '111111111111', roleName: 'AdministratorAccess' });
    expect(profiles.get('sso-dev')?.region).toBe('eu-west-1');
    expect(profiles.get('via-sso')?.sso?.startUrl).toBe(START_URL);
    expect(profiles.get('sso-legacy')?.sso).toEqual({ startUrl: 'https://legacy-corp.awsapps.com/start', region: 'us-west-2', accountId: '111111111111', roleName: 'ReadOnlyAccess' });
    expect(profiles.get('sandbox-admin')?.origin).toBe('both');
    expect(profiles.get('credentials-only')?.origin).toBe('credentials');
    expect(profiles.get('default')?.isDefault).toBe(true);
    expect(JSON.parse(JSON.stringify([...profiles.values()]))).toEqual([...profiles.values()]);
    expect(JSON.stringify([...profiles.values()])).not.toMatch(/secret-not-real/);
  });

  it('reads the AWS CLI token cache: a valid token makes SSO profiles and their chains ready, an expired one does not', async () => {
    const vault = await memoryVault(join(aws.home, 'data'));
    const now = Date.parse('2026-11-28T10:00:00Z');
    await aws.writeCliToken('corp', { startUrl: START_URL, region: 'us-east-1', accessToken: 'cli-access', expiresAt: '2026-11-28T12:00:00Z' });
    await aws.writeCliToken('https://legacy-corp.awsapps.com/start', { startUrl: 'https://legacy-corp.awsapps.com/start', region: 'us-west-2', accessToken: 'old', expiresAt: '2026-11-28T09:00:00Z' });
    const profiles = byName(await listProfiles(aws.env, { vault, now: () => now }));
    expect(profiles.get('sso-dev')?.status).toBe('ready');
    expect(profiles.get('sso-dev')?.statusDetail).toContain('AWS CLI cache');
    expect(profiles.get('via-sso')?.status).toBe('ready');
    expect(profiles.get('sso-legacy')?.status).toBe('ssoLoginNeeded');
    expect(profiles.get('sso-legacy')?.statusDetail).toContain('has expired');
    const later = byName(await listProfiles(aws.env, { vault, now: () => now + 3 * HOUR }));
    expect(later.get('sso-dev')?.status).toBe('ssoLoginNeeded');
  });

  it('counts an expired token with a refresh token and live client registration as ready (refreshed on use)', async () => {
    const vault = await memoryVault(join(aws.home, 'data'));
    await aws.writeCliToken('corp', {
      startUrl: START_URL,
      region: 'us-east-1',
      accessToken: 'cli-access',
      expiresAt: new Date(Date.now() - HOUR).toISOString(),
      refreshToken: 'cli-refresh',
      clientId: 'client',
      clientSecret: 'client-secret',
      registrationExpiresAt: new Date(Date.now() + 30 * 24 * HOUR).toISOString(),
    });
    const profiles = byName(await listProfiles(aws.env, { vault }));
    expect(profiles.get('sso-dev')?.status).toBe('ready');
    expect(profiles.get('sso-dev')?.statusDetail).toContain('refreshed on first use');
  });

  it('treats an MFA chain as ready while the vault holds its role credentials', async () => {
    const vault = await memoryVault(join(aws.home, 'data'));
    const config = await readSharedConfig(aws.env);
    const fingerprint = profileFingerprint(followSourceChain('deploy-mfa', config.profiles), config);
    await saveCachedCredentials(vault, 'deploy-mfa', fingerprint, { accessKeyId: 'ASIATEST', secretAccessKey: 's', sessionToken: 't', expiration: new Date(Date.now() + HOUR) });
    expect(byName(await listProfiles(aws.env, { vault })).get('deploy-mfa')?.status).toBe('ready');
    await saveCachedCredentials(vault, 'deploy-mfa', 'another-definition', { accessKeyId: 'ASIATEST', secretAccessKey: 's', sessionToken: 't', expiration: new Date(Date.now() + HOUR) });
    expect(byName(await listProfiles(aws.env, { vault })).get('deploy-mfa')?.status).toBe('mfaNeeded');
  });

  it('never modifies the config or credentials file', async () => {
    const vault = await memoryVault(join(aws.home, 'data'));
    await aws.writeCliToken('corp', { startUrl: START_URL, region: 'us-east-1', accessToken: 'a', expiresAt: new Date(Date.now() + HOUR).toISOString() });
    const before = [await snapshot(aws.configFile), await snapshot(aws.credentialsFile)];
    await listProfiles(aws.env, { vault });
    await listProfiles({ ...aws.env, AWS_PROFILE: 'deploy' }, { vault });
    const after = [await snapshot(aws.configFile), await snapshot(aws.credentialsFile)];
    expect(after).toEqual(before);
  });
});

describe('environment overrides', () => {
  it('honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE over HOME, and re-reads edited files', async () => {
    const config = join(aws.home, 'other-config');
    const credentials = join(aws.home, 'other-credentials');
    await writeFile(config, '[profile elsewhere]\nregion = eu-west-3\n');
    await writeFile(credentials, '[elsewhere]\naws_access_key_id = AKIAELSEWHERE0000000\naws_secret_access_key = x\n');
    const env = { ...aws.env, AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials };
    const listing = await listProfileListing(env);
    expect(listing.profiles.map((profile) => `${profile.name}:${profile.kind}:${profile.region ?? ''}`)).toEqual(['elsewhere:static:eu-west-3']);
    expect(listing.configFile).toBe(config);
    expect(listing.credentialsFile).toBe(credentials);
    await writeFile(config, '[profile elsewhere]\nregion = eu-south-1\n[profile added]\nregion = us-east-2\n');
    expect((await listProfiles(env)).map((profile) => `${profile.name}:${profile.region ?? ''}`)).toEqual(['elsewhere:eu-south-1', 'added:us-east-2']);
  });

  it('marks the AWS_PROFILE profile as the default one', async () => {
    const profiles = await listProfiles({ ...aws.env, AWS_PROFILE: 'deploy' });
    expect(profiles.filter((profile) => profile.isDefault).map((profile) => profile.name)).toEqual(['deploy']);
  });

  it('adds @environment for AWS_ACCESS_KEY_ID, and a credential_source = Environment chain becomes ready', async () => {
    const env = { ...aws.env, AWS_ACCESS_KEY_ID: 'AKIAENVIRONMENT00000', AWS_SECRET_ACCESS_KEY: 'env-secret', AWS_REGION: 'eu-west-1' };
    const profiles = byName(await listProfiles(env));
    expect(profiles.get('@environment')).toMatchObject({ kind: 'environment', status: 'ready', region: 'eu-west-1', origin: 'environment' });
    expect(profiles.get('from-environment')?.status).toBe('ready');
    expect([...profiles.values()].filter((profile) => profile.isDefault).map((profile) => profile.name)).toEqual(['@environment']);
    expect(JSON.stringify([...profiles.values()])).not.toContain('env-secret');
  });

  it('adds @instance-role inside a container without probing EC2, and none on a plain machine', async () => {
    const plain = byName(await listProfiles(aws.env));
    expect(plain.has('@instance-role')).toBe(false);
    const container = byName(await listProfiles({ ...aws.env, AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/credentials/abc' }));
    expect(container.get('@instance-role')).toMatchObject({ kind: 'instanceRole', status: 'ready', origin: 'runtime' });
  });

  it('reports a config path that is not a readable file instead of listing nothing', async () => {
    const folder = join(aws.home, 'a-folder');
    await mkdir(folder);
    await expect(listProfiles({ ...aws.env, AWS_CONFIG_FILE: folder })).rejects.toMatchObject({
      detail: { code: 'AWS_CONFIG_UNREADABLE', message: expect.stringContaining(`${folder} exists but it is not a file`) as string },
    });
  });

  it('lists nothing, without failing, when HOME has no AWS files', async () => {
    const empty = await makeAwsHome({ config: '', credentials: '' });
    try {
      expect(await listProfiles(empty.env)).toEqual([]);
    } finally {
      await empty.remove();
    }
  });
});

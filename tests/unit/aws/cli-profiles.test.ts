import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProfileListing } from '../../../electron/core/aws/types';
import { keyless } from '../../support/cli-harness';
import { makeAwsHome, snapshot } from './support/aws-home';
import type { AwsHome } from './support/aws-home';

let aws: AwsHome;
let env: Record<string, string | undefined>;
beforeEach(async () => {
  aws = await makeAwsHome();
  env = { ...aws.env, KEYLESS_DATA_DIR: join(aws.home, 'app-data'), AWS_PROFILE: undefined, AWS_CONFIG_FILE: undefined, AWS_SHARED_CREDENTIALS_FILE: undefined, AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined };
});
afterEach(async () => {
  await aws.remove();
});

describe('keyless profiles', () => {
  it('prints a table of name, kind, region and status, with notes for the profiles that need something', async () => {
    const run = await keyless(['profiles'], { env });
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^\s+NAME\s+KIND\s+REGION\s+STATUS$/);
    expect(lines).toContainEqual(expect.stringMatching(/^\*\s+default\s+static\s+us-east-1\s+ready$/));
    expect(lines).toContainEqual(expect.stringMatching(/^\s+deploy\s+assumeRole\s+eu-central-1\s+ready$/));
    expect(lines).toContainEqual(expect.stringMatching(/^\s+sso-dev\s+sso\s+eu-west-1\s+ssoLoginNeeded$/));
    expect(lines).toContainEqual(expect.stringMatching(/^\s+broken-chain\s+assumeRole\s+-\s+brokenChain$/));
    expect(run.stdout).toContain('  sso-dev: Not signed in to https://keyless-sandbox.awsapps.com/start. Run `keyless sso login --profile sso-dev` to sign in.');
    expect(run.stdout).not.toContain('secret-not-real');
  });

  it('--json gives the listing with the files read, and honours AWS_PROFILE', async () => {
    const run = await keyless(['profiles', '--json'], { env: { ...env, AWS_PROFILE: 'process' } });
    expect(run.code).toBe(0);
    const listing = JSON.parse(run.stdout) as ProfileListing;
    expect(listing.configFile).toBe(aws.configFile);
    expect(listing.credentialsFile).toBe(aws.credentialsFile);
    expect(listing.selectedProfile).toBe('process');
    expect(listing.profiles).toHaveLength(18);
    expect(listing.profiles.find((profile) => profile.isDefault)?.name).toBe('process');
  });

  it('leaves the files untouched', async () => {
    const before = [await snapshot(aws.configFile), await snapshot(aws.credentialsFile)];
    await keyless(['profiles'], { env });
    expect([await snapshot(aws.configFile), await snapshot(aws.credentialsFile)]).toEqual(before);
  });

  it('says what to do when there are no profiles', async () => {
    const empty = await makeAwsHome({ config: '', credentials: '' });
    try {
      const run = await keyless(['profiles'], { env: { ...env, HOME: empty.home } });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('No AWS profiles in');
      expect(run.stdout).toContain('aws configure');
    } finally {
      await empty.remove();
    }
  });
});

describe('keyless whoami and sso: input errors before any call', () => {
  it('an unknown profile exits 2 and lists the ones there are', async () => {
    const run = await keyless(['whoami', '--profile', 'nope'], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('There is no AWS profile "nope"');
    expect(run.stderr).toContain('sandbox-admin');
  });

  it('sso login refuses --start-url without --region, and a profile that is not SSO', async () => {
    const half = await keyless(['sso', 'login', '--start-url', 'https://x.awsapps.com/start'], { env });
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('--start-url and --region go together');
    const notSso = await keyless(['sso', 'login', '--profile', 'deploy'], { env });
    expect(notSso.code).toBe(2);
    expect(notSso.stderr).toContain('does not sign in with IAM Identity Center');
  });
});

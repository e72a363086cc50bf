import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../electron/cli/run-cli';
import type { CliIo } from '../../../electron/cli/cli-io';
import type { Identity } from '../../../electron/core/aws/types';
import type { Sandbox } from '../../../electron/core/sandbox/start-sandbox';
import { keyless } from '../../support/cli-harness';
import { sandboxAdmin, startTestSandbox } from '../../support/sandbox';
import { makeAwsHome } from '../../unit/aws/support/aws-home';
import type { AwsHome } from '../../unit/aws/support/aws-home';
import { AGENT, createChainRoles, extraProfiles } from './support';

/** `keyless whoami` and `keyless sso login` in process against the sandbox. */

let sandbox: Sandbox;
let aws: AwsHome;
let env: Record<string, string | undefined>;

beforeAll(async () => {
  sandbox = await startTestSandbox({ ssoTimings: { pollIntervalSeconds: 1 } });
  await createChainRoles(sandbox);
  aws = await makeAwsHome({ config: '', credentials: '' });
  const extra = extraProfiles(sandbox, join(aws.home, 'unused.cjs'));
  await writeFile(aws.configFile, `${sandbox.profilesSnippet.config}\n${extra.config}`);
  await writeFile(aws.credentialsFile, `${sandbox.profilesSnippet.credentials}\n${extra.credentials}`);
  vi.stubEnv('HOME', aws.home);
  // No Secret Service for these runs: the CLI's vault is memory-only, never the developer's real keychain.
  vi.stubEnv('DBUS_SESSION_BUS_ADDRESS', `unix:path=${join(aws.home, 'no-bus')}`);
  for (const name of ['AWS_PROFILE', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION', 'AWS_ENDPOINT_URL']) vi.stubEnv(name, undefined);
  env = { KEYLESS_DATA_DIR: join(aws.home, 'app-data') };
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await sandbox.stop();
  await aws.remove();
});

/** Runs `keyless ARGS` with a hook that sees stdout as it is written, to act on what a person would read. */
async function keylessWatching(args: readonly string[], onStdout: (text: string) => void): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
      onStdout(text);
    },
    stderr: (text) => {
      stderr += text;
    },
    readStdin: () => Promise.resolve(''),
    env: { ...process.env, ...env },
  };
  const code = await runCli(['node', 'keyless', ...args], io);
  return { code, stdout, stderr };
}

describe('keyless whoami', () => {
  it('prints account, ARN, kind, partition and region', async () => {
    const run = await keyless(['whoami', '--profile', 'sandbox-admin'], { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('profile:     sandbox-admin (static)');
    expect(run.stdout).toContain(`account:     ${AGENT}`);
    expect(run.stdout).toContain(`arn:         arn:aws:iam::${AGENT}:user/keyless-admin`);
    expect(run.stdout).toContain('partition:   aws');
    expect(run.stdout).toContain('region:      us-east-1');
  });

  it('--json for an assume-role profile; AWS_PROFILE picks the profile', async () => {
    const run = await keyless(['whoami', '--json'], { env: { ...env, AWS_PROFILE: 'deploy' } });
    expect(run.code).toBe(0);
    const identity = JSON.parse(run.stdout) as Identity;
    expect(identity).toMatchObject({ profile: 'deploy', kind: 'assumeRole', account: AGENT, principalType: 'assumedRole' });
    expect(run.stdout).not.toMatch(/secret|sessionToken/i);
  });

  it('reads the MFA code from standard input, and refuses one that is not 6 digits', async () => {
    const bad = await keyless(['whoami', '--profile', 'deploy-mfa'], { env, stdin: 'abc\n' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('MFA code for arn:aws:iam::111111111111:mfa/keyless-admin');
    expect(bad.stderr).toContain('6 digits');
    const good = await keyless(['whoami', '--profile', 'deploy-mfa'], { env, stdin: '123456\n' });
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('assumed-role/keyless-deploy/');
  });

  it('explains a wrong secret with the request id, exit 1', async () => {
    const run = await keyless(['whoami', '--profile', 'wrong-secret'], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/SignatureDoesNotMatch\)\. \(request id \S+\)/);
    expect(run.stderr).toContain('next: Re-enter aws_secret_access_key');
  });
});

describe('keyless sso login', () => {
  it('prints the page and code, waits for approval, and says it is signed in', async () => {
    const run = await keylessWatching(['sso', 'login', '--profile', 'sandbox-sso'], (text) => {
      const code = /code: (\S+)/.exec(text)?.[1];
      if (code !== undefined) void sandboxAdmin(sandbox, 'POST', '/sso/approve', { userCode: code });
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${sandbox.awsEndpoint}/__keyless/sso/device?user_code=`);
    expect(run.stdout).toContain('Waiting for approval… (Ctrl-C cancels)');
    expect(run.stdout).toContain(`Signed in to ${sandbox.seed.sso.startUrl} (us-east-1); Keyless will refresh the token as needed.`);
    // No keychain for this run: the CLI says plainly that the token lives only as long as the command.
    expect(run.stderr).toContain('warning: No OS keychain');
    expect(run.stderr).toContain('kept in memory for this run only');
  });

  it('Ctrl-C cancels cleanly: exit 1, a clear message, the handler removed', async () => {
    const listenersBefore = process.listenerCount('SIGINT');
    const run = await keylessWatching(['sso', 'login', '--profile', 'sandbox-sso'], (text) => {
      if (text.includes('Waiting for approval')) setTimeout(() => process.emit('SIGINT'), 50);
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('was cancelled; nothing was stored');
    expect(process.listenerCount('SIGINT')).toBe(listenersBefore);
  });

  it('sso accounts without a sign-in says how to sign in to that start URL', async () => {
    const run = await keyless(['sso', 'accounts', '--start-url', sandbox.seed.sso.startUrl, '--region', 'us-east-1'], { env: { ...env, AWS_ENDPOINT_URL: sandbox.awsEndpoint } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`next: Sign in again: run \`keyless sso login --start-url ${sandbox.seed.sso.startUrl} --region us-east-1\``);
  });
});

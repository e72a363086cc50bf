import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../../electron/core/aws/types';
import type { VaultStatus } from '../../../electron/core/vault/vault-status';
import type { Sandbox } from '../../../electron/core/sandbox/start-sandbox';
import { startSecretService } from '../../support/secret-service';
import type { SecretServiceSession } from '../../support/secret-service';
import { sandboxAdmin, startTestSandbox } from '../../support/sandbox';
import { findPlaintext } from '../vault/plaintext-scan';
import { AGENT, createChainRoles, extraProfiles } from './support';

/**
 * The CLI against a real Secret Service (gnome-keyring on a private D-Bus): `keyless sso login`
 * in one process, `keyless whoami` in later ones reusing the token and the cached role
 * credentials from the vault, and none of those secrets in plain text in any file under HOME.
 * Each run is its own `node`, because the keyring library binds to one bus per process.
 */

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = fileURLToPath(new URL('./cli-driver.ts', import.meta.url));
const READER = fileURLToPath(new URL('./vault-secrets-driver.ts', import.meta.url));
const LOADER = "import { runnerImport } from 'vite'; await runnerImport(process.argv[1], { configFile: false, logLevel: 'silent' });";

let secretService: SecretServiceSession;
let sandbox: Sandbox;
let env: Record<string, string>;
let appDataDir: string;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runNode(script: string, args: readonly string[], onStdout: (text: string) => void = () => undefined): Promise<Run> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', LOADER, script, ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    onStdout(chunk.toString('utf8'));
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

beforeAll(async () => {
  secretService = await startSecretService();
  sandbox = await startTestSandbox({ ssoTimings: { pollIntervalSeconds: 1 } });
  await createChainRoles(sandbox);
  const awsDir = join(secretService.home, '.aws');
  await mkdir(awsDir, { recursive: true });
  const extra = extraProfiles(sandbox, join(secretService.home, 'unused.cjs'));
  await writeFile(join(awsDir, 'config'), `${sandbox.profilesSnippet.config}\n${extra.config}`);
  await writeFile(join(awsDir, 'credentials'), `${sandbox.profilesSnippet.credentials}\n${extra.credentials}`);
  appDataDir = join(secretService.home, 'keyless-data');
  env = { ...secretService.env, KEYLESS_DATA_DIR: appDataDir };
});

afterAll(async () => {
  await sandbox?.stop();
  await secretService?.stop();
});

describe('SSO sign-in and role credentials in the keychain-backed vault', () => {
  it('signs in once, then later runs reuse the token and the cached credentials; nothing readable on disk', async () => {
    const login = await runNode(CLI, ['sso', 'login', '--profile', 'sandbox-sso'], (text) => {
      const code = /code: (\S+)/.exec(text)?.[1];
      if (code !== undefined) void sandboxAdmin(sandbox, 'POST', '/sso/approve', { userCode: code });
    });
    expect(login.code).toBe(0);
    // The SDK may print its Node-version notice; Keyless itself has nothing to warn about with a keychain.
    expect(login.stderr).not.toContain('keyless:');
    expect(login.stderr).not.toContain('No OS keychain');
    expect(login.stdout).toContain('Signed in to');

    const first = await runNode(CLI, ['whoami', '--profile', 'sandbox-sso', '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ kind: 'sso', account: AGENT, fromCache: false } satisfies Partial<Identity>);
    const second = await runNode(CLI, ['whoami', '--profile', 'sandbox-sso', '--json']);
    expect(JSON.parse(second.stdout)).toMatchObject({ account: AGENT, fromCache: true } satisfies Partial<Identity>);
    const chained = await runNode(CLI, ['whoami', '--profile', 'via-sso', '--json']);
    expect(JSON.parse(chained.stdout)).toMatchObject({ kind: 'assumeRole', account: AGENT, fromCache: false } satisfies Partial<Identity>);

    const profiles = await runNode(CLI, ['profiles', '--json']);
    const listed = JSON.parse(profiles.stdout) as { profiles: { name: string; status: string }[] };
    expect(listed.profiles.find((profile) => profile.name === 'sandbox-sso')?.status).toBe('ready');

    const reader = await runNode(READER, [appDataDir]);
    expect(reader.code).toBe(0);
    const vault = JSON.parse(reader.stdout) as { status: VaultStatus; names: string[]; secrets: string[] };
    expect(vault.status.mode).toBe('keychain');
    expect(vault.names).toEqual(['aws-credentials:sandbox-sso', 'aws-credentials:via-sso', 'sso-client:us-east-1', `sso-token:${sandbox.seed.sso.startUrl}`]);
    // Token: access, refresh, client secret; registration: client secret; two role sessions: secret key + session token.
    expect(vault.secrets.length).toBe(8);
    const { scanned, hits } = await findPlaintext([secretService.home], vault.secrets);
    expect(scanned).toContain(join(appDataDir, 'vault.json'));
    expect(scanned.some((file) => file.includes('keyrings'))).toBe(true);
    expect(hits).toEqual([]);
  });
});

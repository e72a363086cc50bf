import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IICS_PASSWORD, DEFAULT_IICS_USERNAME, defaultIicsWorldInput } from '../../../electron/core/sandbox/iics/default-world';
import { startIicsEmulator } from '../../../electron/core/sandbox/iics/start-iics-emulator';
import type { IicsEmulator } from '../../../electron/core/sandbox/iics/start-iics-emulator';
import type { CliRun } from '../../support/cli-harness';
import { startSecretService } from '../../support/secret-service';
import type { SecretServiceSession } from '../../support/secret-service';
import { findPlaintext } from '../vault/plaintext-scan';
import { runVaultProgram, valueOf } from '../vault/vault-program';

/**
 * `keyless iics login` in one process, later commands in others: the session lives in the vault
 * (data key in a real Secret Service, sealed file in the app data folder), never in plain text,
 * and idle expiry is met with a silent re-login when KEYLESS_IICS_PASSWORD is set, else with
 * IICS_SESSION_EXPIRED.
 */

const MINUTE = 60_000;
const NO_AWS = { endpoint: 'http://127.0.0.1:9', region: 'us-east-1', credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' } };
const CHILD = fileURLToPath(new URL('./cli-child.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const LOADER = "import { runnerImport } from 'vite'; await runnerImport(process.argv[1], { configFile: false, logLevel: 'silent' });";

describe('keyless iics across processes with the OS keychain', () => {
  let secretService: SecretServiceSession;
  let emulator: IicsEmulator;
  let dataDir: string;
  let now = Date.UTC(2026, 0, 1);

  beforeAll(async () => {
    secretService = await startSecretService();
    emulator = await startIicsEmulator({ world: defaultIicsWorldInput(), aws: NO_AWS, clock: () => now });
    dataDir = join(await mkdtemp(join(tmpdir(), 'keyless-iics-processes-')), 'Keyless');
  });

  afterAll(async () => {
    await emulator?.close();
    await secretService?.stop();
    if (dataDir !== undefined) await rm(join(dataDir, '..'), { recursive: true, force: true });
  });

  async function inChild(args: readonly string[], options: { stdin?: string; password?: string; withoutKeychain?: boolean } = {}): Promise<CliRun> {
    const keychain = options.withoutKeychain === true ? { HOME: join(dataDir, '..'), DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(dataDir, '..', 'no-bus-listens-here')}` } : secretService.env;
    const env = { ...keychain, PATH: process.env.PATH ?? '/usr/bin:/bin', KEYLESS_DATA_DIR: dataDir, ...(options.password === undefined ? {} : { KEYLESS_IICS_PASSWORD: options.password }) };
    const child = spawn(process.execPath, ['--input-type=module', '-e', LOADER, CHILD, JSON.stringify({ args, stdin: options.stdin })], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`keyless child exited ${String(code)}: ${stderr}${stdout}`);
    return JSON.parse(stdout.trim().split('\n').pop()!) as CliRun;
  }

  async function storedSessionId(): Promise<string> {
    const [names] = await runVaultProgram(secretService.env, { appDataDir: dataDir, steps: [{ op: 'names' }] });
    const name = (valueOf(names) as string[]).find((n) => n.startsWith('iics-session:'));
    if (name === undefined) throw new Error('no IICS session in the vault');
    const [record] = await runVaultProgram(secretService.env, { appDataDir: dataDir, steps: [{ op: 'get', name }] });
    return (JSON.parse(valueOf(record) as string) as { sessionId: string }).sessionId;
  }

  it('logs in once, and a later process uses the stored session; no file holds the session id or password in plain text', async () => {
    const loggedIn = await inChild(['iics', 'login', '--login-url', emulator.loginUrl, '--username', DEFAULT_IICS_USERNAME], { stdin: `${DEFAULT_IICS_PASSWORD}\n` });
    expect(loggedIn.code).toBe(0);
    expect(loggedIn.stderr).toBe('');
    const sessionId = await storedSessionId();

    const listed = await inChild(['iics', 'environments']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('aws-ec2-agents (01000325000000000005): Secure Agent group, active');
    expect(`${loggedIn.stdout}${listed.stdout}${listed.stderr}`).not.toContain(sessionId);

    const { scanned, hits } = await findPlaintext([dataDir, secretService.home], [sessionId, DEFAULT_IICS_PASSWORD]);
    expect(scanned.some((file) => file.endsWith('vault.json'))).toBe(true);
    expect(hits).toEqual([]);
  });

  it('after 30 idle minutes: a silent re-login with KEYLESS_IICS_PASSWORD; without it, IICS_SESSION_EXPIRED and "log in again"', async () => {
    const before = await storedSessionId();
    now += 31 * MINUTE;
    const relogged = await inChild(['iics', 'environments'], { password: DEFAULT_IICS_PASSWORD });
    expect(relogged.code).toBe(0);
    const after = await storedSessionId();
    expect(after).not.toBe(before);

    now += 31 * MINUTE;
    const expired = await inChild(['iics', 'environments']);
    expect(expired.code).toBe(1);
    expect(expired.stderr).toContain('has expired');
    expect(expired.stderr).toContain(`next: Log in again: keyless iics login --login-url ${emulator.loginUrl} --username ${DEFAULT_IICS_USERNAME}`);
    const afterwards = await inChild(['iics', 'environments']);
    expect(afterwards.stderr).toContain('There is no IICS session in the vault.');
  });

  it('logout ends the session at IICS and forgets it', async () => {
    expect((await inChild(['iics', 'login', '--login-url', emulator.loginUrl, '--username', DEFAULT_IICS_USERNAME, '--v3'], { password: DEFAULT_IICS_PASSWORD })).code).toBe(0);
    const sessionId = await storedSessionId();
    const out = await inChild(['iics', 'logout']);
    expect(out).toMatchObject({ code: 0, stdout: `logged out ${DEFAULT_IICS_USERNAME} from ${emulator.loginUrl}\n` });
    const stale = await fetch(`${emulator.serverUrl}/api/v2/runtimeEnvironment`, { headers: { icSessionId: sessionId } });
    await stale.arrayBuffer();
    expect(stale.status).toBe(401);
    expect((await inChild(['iics', 'logout'])).stdout).toBe('no IICS session is stored; nothing to do\n');
  });

  it('without an OS keychain: login says the session ends with the command, and the next command says how to log in per command', async () => {
    const loggedIn = await inChild(['iics', 'login', '--login-url', emulator.loginUrl, '--username', DEFAULT_IICS_USERNAME], { password: DEFAULT_IICS_PASSWORD, withoutKeychain: true });
    expect(loggedIn.code).toBe(0);
    expect(loggedIn.stderr).toContain('there is no OS keychain, so the session is kept in memory and forgotten when this command ends');
    const next = await inChild(['iics', 'environments'], { withoutKeychain: true });
    expect(next.code).toBe(1);
    expect(next.stderr).toContain('without an OS keychain, a login lasts only for the command that made it');
    const perCommand = await inChild(['iics', 'environments', '--login-url', emulator.loginUrl, '--username', DEFAULT_IICS_USERNAME], { password: DEFAULT_IICS_PASSWORD, withoutKeychain: true });
    expect(perCommand.code).toBe(0);
    expect(perCommand.stdout).toContain('serverless-aws');
  });
});

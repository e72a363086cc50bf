import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IICS_PASSWORD, DEFAULT_IICS_USERNAME, defaultIicsWorldInput } from '../../../electron/core/sandbox/iics/default-world';
import { startIicsEmulator } from '../../../electron/core/sandbox/iics/start-iics-emulator';
import type { IicsEmulator } from '../../../electron/core/sandbox/iics/start-iics-emulator';

/**
 * `keyless iics login` on a terminal: the password is asked for and typed without echo. The
 * command runs under `script`, which gives it a pseudo-terminal; everything the terminal shows
 * comes back on script's output.
 */

const NO_AWS = { endpoint: 'http://127.0.0.1:9', region: 'us-east-1', credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' } };
const CHILD = fileURLToPath(new URL('./cli-child.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const LOADER = "import { runnerImport } from 'vite'; await runnerImport(process.argv[1], { configFile: false, logLevel: 'silent' });";

const shellQuote = (text: string): string => `'${text.replace(/'/g, "'\\''")}'`;

describe('IICS password prompt on a terminal', () => {
  let emulator: IicsEmulator;
  let scratch: string;

  beforeAll(async () => {
    emulator = await startIicsEmulator({ world: defaultIicsWorldInput(), aws: NO_AWS });
    scratch = await mkdtemp(join(tmpdir(), 'keyless-iics-tty-'));
  });

  afterAll(async () => {
    await emulator?.close();
    if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
  });

  it('asks on the terminal, does not echo what is typed, and logs in', async () => {
    const args = ['iics', 'login', '--login-url', emulator.loginUrl, '--username', DEFAULT_IICS_USERNAME];
    const command = [process.execPath, '--input-type=module', '-e', LOADER, CHILD, JSON.stringify({ args })].map(shellQuote).join(' ');
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: scratch, KEYLESS_DATA_DIR: join(scratch, 'Keyless'), TERM: 'dumb' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    const prompted = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        screen += chunk.toString('utf8');
        if (screen.includes(`IICS password for ${DEFAULT_IICS_USERNAME}: `)) resolve();
      });
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await prompted;
    child.stdin.write(`${DEFAULT_IICS_PASSWORD}\r`);
    expect(await exited).toBe(0);
    expect(screen).not.toContain(DEFAULT_IICS_PASSWORD);
    const run = JSON.parse(screen.slice(screen.indexOf('{"code"')).trim()) as { code: number; stdout: string };
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`logged in to IICS as ${DEFAULT_IICS_USERNAME}`);
  });
});

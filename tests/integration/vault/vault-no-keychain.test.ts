import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertSecretServiceTools, startSecretService } from '../../support/secret-service';
import type { SecretServiceSession } from '../../support/secret-service';
import { runVaultProgram, valueOf } from './vault-program';

let scratch: string;
let busWithoutKeyring: SecretServiceSession;
let keyringWithoutLogin: SecretServiceSession;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'keyless-vault-memory-'));
  busWithoutKeyring = await startSecretService({ keyring: 'none' });
  keyringWithoutLogin = await startSecretService({ keyring: 'no-login-keyring' });
});

afterAll(async () => {
  await busWithoutKeyring?.stop();
  await keyringWithoutLogin?.stop();
  if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
});

interface MemoryStatus {
  mode: string;
  reason: string;
  warning: { code: string; message: string; nextStep: string };
}

function unreachableBus(): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: join(scratch, 'home'),
    DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(scratch, 'no-bus-listens-here')}`,
  };
}

async function exists(path: string): Promise<boolean> {
  return readdir(path).then(
    () => true,
    () => false,
  );
}

describe('without an OS keychain the vault is memory-only and says so', () => {
  for (const [situation, env] of [
    ['the D-Bus session bus is unreachable', unreachableBus],
    ['the bus has no Secret Service', () => busWithoutKeyring.env],
    ['the Secret Service has no login keyring to store into', () => keyringWithoutLogin.env],
  ] as const) {
    it(`keeps secrets in memory for this run only when ${situation}, writing nothing`, async () => {
      const appDataDir = join(scratch, situation.replace(/\W+/g, '-'), 'Keyless');
      const results = await runVaultProgram(env(), {
        appDataDir,
        steps: [
          { op: 'status' },
          { op: 'set', name: 'sso-token:memory', value: 'only-in-memory' },
          { op: 'get', name: 'sso-token:memory' },
          { op: 'names' },
          { op: 'probe' },
        ],
      });
      const status = valueOf(results[0]) as MemoryStatus;
      expect(status.mode).toBe('memory');
      expect(status.reason).toMatch(/^Secret Service is not reachable \(.+\)\.$/);
      expect(status.warning.code).toBe('VAULT_MEMORY_ONLY');
      expect(status.warning.message).toMatch(/^No OS keychain, so secrets are kept in memory for this run only: they are forgotten when Keyless exits and nothing is written to disk/);
      expect(status.warning.message).toContain(status.reason);
      expect(status.warning.nextStep).toMatch(/Secret Service/);
      expect(valueOf(results[2])).toBe('only-in-memory');
      expect(valueOf(results[3])).toEqual(['sso-token:memory']);
      expect(valueOf(results[4])).toMatchObject({ available: false });
      expect(await exists(join(scratch, situation.replace(/\W+/g, '-')))).toBe(false);

      const nextRun = await runVaultProgram(env(), { appDataDir, steps: [{ op: 'names' }] });
      expect(valueOf(nextRun[0])).toEqual([]);
    });
  }

  it('leaves an existing vault file untouched: not read, not set aside, not rewritten', async () => {
    const appDataDir = join(scratch, 'existing-file');
    await mkdir(appDataDir, { recursive: true });
    const original = '{"format":"keyless-vault","version":1,"keyId":"0123456789abcdef","iv":"","tag":"","ciphertext":""}';
    await writeFile(join(appDataDir, 'vault.json'), original);
    const results = await runVaultProgram(unreachableBus(), { appDataDir, steps: [{ op: 'status' }, { op: 'set', name: 'x', value: 'y' }] });
    expect((valueOf(results[0]) as MemoryStatus).warning.message).toContain(`any vault file in ${appDataDir} is left untouched`);
    expect(await readdir(appDataDir)).toEqual(['vault.json']);
    expect(await readFile(join(appDataDir, 'vault.json'), 'utf8')).toBe(original);
  });

  it('keyless vault status says memory only, why, and what to do', async () => {
    const appDataDir = join(scratch, 'cli');
    const [text, json] = await runVaultProgram(unreachableBus(), {
      appDataDir,
      steps: [
        { op: 'cli', args: ['vault', 'status'] },
        { op: 'cli', args: ['vault', 'status', '--json'] },
      ],
    });
    const printed = valueOf(text) as { code: number; stdout: string };
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/^vault: memory only — there is no OS keychain, so secrets are forgotten when this run ends and nothing is written to disk\nwhy: Secret Service is not reachable \(.+\)\.\n/);
    expect(printed.stdout).toContain('secrets stored: 0');
    expect(printed.stdout).toMatch(/\nnext: Start and unlock a Secret Service/);
    const parsed = JSON.parse((valueOf(json) as { stdout: string }).stdout) as MemoryStatus & { secretCount: number };
    expect(parsed).toMatchObject({ mode: 'memory', secretCount: 0, warning: { code: 'VAULT_MEMORY_ONLY' } });
    expect(await exists(appDataDir)).toBe(false);
  });

  it('fails, never skips, when the Secret Service tools are not installed', async () => {
    const savedPath = process.env.PATH;
    const emptyBin = join(scratch, 'empty-bin');
    await mkdir(emptyBin, { recursive: true });
    process.env.PATH = emptyBin;
    try {
      expect(() => assertSecretServiceTools()).toThrow(/dbus-daemon, dbus-send, gnome-keyring-daemon is not installed\. Install it with: sudo apt-get install dbus gnome-keyring dbus-x11 libsecret-tools \(CI installs/);
    } finally {
      process.env.PATH = savedPath;
    }
  });
});

import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSecretService } from '../../support/secret-service';
import type { SecretServiceSession } from '../../support/secret-service';
import { findPlaintext, plaintextForms } from './plaintext-scan';
import { runVaultProgram, valueOf } from './vault-program';

let secretService: SecretServiceSession;
let scratch: string;

beforeAll(async () => {
  secretService = await startSecretService();
  scratch = await mkdtemp(join(tmpdir(), 'keyless-vault-'));
});

afterAll(async () => {
  await secretService?.stop();
  if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
});

/** Reads the data key with libsecret's own tool, independently of the code under test. */
async function dataKeyFromSecretTool(service = 'keyless'): Promise<string> {
  const { stdout } = await promisify(execFile)('secret-tool', ['lookup', 'service', service, 'username', 'vault-data-key'], { env: secretService.env });
  return stdout;
}

describe('vault with a real Secret Service', () => {
  it('stores, reads, lists and deletes secrets, and they survive reopening in a new process', async () => {
    const appDataDir = join(scratch, 'round-trip', 'Keyless');
    const token = JSON.stringify({ accessToken: 'sso-access-7f3c9', expiresAt: '2026-11-28T10:00:00Z' });
    const first = await runVaultProgram(secretService.env, {
      appDataDir,
      service: 'keyless-round-trip',
      steps: [
        { op: 'status' },
        { op: 'set', name: 'sso-token:https://d-1234.awsapps.com/start', value: token },
        { op: 'set', name: 'iics-session:org-42', value: 'icSession-abc' },
        { op: 'set', name: 'aws-credentials:dev', value: 'temporary' },
        { op: 'delete', name: 'aws-credentials:dev' },
        { op: 'delete', name: 'never-stored' },
        { op: 'get', name: 'iics-session:org-42' },
        { op: 'names' },
        { op: 'set', name: 'iics-session:org-42', value: 'icSession-def' },
      ],
    });
    expect(valueOf(first[0])).toEqual({ mode: 'keychain', backend: 'Secret Service', file: join(appDataDir, 'vault.json') });
    expect(valueOf(first[4])).toBe(true);
    expect(valueOf(first[5])).toBe(false);
    expect(valueOf(first[6])).toBe('icSession-abc');
    expect(valueOf(first[7])).toEqual(['iics-session:org-42', 'sso-token:https://d-1234.awsapps.com/start']);
    const keyAfterFirstRun = await dataKeyFromSecretTool('keyless-round-trip');

    const reopened = await runVaultProgram(secretService.env, {
      appDataDir,
      service: 'keyless-round-trip',
      steps: [
        { op: 'names' },
        { op: 'get', name: 'sso-token:https://d-1234.awsapps.com/start' },
        { op: 'get', name: 'iics-session:org-42' },
        { op: 'get', name: 'aws-credentials:dev' },
        { op: 'status' },
      ],
    });
    expect(valueOf(reopened[0])).toEqual(['iics-session:org-42', 'sso-token:https://d-1234.awsapps.com/start']);
    expect(valueOf(reopened[1])).toBe(token);
    expect(valueOf(reopened[2])).toBe('icSession-def');
    expect(valueOf(reopened[3])).toBeNull();
    expect(valueOf(reopened[4])).not.toHaveProperty('warning');
    expect(await dataKeyFromSecretTool('keyless-round-trip')).toBe(keyAfterFirstRun);
  });

  it('keeps one 256-bit data key per user in the keychain, created on first use', async () => {
    expect(await dataKeyFromSecretTool('keyless-first-use').catch(() => '')).toBe('');
    const results = await runVaultProgram(secretService.env, {
      appDataDir: join(scratch, 'first-use'),
      service: 'keyless-first-use',
      steps: [{ op: 'readDataKey' }, { op: 'status' }, { op: 'readDataKey' }],
    });
    const key = await dataKeyFromSecretTool('keyless-first-use');
    expect(valueOf(results[2])).toBe(key);
    expect(key).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(key, 'base64')).toHaveLength(32);
  });

  it('writes the vault file 0600 in a 0700 folder, narrowing a folder or file that was wider, and leaves no temporary file', async () => {
    const appDataDir = join(scratch, 'modes', 'Keyless');
    await mkdir(appDataDir, { recursive: true, mode: 0o755 });
    const results = await runVaultProgram(secretService.env, {
      appDataDir,
      steps: [{ op: 'set', name: 'aws-credentials:prod', value: 'x' }, { op: 'set', name: 'aws-credentials:dev', value: 'y' }],
    });
    results.forEach(valueOf);
    expect((await stat(join(appDataDir, 'vault.json'))).mode & 0o777).toBe(0o600);
    expect((await stat(appDataDir)).mode & 0o777).toBe(0o700);
    expect(await readdir(appDataDir)).toEqual(['vault.json']);

    await chmod(join(appDataDir, 'vault.json'), 0o644);
    valueOf((await runVaultProgram(secretService.env, { appDataDir, steps: [{ op: 'names' }] }))[0]);
    expect((await stat(join(appDataDir, 'vault.json'))).mode & 0o777).toBe(0o600);
  });

  it('leaves no secret value in plain text (or hex/base64 of it) in the app data folder or HOME, keyring files included', async () => {
    const appDataDir = join(secretService.home, '.config', 'Keyless');
    const secrets = [
      'AKIAZZZZPLAINTEXTCANARY1',
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARYKEY2',
      JSON.stringify({ accessToken: 'eyJraWQiOiJjYW5hcnktdG9rZW4tMyJ9', refreshToken: 'refresh-canary-4-0123456789' }),
    ];
    const results = await runVaultProgram(secretService.env, {
      appDataDir,
      steps: [
        ...secrets.map((value, index) => ({ op: 'set' as const, name: `canary:${index}`, value })),
        { op: 'readDataKey' },
      ],
    });
    results.forEach(valueOf);
    const dataKey = valueOf(results[secrets.length]) as string;

    // The scanner must be able to see a secret at all: a control file holds one, base64-encoded mid-stream.
    const control = join(scratch, 'scan-control');
    await mkdir(control, { recursive: true });
    await writeFile(join(control, 'control.txt'), `prefix ${Buffer.concat([Buffer.from('ab'), Buffer.from(secrets[0]!)]).toString('base64')} suffix`);
    expect((await findPlaintext([control], secrets)).hits).toHaveLength(1);

    const { scanned, hits } = await findPlaintext([appDataDir, secretService.home], secrets.flatMap((value) => [value, ...(value.startsWith('{') ? Object.values(JSON.parse(value) as Record<string, string>) : [])]));
    expect(scanned).toContain(join(appDataDir, 'vault.json'));
    expect(scanned.some((file) => file.includes(join('.local', 'share', 'keyrings')))).toBe(true);
    expect(hits).toEqual([]);
    // The data key belongs in the keychain only, never next to the file it opens.
    expect((await findPlaintext([appDataDir], [dataKey])).hits).toEqual([]);
    expect(plaintextForms(dataKey).length).toBeGreaterThan(3);
  });

  it('loses no update when 50 secrets are set at once, and all 50 are there after reopening', async () => {
    const appDataDir = join(scratch, 'concurrent');
    const entries = Array.from({ length: 50 }, (_, index) => [`aws-credentials:profile-${String(index).padStart(2, '0')}`, `value-${index}`] as const);
    valueOf((await runVaultProgram(secretService.env, { appDataDir, steps: [{ op: 'setInParallel', entries }] }))[0]);
    const reopened = await runVaultProgram(secretService.env, { appDataDir, steps: [{ op: 'names' }, ...entries.map(([name]) => ({ op: 'get' as const, name }))] });
    expect(valueOf(reopened[0])).toEqual(entries.map(([name]) => name));
    expect(reopened.slice(1).map(valueOf)).toEqual(entries.map(([, value]) => value));
  });

  it('picks up what another open vault on the same folder saved, so neither loses the other\'s update', async () => {
    const appDataDir = join(scratch, 'two-processes');
    const results = await runVaultProgram(secretService.env, {
      appDataDir,
      steps: [
        { op: 'set', name: 'iics-session:app', value: 'from-the-app' },
        { op: 'set', name: 'sso-token:cli', value: 'from-the-cli', on: 'other' },
        { op: 'set', name: 'aws-credentials:app', value: 'also-from-the-app' },
        { op: 'get', name: 'sso-token:cli' },
        { op: 'delete', name: 'iics-session:app', on: 'other' },
        { op: 'names' },
      ],
    });
    expect(valueOf(results[3])).toBe('from-the-cli');
    expect(valueOf(results[4])).toBe(true);
    expect(valueOf(results[5])).toEqual(['aws-credentials:app', 'sso-token:cli']);
  });

  it('reports a vault file it cannot reach with a clear error that never carries the value', async () => {
    const appDataDir = join(scratch, 'broken-folder');
    const results = await runVaultProgram(secretService.env, {
      appDataDir,
      steps: [
        { op: 'set', name: 'iics-session:kept', value: 'kept-before' },
        { op: 'breakFolder' },
        { op: 'set', name: 'iics-session:lost', value: 'VALUE-THAT-MUST-NOT-LEAK-51' },
        { op: 'set', name: '', value: 'VALUE-THAT-MUST-NOT-LEAK-52' },
      ],
    });
    valueOf(results[0]);
    const failed = results[2]!;
    expect(failed.ok ? null : failed.error.failure).toMatchObject({ code: 'VAULT_UNREADABLE', message: `Could not read the vault file ${join(appDataDir, 'vault.json')} (ENOTDIR).` });
    expect(failed.ok ? '' : failed.error.text).not.toContain('VALUE-THAT-MUST-NOT-LEAK');
    const badName = results[3]!;
    expect(badName.ok ? null : badName.error.failure).toMatchObject({ code: 'INVALID_SECRET_NAME' });
    expect(badName.ok ? '' : badName.error.text).not.toContain('VALUE-THAT-MUST-NOT-LEAK');
  });

  it('probes a keychain that has no data key yet by writing and deleting a throwaway entry, leaving nothing behind', async () => {
    const fresh = await startSecretService();
    try {
      const [probe] = await runVaultProgram(fresh.env, { appDataDir: join(scratch, 'probe'), steps: [{ op: 'probe' }] });
      expect(valueOf(probe)).toEqual({ available: true, backend: 'Secret Service' });
      const { stdout, stderr } = await promisify(execFile)('secret-tool', ['search', '--all', 'service', 'keyless'], { env: fresh.env });
      expect(stdout + stderr).toBe('');
    } finally {
      await fresh.stop();
    }
  });

  it('keyless vault status names the keychain, the file and the count, never names or values', async () => {
    const appDataDir = join(scratch, 'cli');
    const results = await runVaultProgram(secretService.env, {
      appDataDir,
      steps: [
        { op: 'set', name: 'sso-token:https://cli.example/start', value: 'cli-secret-value-61' },
        { op: 'set', name: 'iics-session:cli-org', value: 'cli-secret-value-62' },
        { op: 'cli', args: ['vault', 'status'] },
        { op: 'cli', args: ['vault', 'status', '--json'] },
        { op: 'probe' },
      ],
    });
    const text = valueOf(results[2]) as { code: number; stdout: string; stderr: string };
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('OS keychain (Secret Service)');
    expect(text.stdout).toContain(`file: ${join(appDataDir, 'vault.json')}`);
    expect(text.stdout).toContain('secrets stored: 2');
    const json = valueOf(results[3]) as { code: number; stdout: string };
    expect(JSON.parse(json.stdout)).toEqual({ mode: 'keychain', backend: 'Secret Service', file: join(appDataDir, 'vault.json'), secretCount: 2 });
    for (const output of [text.stdout + text.stderr, json.stdout]) {
      expect(output).not.toMatch(/cli-secret-value|sso-token|iics-session/);
    }
    expect(valueOf(results[4])).toEqual({ available: true, backend: 'Secret Service' });
  });
});

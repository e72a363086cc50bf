import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSecretService } from '../../support/secret-service';
import type { SecretServiceSession } from '../../support/secret-service';
import { runVaultProgram, valueOf } from './vault-program';

let secretService: SecretServiceSession;
let scratch: string;

beforeAll(async () => {
  secretService = await startSecretService();
  scratch = await mkdtemp(join(tmpdir(), 'keyless-vault-unusable-'));
});

afterAll(async () => {
  await secretService?.stop();
  if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
});

interface FileWarning {
  code: string;
  message: string;
  nextStep: string;
  setAsideFile: string;
}

async function placeVaultFile(appDataDir: string, content: Buffer | string): Promise<void> {
  await mkdir(appDataDir, { recursive: true, mode: 0o700 });
  await writeFile(join(appDataDir, 'vault.json'), content, { mode: 0o600 });
}

/** Opens the vault over an unusable file and checks it was moved aside intact and the vault still works. */
async function expectSetAside(appDataDir: string, original: Buffer, code: 'VAULT_CORRUPT' | 'VAULT_FOREIGN'): Promise<FileWarning> {
  const results = await runVaultProgram(secretService.env, {
    appDataDir,
    steps: [{ op: 'status' }, { op: 'names' }, { op: 'set', name: 'sso-token:after-set-aside', value: 'fresh' }],
  });
  const status = valueOf(results[0]) as { mode: string; warning?: FileWarning };
  expect(status.mode).toBe('keychain');
  const warning = status.warning!;
  expect(warning.code).toBe(code);
  expect(dirname(warning.setAsideFile)).toBe(appDataDir);
  expect(basename(warning.setAsideFile)).toMatch(/^vault\.\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.corrupt$/);
  expect(warning.message).toContain(warning.setAsideFile);
  expect(warning.nextStep.length).toBeGreaterThan(10);
  expect(await readFile(warning.setAsideFile)).toEqual(original);
  expect(valueOf(results[1])).toEqual([]);
  valueOf(results[2]);

  const reopened = await runVaultProgram(secretService.env, { appDataDir, steps: [{ op: 'status' }, { op: 'get', name: 'sso-token:after-set-aside' }] });
  expect(valueOf(reopened[0])).not.toHaveProperty('warning');
  expect(valueOf(reopened[1])).toBe('fresh');
  expect((await readdir(appDataDir)).sort()).toEqual([basename(warning.setAsideFile), 'vault.json'].sort());
  return warning;
}

describe('an unusable vault file is reported and set aside, never overwritten', () => {
  it('sets aside a file that is not JSON, bytes intact, as VAULT_CORRUPT', async () => {
    const appDataDir = join(scratch, 'not-json');
    const original = Buffer.concat([Buffer.from('{"format":"keyless-vault", truncated'), randomBytes(64)]);
    await placeVaultFile(appDataDir, original);
    const warning = await expectSetAside(appDataDir, original, 'VAULT_CORRUPT');
    expect(warning.message).toContain('not valid JSON');
  });

  it('sets aside a JSON file of another format as VAULT_CORRUPT', async () => {
    const appDataDir = join(scratch, 'other-format');
    const original = Buffer.from(JSON.stringify({ secrets: { 'sso-token:x': 'plain' } }));
    await placeVaultFile(appDataDir, original);
    await expectSetAside(appDataDir, original, 'VAULT_CORRUPT');
  });

  it('sets aside a vault file whose ciphertext was altered: the authentication tag fails', async () => {
    const appDataDir = join(scratch, 'tampered');
    valueOf((await runVaultProgram(secretService.env, { appDataDir, steps: [{ op: 'set', name: 'aws-credentials:dev', value: 'secret' }] }))[0]);
    const envelope = JSON.parse(await readFile(join(appDataDir, 'vault.json'), 'utf8')) as { ciphertext: string };
    const ciphertext = Buffer.from(envelope.ciphertext, 'base64');
    ciphertext[0] = ciphertext[0]! ^ 0x01;
    const original = Buffer.from(JSON.stringify({ ...envelope, ciphertext: ciphertext.toString('base64') }));
    await writeFile(join(appDataDir, 'vault.json'), original);
    const warning = await expectSetAside(appDataDir, original, 'VAULT_CORRUPT');
    expect(warning.message).toContain('authentication tag');
  });

  it('sets aside a file sealed with a different data key as VAULT_FOREIGN', async () => {
    const origin = join(scratch, 'foreign-origin');
    valueOf((await runVaultProgram(secretService.env, { appDataDir: origin, service: 'keyless-other-user', steps: [{ op: 'set', name: 'iics-session:x', value: 'theirs' }] }))[0]);
    const original = await readFile(join(origin, 'vault.json'));
    const appDataDir = join(scratch, 'foreign');
    await placeVaultFile(appDataDir, original);
    const warning = await expectSetAside(appDataDir, original, 'VAULT_FOREIGN');
    expect(warning.message).toContain('different data key');
  });

  it('sets aside the vault as VAULT_FOREIGN when the data key in the keychain was replaced', async () => {
    const appDataDir = join(scratch, 'key-replaced');
    const service = 'keyless-key-replaced';
    const before = await runVaultProgram(secretService.env, { appDataDir, service, steps: [{ op: 'set', name: 'iics-session:y', value: 'mine' }, { op: 'replaceDataKey' }] });
    before.forEach(valueOf);
    const original = await readFile(join(appDataDir, 'vault.json'));
    const after = await runVaultProgram(secretService.env, { appDataDir, service, steps: [{ op: 'status' }, { op: 'names' }] });
    const warning = (valueOf(after[0]) as { warning: FileWarning }).warning;
    expect(warning.code).toBe('VAULT_FOREIGN');
    expect(await readFile(warning.setAsideFile)).toEqual(original);
    expect(valueOf(after[1])).toEqual([]);
  });

  it('never overwrites an earlier set-aside file, even with the same timestamp', async () => {
    const appDataDir = join(scratch, 'twice');
    const now = '2026-11-28T01:02:03.456Z';
    const setAsideFiles: string[] = [];
    for (const content of ['first broken file', 'second broken file']) {
      await placeVaultFile(appDataDir, content);
      const [status] = await runVaultProgram(secretService.env, { appDataDir, now, steps: [{ op: 'status' }] });
      setAsideFiles.push((valueOf(status) as { warning: FileWarning }).warning.setAsideFile);
    }
    expect(setAsideFiles.map((file) => basename(file))).toEqual(['vault.2026-11-28T01-02-03-456Z.corrupt', 'vault.2026-11-28T01-02-03-456Z-1.corrupt']);
    expect(await readFile(setAsideFiles[0]!, 'utf8')).toBe('first broken file');
    expect(await readFile(setAsideFiles[1]!, 'utf8')).toBe('second broken file');
  });

  it('keyless vault status shows the set-aside warning with its code, file and next step', async () => {
    const appDataDir = join(scratch, 'cli-corrupt');
    await placeVaultFile(appDataDir, 'garbage');
    const [run] = await runVaultProgram(secretService.env, { appDataDir, steps: [{ op: 'cli', args: ['vault', 'status'] }] });
    const { code, stdout } = valueOf(run) as { code: number; stdout: string };
    expect(code).toBe(0);
    const setAside = (await readdir(appDataDir)).find((name) => name.endsWith('.corrupt'));
    expect(setAside).toBeDefined();
    expect(stdout).toContain('warning (VAULT_CORRUPT)');
    expect(stdout).toContain(join(appDataDir, setAside!));
    expect(stdout).toMatch(/\n {2}next: \S/);
    expect(stdout).toContain('secrets stored: 0');
  });
});

import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SealedVaultFile } from '../../../electron/core/vault/sealed-vault-file';
import { KeylessFailure } from '../../../shared/errors';

/** The file half of the vault with a data key made here; the keychain half is covered in vault-keychain.test.ts. */
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'keyless-sealed-file-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

function sealedFile(path: string): SealedVaultFile {
  const key = randomBytes(32);
  return new SealedVaultFile(path, { key, id: createHash('sha256').update(key).digest('hex').slice(0, 16) }, 'Secret Service', () => new Date());
}

describe('sealed vault file', () => {
  it('reports a failed save as VAULT_WRITE_FAILED naming the file, never the value, and leaves no temporary file', async () => {
    const folder = join(scratch, 'missing-folder');
    const file = sealedFile(join(folder, 'vault.json'));
    const error: unknown = await file.save(new Map([['iics-session:x', 'VALUE-THAT-MUST-NOT-LEAK-71']])).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KeylessFailure);
    const { detail, stack } = error as KeylessFailure;
    expect(detail).toMatchObject({ code: 'VAULT_WRITE_FAILED', message: `Could not save the vault file ${join(folder, 'vault.json')} (ENOENT); the change was not stored.` });
    expect(JSON.stringify(detail) + String(stack)).not.toContain('VALUE-THAT-MUST-NOT-LEAK');
    expect(await readdir(scratch)).toEqual([]);
  });

  it('re-reads only when the file changed on disk, and picks up a file removed by someone else as empty', async () => {
    const path = join(scratch, 'vault.json');
    const file = sealedFile(path);
    const saved = new Map([['a', '1']]);
    await file.save(saved);
    const current = new Map([['a', '1']]);
    expect(await file.refresh(current)).toBe(current);
    await rm(path);
    expect(await file.refresh(current)).toEqual(new Map());
  });
});

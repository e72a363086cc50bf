import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveExportFiles } from '../../electron/core/export/save-export';
import { KeylessFailure } from '../../shared/errors';

const tempRoot = () => mkdtempSync(join(tmpdir(), 'keyless-save-'));

async function failureCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no failure';
  } catch (error) {
    return error instanceof KeylessFailure ? error.detail.code : String(error);
  }
}

describe('saving an export', () => {
  it('writes every file into a new folder, scripts executable', async () => {
    const folder = join(tempRoot(), 'keyless-aws-cli');
    const saved = await saveExportFiles(folder, [
      { name: 'keyless-setup.sh', content: '#!/usr/bin/env bash\n' },
      { name: 'policies/permissions.json', content: '{}' },
    ]);
    expect(saved).toEqual(['keyless-setup.sh', 'policies/permissions.json']);
    expect(readFileSync(join(folder, 'policies/permissions.json'), 'utf8')).toBe('{}');
    expect(statSync(join(folder, 'keyless-setup.sh')).mode & 0o777).toBe(0o755);
  });

  it('never overwrites: a folder with files in it is refused and left untouched', async () => {
    const folder = tempRoot();
    writeFileSync(join(folder, 'main.tf'), 'mine');
    expect(await failureCode(saveExportFiles(folder, [{ name: 'main.tf', content: 'theirs' }]))).toBe('EXPORT_FOLDER_NOT_EMPTY');
    expect(readFileSync(join(folder, 'main.tf'), 'utf8')).toBe('mine');
  });

  it.each(['../escape.tf', '/etc/cron.d/x', 'a/../../b'])('refuses the file name %s, writing nothing', async (name) => {
    const folder = join(tempRoot(), 'out');
    expect(await failureCode(saveExportFiles(folder, [{ name: 'ok.json', content: '{}' }, { name, content: 'x' }]))).toBe('INVALID_EXPORT_FILE_NAME');
    expect(() => statSync(folder)).toThrow();
  });
});

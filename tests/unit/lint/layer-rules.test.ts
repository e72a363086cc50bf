import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it were the file at `path` (an existing file, so typed linting can resolve it). */
async function ruleIdsFor(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layer rules (DESIGN §3)', { timeout: 120_000 }, () => {
  // The first typed lint builds the TypeScript program for the whole project: slow on a busy machine.
  beforeAll(() => ruleIdsFor('shared/errors.ts', 'export {};\n'), 300_000);

  it.each([
    ['shared/ imports a Node built-in', 'shared/errors.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['shared/ imports fs by its bare name', 'shared/errors.ts', "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n"],
    ['shared/ imports electron', 'shared/errors.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['shared/ imports the AWS SDK', 'shared/errors.ts', "import { IAMClient } from '@aws-sdk/client-iam';\nexport const x = IAMClient;\n"],
    ['electron/core imports electron', 'electron/core/app/app-info.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['electron/core imports main', 'electron/core/app/app-info.ts', "import { createServices } from '../../main/services';\nexport const x = createServices;\n"],
    ['renderer imports core', 'renderer/keyless-api.ts', "import { probeKeychain } from '../electron/core/vault/keychain-probe';\nexport const x = probeKeychain;\n"],
    ['renderer imports Node', 'renderer/keyless-api.ts', "import { join } from 'node:path';\nexport const x = join;\n"],
  ])('refuses: %s', async (_name, path, code) => {
    expect(await ruleIdsFor(path, code)).toContain('no-restricted-imports');
  });

  it('refuses DOM and process globals in shared/', async () => {
    expect(await ruleIdsFor('shared/errors.ts', 'export const x = () => document.title + String(process.env.HOME);\n')).toContain('no-restricted-globals');
  });

  it('refuses ipcMain outside the router binding, and allows it there', async () => {
    const code = "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n";
    expect(await ruleIdsFor('electron/main/services.ts', code)).toContain('no-restricted-syntax');
    expect(await ruleIdsFor('electron/main/ipc-binding.ts', code)).not.toContain('no-restricted-syntax');
  });

  it('allows shared/ to import its own modules', async () => {
    expect(await ruleIdsFor('shared/ipc/api.ts', "import type { KeylessEvent } from './events';\nexport type X = KeylessEvent;\n")).toEqual([]);
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { version } from '../../../package.json';
import { commandTable } from '../../../electron/cli/command-table';
import { keyless } from '../../support/cli-harness';

const root = join(import.meta.dirname, '../../..');

describe('keyless command line', () => {
  it('prints the version', async () => {
    const run = await keyless(['--version']);
    expect(run).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('lists every command of the command table in --help', async () => {
    const run = await keyless(['--help']);
    expect(run.code).toBe(0);
    for (const entry of commandTable) expect(run.stdout).toContain(entry.name);
  });

  it('exits 2 with a suggestion on an unknown command', async () => {
    const run = await keyless(['infp']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown command 'infp'/);
    expect(run.stderr).toMatch(/Did you mean info\?/);
  });

  it('reports app info as JSON', async () => {
    const run = await keyless(['info', '--json']);
    expect(run.code).toBe(0);
    const info = JSON.parse(run.stdout) as { name: string; version: string; keychain: { available: boolean } };
    expect(info).toMatchObject({ name: 'Keyless', version });
    expect(typeof info.keychain.available).toBe('boolean');
  });
});

describe('built `keyless` bin', () => {
  const cli = join(root, 'out/main/cli.js');

  it('runs `keyless --version` without loading any AWS SDK, keyring or catalogue module', () => {
    expect(existsSync(cli), 'out/main/cli.js exists — run `npm run build` first').toBe(true);
    const record = join(mkdtempSync(join(tmpdir(), 'keyless-cli-')), 'modules.json');
    const out = execFileSync(process.execPath, ['-r', join(root, 'tests/fixtures/record-loaded-modules.cjs'), join(root, 'bin/keyless.js'), '--version'], {
      env: { ...process.env, KEYLESS_RECORD_MODULES: record },
      encoding: 'utf8',
    });
    expect(out.trim()).toBe(version);
    const loaded = JSON.parse(readFileSync(record, 'utf8')) as string[];
    expect(loaded.some((file) => file.endsWith('cli.js'))).toBe(true);
    expect(loaded.filter((file) => /@aws-sdk|@smithy|@napi-rs|@cloud-copilot|listr2/.test(file))).toEqual([]);
  });
});

import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openVault } from '../../../../electron/core/vault/vault';
import type { Vault } from '../../../../electron/core/vault/vault';
import type { KeychainPort } from '../../../../electron/core/vault/keychain-port';

export const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'aws-config');

/** A temporary HOME with `.aws/config` and `.aws/credentials` copied from the fixtures. */
export interface AwsHome {
  readonly home: string;
  readonly configFile: string;
  readonly credentialsFile: string;
  readonly env: Record<string, string>;
  /** Writes a token where `aws sso login` would, keyed by sso-session name or start URL. */
  writeCliToken(cacheKey: string, token: Record<string, unknown>): Promise<string>;
  remove(): Promise<void>;
}

export async function makeAwsHome(files: { config?: string; credentials?: string } = {}): Promise<AwsHome> {
  const home = await mkdtemp(join(tmpdir(), 'keyless-aws-home-'));
  const awsDir = join(home, '.aws');
  await mkdir(awsDir, { recursive: true });
  const configFile = join(awsDir, 'config');
  const credentialsFile = join(awsDir, 'credentials');
  if (files.config === undefined) await copyFile(join(FIXTURES, 'config'), configFile);
  else await writeFile(configFile, files.config);
  if (files.credentials === undefined) await copyFile(join(FIXTURES, 'credentials'), credentialsFile);
  else await writeFile(credentialsFile, files.credentials);
  return {
    home,
    configFile,
    credentialsFile,
    env: { HOME: home, PATH: process.env.PATH ?? '' },
    async writeCliToken(cacheKey, token) {
      const dir = join(awsDir, 'sso', 'cache');
      await mkdir(dir, { recursive: true });
      const file = join(dir, `${createHash('sha1').update(cacheKey).digest('hex')}.json`);
      await writeFile(file, JSON.stringify(token));
      return file;
    },
    remove: () => rm(home, { recursive: true, force: true }),
  };
}

/** A keychain that is never there: openVault then keeps secrets in memory for the test only. */
export const noKeychain: KeychainPort = {
  backend: 'none (test)',
  getPassword: () => Promise.reject(new Error('no Secret Service in this test')),
  setPassword: () => Promise.reject(new Error('no Secret Service in this test')),
  deletePassword: () => Promise.reject(new Error('no Secret Service in this test')),
};

export async function memoryVault(appDataDir: string): Promise<Vault> {
  const vault = await openVault({ appDataDir, keychain: noKeychain, service: 'keyless-aws-test' });
  if (vault.status().mode !== 'memory') throw new Error('expected a memory-only vault');
  return vault;
}

export interface FileSnapshot {
  readonly bytes: Buffer;
  readonly mtimeMs: number;
}

export async function snapshot(file: string): Promise<FileSnapshot> {
  return { bytes: await readFile(file), mtimeMs: (await stat(file)).mtimeMs };
}

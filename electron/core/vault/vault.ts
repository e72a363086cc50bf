import { join } from 'node:path';
import { KeylessFailure } from '../../../shared/errors';
import { DEFAULT_VAULT_SERVICE, loadOrCreateDataKey } from './data-key';
import type { DataKey } from './data-key';
import { osKeychain } from './keychain-port';
import type { KeychainPort } from './keychain-port';
import { checkSecretName, checkSecretValue } from './secret-name';
import { SealedVaultFile } from './sealed-vault-file';
import { MemoryOnly } from './secrets-backing';
import type { Secrets, SecretsBacking } from './secrets-backing';
import { ensurePrivateFolder, narrowToOwner } from './vault-folder';
import type { VaultStatus } from './vault-status';

export const VAULT_FILE_NAME = 'vault.json';

/**
 * Named secrets (`sso-token:<start-url>`, `aws-credentials:<profile>`, `iics-session:<org>`),
 * each a string (JSON when structured). Calls are served one at a time in call order, so
 * concurrent writes from one process never lose an update, and each call first picks up what
 * another Keyless process (the app, the CLI) saved. There is no lock across processes: two of
 * them saving in the same instant can still lose one update. Nothing here logs, and no error
 * carries a secret's value.
 */
export interface Vault {
  status(): VaultStatus;
  get(name: string): Promise<string | undefined>;
  set(name: string, value: string): Promise<void>;
  /** Resolves false when there was no such secret. */
  delete(name: string): Promise<boolean>;
  /** Sorted. */
  names(): Promise<string[]>;
}

export interface OpenVaultOptions {
  /** The app's data folder (Electron's userData); the vault file lives directly in it. */
  readonly appDataDir: string;
  readonly keychain?: KeychainPort;
  /** The keychain service the data key is filed under; `keyless` unless a test isolates itself. */
  readonly service?: string;
  readonly now?: () => Date;
}

class SerialVault implements Vault {
  private secrets: Secrets = new Map();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly backing: SecretsBacking) {}

  status(): VaultStatus {
    return this.backing.status();
  }

  /** Reads what is stored now (another Keyless process may have saved meanwhile). */
  async load(): Promise<void> {
    await this.serially(() => Promise.resolve());
  }

  async get(name: string): Promise<string | undefined> {
    const checked = checkSecretName(name);
    return await this.serially(() => Promise.resolve(this.secrets.get(checked)));
  }

  async set(name: string, value: string): Promise<void> {
    const checked = checkSecretName(name);
    const text = checkSecretValue(checked, value);
    await this.serially(async () => {
      const next = new Map(this.secrets);
      next.set(checked, text);
      await this.backing.save(next);
      this.secrets = next;
    });
  }

  async delete(name: string): Promise<boolean> {
    const checked = checkSecretName(name);
    return await this.serially(async () => {
      if (!this.secrets.has(checked)) return false;
      const next = new Map(this.secrets);
      next.delete(checked);
      await this.backing.save(next);
      this.secrets = next;
      return true;
    });
  }

  names(): Promise<string[]> {
    return this.serially(() => Promise.resolve([...this.secrets.keys()].sort()));
  }

  /** One call at a time, in call order, each starting from the secrets as stored now. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(async () => {
      this.secrets = await this.backing.refresh(this.secrets);
      return work();
    });
    this.queue = result.catch(() => undefined);
    return result;
  }
}

function memoryOnly(failure: KeylessFailure, appDataDir: string): MemoryOnly {
  const reason = failure.detail.message;
  const message =
    `No OS keychain, so secrets are kept in memory for this run only: they are forgotten when Keyless exits and nothing is written to disk ` +
    `(any vault file in ${appDataDir} is left untouched). ${reason}`;
  return new MemoryOnly({ mode: 'memory', reason, warning: { code: 'VAULT_MEMORY_ONLY', message, nextStep: failure.detail.nextStep } });
}

/**
 * Opens the vault of the OS user: the data key from the keychain (created on first use) and the
 * sealed file in `appDataDir`, read afresh on open and before every call. Without a keychain the
 * vault lives in memory only, and status() says why. An unusable file is set aside, never
 * overwritten. Rejects only when the app data folder or the file cannot be reached at all.
 */
export async function openVault(options: OpenVaultOptions): Promise<Vault> {
  const keychain = options.keychain ?? osKeychain();
  const service = options.service ?? DEFAULT_VAULT_SERVICE;
  let dataKey: DataKey;
  try {
    dataKey = await loadOrCreateDataKey(keychain, service);
  } catch (error) {
    if (error instanceof KeylessFailure) return new SerialVault(memoryOnly(error, options.appDataDir));
    throw error;
  }
  try {
    await ensurePrivateFolder(options.appDataDir);
    await narrowToOwner(join(options.appDataDir, VAULT_FILE_NAME));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new KeylessFailure({
      code: 'VAULT_FOLDER_UNUSABLE',
      message: `Could not prepare the app data folder ${options.appDataDir} for the vault (${code}).`,
      nextStep: 'Check that the folder (or its parent) exists, is a folder and belongs to you, then try again.',
    });
  }
  const file = new SealedVaultFile(join(options.appDataDir, VAULT_FILE_NAME), dataKey, keychain.backend, options.now ?? (() => new Date()));
  const vault = new SerialVault(file);
  await vault.load();
  return vault;
}

import { join } from 'node:path';
import { KeylessFailure } from '../../../shared/errors';
import { DEFAULT_VAULT_SERVICE, loadOrCreateDataKey } from './data-key';
import type { DataKey } from './data-key';
import { osKeychain } from './keychain-port';
import type { KeychainPort } from './keychain-port';
import { checkSecretName, checkSecretValue } from './secret-name';
import { sealSecrets, unsealSecrets } from './vault-envelope';
import { ensurePrivateFolder, readIfPresent, setAside, writeFileAtomically } from './vault-folder';
import type { VaultFileWarning, VaultStatus } from './vault-status';

export const VAULT_FILE_NAME = 'vault.json';

/**
 * Named secrets (`sso-token:<start-url>`, `aws-credentials:<profile>`, `iics-session:<org>`),
 * each a string (JSON when structured). Calls are served one at a time in call order, so
 * concurrent writes from one process never lose an update. Nothing here logs, and no error
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

type Persist = (secrets: ReadonlyMap<string, string>) => Promise<void>;

class SerialVault implements Vault {
  private secrets: ReadonlyMap<string, string>;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly currentStatus: VaultStatus,
    initial: ReadonlyMap<string, string>,
    private readonly persist: Persist,
  ) {
    this.secrets = initial;
  }

  status(): VaultStatus {
    return this.currentStatus;
  }

  get(name: string): Promise<string | undefined> {
    const checked = checkSecretName(name);
    return this.serially(() => Promise.resolve(this.secrets.get(checked)));
  }

  set(name: string, value: string): Promise<void> {
    const checked = checkSecretName(name);
    const text = checkSecretValue(checked, value);
    return this.serially(async () => {
      const next = new Map(this.secrets);
      next.set(checked, text);
      await this.persist(next);
      this.secrets = next;
    });
  }

  delete(name: string): Promise<boolean> {
    const checked = checkSecretName(name);
    return this.serially(async () => {
      if (!this.secrets.has(checked)) return false;
      const next = new Map(this.secrets);
      next.delete(checked);
      await this.persist(next);
      this.secrets = next;
      return true;
    });
  }

  names(): Promise<string[]> {
    return this.serially(() => Promise.resolve([...this.secrets.keys()].sort()));
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

function memoryVault(failure: KeylessFailure, appDataDir: string): Vault {
  const reason =
    `No OS keychain: ${failure.detail.message} Secrets are kept in memory for this run only and are forgotten when Keyless exits; ` +
    `nothing is written to disk, and any vault file in ${appDataDir} is left untouched.`;
  const status: VaultStatus = {
    mode: 'memory',
    reason,
    warning: { code: 'VAULT_MEMORY_ONLY', message: reason, nextStep: failure.detail.nextStep },
  };
  return new SerialVault(status, new Map(), () => Promise.resolve());
}

function writeFailure(file: string, error: unknown): KeylessFailure {
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
  return new KeylessFailure({
    code: 'VAULT_WRITE_FAILED',
    message: `Could not save the vault file ${file} (${code}); the secret was not stored.`,
    nextStep: 'Check that the app data folder exists, is yours and has free space, then try again.',
  });
}

async function loadFile(file: string, dataKey: DataKey, now: Date): Promise<{ secrets: Map<string, string>; warning?: VaultFileWarning }> {
  let text: string | undefined;
  try {
    text = await readIfPresent(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new KeylessFailure({
      code: 'VAULT_UNREADABLE',
      message: `Could not read the vault file ${file} (${code}).`,
      nextStep: 'Check that the file is yours and readable (mode 0600), then try again.',
    });
  }
  if (text === undefined) return { secrets: new Map() };
  const opened = unsealSecrets(text, dataKey);
  if (opened.ok) return { secrets: opened.secrets };
  const setAsideFile = await setAside(file, now);
  const nextStep =
    opened.code === 'VAULT_FOREIGN'
      ? 'Sign in again where Keyless asks; if the keychain entry "vault-data-key" was replaced by mistake, restore it and move the set-aside file back to vault.json.'
      : 'Sign in again where Keyless asks; keep the set-aside file if you want to inspect it, or delete it.';
  return {
    secrets: new Map(),
    warning: {
      code: opened.code,
      message: `The vault file could not be used because ${opened.why}. It was moved to ${setAsideFile}, nothing was deleted, and Keyless started an empty vault.`,
      nextStep,
      setAsideFile,
    },
  };
}

/**
 * Opens the vault of the OS user: the data key from the keychain (created on first use) and the
 * sealed file in `appDataDir`, read afresh on every open. Without a keychain the vault lives in
 * memory only, and status() says why. An unreadable file is set aside, never overwritten.
 */
export async function openVault(options: OpenVaultOptions): Promise<Vault> {
  const keychain = options.keychain ?? osKeychain();
  const service = options.service ?? DEFAULT_VAULT_SERVICE;
  let dataKey: DataKey;
  try {
    dataKey = await loadOrCreateDataKey(keychain, service);
  } catch (error) {
    if (error instanceof KeylessFailure) return memoryVault(error, options.appDataDir);
    throw error;
  }
  const file = join(options.appDataDir, VAULT_FILE_NAME);
  try {
    await ensurePrivateFolder(options.appDataDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new KeylessFailure({
      code: 'VAULT_FOLDER_UNUSABLE',
      message: `Could not prepare the app data folder ${options.appDataDir} for the vault (${code}).`,
      nextStep: 'Check that the folder (or its parent) exists, is a folder and belongs to you, then try again.',
    });
  }
  const { secrets, warning } = await loadFile(file, dataKey, (options.now ?? (() => new Date()))());
  const status: VaultStatus =
    warning === undefined ? { mode: 'keychain', backend: keychain.backend, file } : { mode: 'keychain', backend: keychain.backend, file, warning };
  return new SerialVault(status, secrets, async (next) => {
    try {
      await writeFileAtomically(file, sealSecrets(next, dataKey));
    } catch (error) {
      throw writeFailure(file, error);
    }
  });
}

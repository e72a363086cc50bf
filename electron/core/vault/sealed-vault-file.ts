import { KeylessFailure } from '../../../shared/errors';
import type { DataKey } from './data-key';
import { sealSecrets, unsealSecrets } from './vault-envelope';
import { readIfPresent, setAside, writeFileAtomically } from './vault-folder';
import type { Secrets, SecretsBacking } from './secrets-backing';
import type { VaultFileWarning, VaultStatus } from './vault-status';

function errnoCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'unknown error';
}

/**
 * The vault file in the app data folder, sealed with the data key. It is read again before
 * every vault call (the app and the CLI may both be running), and an unusable file is moved
 * aside once, with a warning, never overwritten.
 */
export class SealedVaultFile implements SecretsBacking {
  /** The text last read or written: when the file still holds it, nothing changed on disk. */
  private knownText: string | undefined;
  private warning: VaultFileWarning | undefined;

  constructor(
    private readonly file: string,
    private readonly dataKey: DataKey,
    private readonly backend: string,
    private readonly now: () => Date,
  ) {}

  status(): VaultStatus {
    const base = { mode: 'keychain', backend: this.backend, file: this.file } as const;
    return this.warning === undefined ? base : { ...base, warning: this.warning };
  }

  async refresh(current: Secrets): Promise<Secrets> {
    let text: string | undefined;
    try {
      text = await readIfPresent(this.file);
    } catch (error) {
      throw new KeylessFailure({
        code: 'VAULT_UNREADABLE',
        message: `Could not read the vault file ${this.file} (${errnoCode(error)}).`,
        nextStep: 'Check that the file is yours and readable (mode 0600), then try again.',
      });
    }
    if (text === this.knownText) return current;
    this.knownText = text;
    if (text === undefined) return new Map();
    const opened = unsealSecrets(text, this.dataKey);
    if (opened.ok) return opened.secrets;
    this.knownText = undefined;
    const setAsideFile = await setAside(this.file, this.now());
    this.warning = {
      code: opened.code,
      message: `The vault file could not be used because ${opened.why}. It was moved to ${setAsideFile}, nothing was deleted, and Keyless carried on without it.`,
      nextStep:
        opened.code === 'VAULT_FOREIGN'
          ? 'Sign in again where Keyless asks; if the keychain entry "vault-data-key" was replaced by mistake, restore it and move the set-aside file back to vault.json.'
          : 'Sign in again where Keyless asks; keep the set-aside file if you want to inspect it, or delete it.',
      setAsideFile,
    };
    return current;
  }

  async save(next: Secrets): Promise<void> {
    const text = sealSecrets(next, this.dataKey);
    try {
      await writeFileAtomically(this.file, text);
    } catch (error) {
      throw new KeylessFailure({
        code: 'VAULT_WRITE_FAILED',
        message: `Could not save the vault file ${this.file} (${errnoCode(error)}); the change was not stored.`,
        nextStep: 'Check that the app data folder exists, is yours and has free space, then try again.',
      });
    }
    this.knownText = text;
  }
}

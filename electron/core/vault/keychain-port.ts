import type { AsyncEntry } from '@napi-rs/keyring';

/**
 * The seam between the vault and the OS keychain. The default implementation is
 * `@napi-rs/keyring`'s AsyncEntry; tests run it against a real Secret Service, and a port that
 * fails every call stands for a machine without a keychain.
 */
export interface KeychainPort {
  /** How the keychain is called in messages: "Secret Service", "macOS Keychain", ... */
  readonly backend: string;
  /** Resolves null when there is no entry; rejects when the keychain cannot be reached. */
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  /** Resolves false when there was no entry to delete. */
  deletePassword(service: string, account: string): Promise<boolean>;
}

export function keychainBackendName(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'darwin':
      return 'macOS Keychain';
    case 'win32':
      return 'Windows Credential Manager';
    default:
      return 'Secret Service';
  }
}


/**
 * The OS keychain through `@napi-rs/keyring`, loaded on first use so that commands which never
 * touch a secret do not load the native addon.
 *
 * On Linux the entry is pinned to the Secret Service. Unpinned, the library falls back to the
 * kernel keyring, which forgets everything at logout or reboot: the data key would vanish and
 * the vault file would turn foreign. A missing Secret Service must read as "no keychain".
 *
 * The library binds to the D-Bus session bus of the first call and keeps it for the life of the
 * process, so changing DBUS_SESSION_BUS_ADDRESS later has no effect.
 */
export function osKeychain(platform: NodeJS.Platform = process.platform): KeychainPort {
  let entryClass: Promise<typeof AsyncEntry> | undefined;
  const entry = async (service: string, account: string) => {
    entryClass ??= import('@napi-rs/keyring').then((keyring) => keyring.AsyncEntry);
    const Entry = await entryClass;
    return new Entry(service, account, platform === 'linux' ? { linux: { store: 'secret-service' } } : undefined);
  };
  return {
    backend: keychainBackendName(platform),
    getPassword: async (service, account) => (await entry(service, account)).getPassword(),
    setPassword: async (service, account, password) => (await entry(service, account)).setPassword(password),
    deletePassword: async (service, account) => (await entry(service, account)).deletePassword(),
  };
}

/** The keychain's own words, for a reason shown to the user. Never carries a secret: none is passed in. */
export function describeKeychainError(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  return detail.length > 300 ? `${detail.slice(0, 300)}…` : detail;
}

import { DATA_KEY_ACCOUNT, DEFAULT_VAULT_SERVICE } from './data-key';
import { describeKeychainError, osKeychain } from './keychain-port';
import type { KeychainPort } from './keychain-port';

/** Whether an OS keychain can hold the vault's data key on this machine. */
export type KeychainStatus = { available: true; backend: string } | { available: false; reason: string };

const PROBE_ACCOUNT = 'keychain-probe';

/**
 * A read alone cannot tell: with no Secret Service on the bus, or no login keyring, reading a
 * missing entry still answers "no entry" (checked with @napi-rs/keyring 2.1.2). So when the data
 * key is not there yet, the probe writes a throwaway entry and deletes it again, leaving nothing
 * behind.
 */
export async function probeKeychain(
  platform: NodeJS.Platform = process.platform,
  keychain: KeychainPort = osKeychain(platform),
): Promise<KeychainStatus> {
  try {
    if ((await keychain.getPassword(DEFAULT_VAULT_SERVICE, DATA_KEY_ACCOUNT)) === null) {
      await keychain.setPassword(DEFAULT_VAULT_SERVICE, PROBE_ACCOUNT, 'probe');
      await keychain.deletePassword(DEFAULT_VAULT_SERVICE, PROBE_ACCOUNT);
    }
    return { available: true, backend: keychain.backend };
  } catch (error) {
    return {
      available: false,
      reason: `${keychain.backend} is not reachable (${describeKeychainError(error)}). Secrets will be kept in memory for this run only.`,
    };
  }
}

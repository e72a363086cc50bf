import { describeKeychainError, osKeychain } from './keychain-port';
import type { KeychainPort } from './keychain-port';

/**
 * Whether an OS keychain can hold the vault's data key on this machine. The probe only reads
 * (an entry that does not exist), so asking never leaves anything behind in the user's keychain.
 */
export type KeychainStatus = { available: true; backend: string } | { available: false; reason: string };

const PROBE_SERVICE = 'keyless';
const PROBE_ACCOUNT = 'keychain-probe';

export async function probeKeychain(
  platform: NodeJS.Platform = process.platform,
  keychain: KeychainPort = osKeychain(platform),
): Promise<KeychainStatus> {
  try {
    await keychain.getPassword(PROBE_SERVICE, PROBE_ACCOUNT);
    return { available: true, backend: keychain.backend };
  } catch (error) {
    return {
      available: false,
      reason: `${keychain.backend} is not reachable (${describeKeychainError(error)}). Secrets will be kept in memory for this run only.`,
    };
  }
}

/**
 * Whether an OS keychain can hold the vault's data key on this machine. The probe only reads
 * (an entry that does not exist), so asking never leaves anything behind in the user's keychain.
 */
export type KeychainStatus = { available: true; backend: string } | { available: false; reason: string };

const PROBE_SERVICE = 'keyless';
const PROBE_ACCOUNT = 'keychain-probe';

function backendName(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'darwin':
      return 'macOS Keychain';
    case 'win32':
      return 'Windows Credential Manager';
    default:
      return 'Secret Service';
  }
}

export async function probeKeychain(platform: NodeJS.Platform = process.platform): Promise<KeychainStatus> {
  try {
    // Loaded on first use: the native addon is not needed for --version or offline drafting.
    const { AsyncEntry } = await import('@napi-rs/keyring');
    await new AsyncEntry(PROBE_SERVICE, PROBE_ACCOUNT).getPassword();
    return { available: true, backend: backendName(platform) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      available: false,
      reason: `${backendName(platform)} is not reachable (${detail}). Secrets will be kept in memory for this run only.`,
    };
  }
}

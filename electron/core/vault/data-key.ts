import { createHash, randomBytes } from 'node:crypto';
import { KeylessFailure } from '../../../shared/errors';
import { describeKeychainError } from './keychain-port';
import type { KeychainPort } from './keychain-port';

/** The keychain entry holding the vault's data key: one per OS user, base64 of 32 random bytes. */
export const DATA_KEY_ACCOUNT = 'vault-data-key';
export const DEFAULT_VAULT_SERVICE = 'keyless';

const KEY_BYTES = 32;

export interface DataKey {
  readonly key: Buffer;
  /** Names the key without revealing it, so a file sealed with another key is recognised as foreign. */
  readonly id: string;
}

function dataKeyFrom(key: Buffer): DataKey {
  const id = createHash('sha256').update('keyless vault data key id\0').update(key).digest('hex').slice(0, 16);
  return { key, id };
}

function decodeStoredKey(stored: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]{43}=$/.test(stored)) return undefined;
  const key = Buffer.from(stored, 'base64');
  return key.length === KEY_BYTES ? key : undefined;
}

function unavailable(keychain: KeychainPort, error: unknown): KeylessFailure {
  return new KeylessFailure({
    code: 'VAULT_KEYCHAIN_UNAVAILABLE',
    message: `${keychain.backend} is not reachable (${describeKeychainError(error)}).`,
    nextStep: nextStepFor(keychain.backend),
  });
}

export function nextStepFor(backend: string): string {
  switch (backend) {
    case 'macOS Keychain':
      return 'Unlock your login keychain and allow Keyless to use it, then restart Keyless.';
    case 'Windows Credential Manager':
      return 'Make sure Windows Credential Manager is available for your account, then restart Keyless.';
    default:
      return 'Start and unlock a Secret Service (for example gnome-keyring or KWallet) in your desktop session, then restart Keyless.';
  }
}

/**
 * Reads the data key from the keychain, creating it on first use. Rejects with
 * VAULT_KEYCHAIN_UNAVAILABLE when the keychain cannot be reached, and with VAULT_DATA_KEY_UNUSABLE
 * when the entry holds something that is not a key of ours: it is left untouched, since it may
 * belong to a newer Keyless.
 */
export async function loadOrCreateDataKey(keychain: KeychainPort, service: string): Promise<DataKey> {
  let stored: string | null;
  try {
    stored = await keychain.getPassword(service, DATA_KEY_ACCOUNT);
  } catch (error) {
    throw unavailable(keychain, error);
  }
  if (stored === null) {
    try {
      await keychain.setPassword(service, DATA_KEY_ACCOUNT, randomBytes(KEY_BYTES).toString('base64'));
      // Read back rather than trust our own copy: if another Keyless process created a key at the
      // same moment, the keychain's copy is the one both must use.
      stored = await keychain.getPassword(service, DATA_KEY_ACCOUNT);
    } catch (error) {
      throw unavailable(keychain, error);
    }
    if (stored === null) throw unavailable(keychain, new Error('the new data key was not kept'));
  }
  const key = decodeStoredKey(stored);
  if (key === undefined) {
    throw new KeylessFailure({
      code: 'VAULT_DATA_KEY_UNUSABLE',
      message: `The ${keychain.backend} entry "${service}" / "${DATA_KEY_ACCOUNT}" does not hold a data key this version of Keyless can use; it was left untouched.`,
      nextStep: `If no other Keyless version uses it, delete that entry from ${keychain.backend} and restart Keyless; a new key is then created.`,
    });
  }
  return dataKeyFrom(key);
}

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { DataKey } from './data-key';
import type { VaultFileProblemCode } from './vault-status';

/**
 * The vault file: a JSON envelope holding only ciphertext. The secrets map (names included) is
 * one AES-256-GCM message; the format, its version and the data key's id are bound to it as
 * associated data, so none of them can be altered without the authentication tag failing.
 */
export const VAULT_FORMAT = 'keyless-vault';
export const VAULT_FORMAT_VERSION = 1;

const IV_BYTES = 12;
const TAG_BYTES = 16;

interface Envelope {
  readonly format: typeof VAULT_FORMAT;
  readonly version: typeof VAULT_FORMAT_VERSION;
  readonly keyId: string;
  readonly iv: string;
  readonly tag: string;
  readonly ciphertext: string;
}

export type UnsealResult =
  | { readonly ok: true; readonly secrets: Map<string, string> }
  | { readonly ok: false; readonly code: VaultFileProblemCode; readonly why: string };

function associatedData(version: number, keyId: string): Buffer {
  return Buffer.from(`${VAULT_FORMAT}\0${version}\0${keyId}`, 'utf8');
}

export function sealSecrets(secrets: ReadonlyMap<string, string>, dataKey: DataKey): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', dataKey.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(VAULT_FORMAT_VERSION, dataKey.id));
  const plaintext = Buffer.from(JSON.stringify({ secrets: Object.fromEntries(secrets) }), 'utf8');
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const envelope: Envelope = {
    format: VAULT_FORMAT,
    version: VAULT_FORMAT_VERSION,
    keyId: dataKey.id,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
  return `${JSON.stringify(envelope)}\n`;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function base64Field(value: unknown, bytes?: number): Buffer | undefined {
  if (typeof value !== 'string' || value.length % 4 !== 0 || !BASE64.test(value)) return undefined;
  const decoded = Buffer.from(value, 'base64');
  return bytes === undefined || decoded.length === bytes ? decoded : undefined;
}

function corrupt(why: string): UnsealResult {
  return { ok: false, code: 'VAULT_CORRUPT', why };
}

function secretsFrom(plaintext: Buffer): UnsealResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(plaintext.toString('utf8'));
  } catch {
    return corrupt('its decrypted content is not a secrets table');
  }
  const table = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).secrets : undefined;
  if (typeof table !== 'object' || table === null || Array.isArray(table)) return corrupt('its decrypted content is not a secrets table');
  const secrets = new Map<string, string>();
  for (const [name, value] of Object.entries(table)) {
    if (typeof value !== 'string') return corrupt('its decrypted content holds a secret that is not text');
    secrets.set(name, value);
  }
  return { ok: true, secrets };
}

/** Opens a vault file's text with the data key. Never reports a secret or the key in `why`. */
export function unsealSecrets(text: string, dataKey: DataKey): UnsealResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return corrupt('it is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as Record<string, unknown>).format !== VAULT_FORMAT) {
    return corrupt(`it is not a ${VAULT_FORMAT} file`);
  }
  const envelope = parsed as Record<string, unknown>;
  if (typeof envelope.version === 'number' && envelope.version > VAULT_FORMAT_VERSION) {
    return { ok: false, code: 'VAULT_FOREIGN', why: `it uses vault format ${envelope.version}, newer than this Keyless understands (${VAULT_FORMAT_VERSION})` };
  }
  if (envelope.version !== VAULT_FORMAT_VERSION) return corrupt('its format version is not recognised');
  if (typeof envelope.keyId !== 'string') return corrupt('it names no data key');
  if (envelope.keyId !== dataKey.id) {
    return { ok: false, code: 'VAULT_FOREIGN', why: 'it was sealed with a different data key than the one in your keychain' };
  }
  const iv = base64Field(envelope.iv, IV_BYTES);
  const tag = base64Field(envelope.tag, TAG_BYTES);
  const ciphertext = base64Field(envelope.ciphertext);
  if (iv === undefined || tag === undefined || ciphertext === undefined) return corrupt('its encryption fields are malformed');
  const decipher = createDecipheriv('aes-256-gcm', dataKey.key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(associatedData(VAULT_FORMAT_VERSION, envelope.keyId));
  decipher.setAuthTag(tag);
  let plaintext: Buffer;
  try {
    plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    return corrupt('its authentication tag does not match (the file was damaged or altered)');
  }
  return secretsFrom(plaintext);
}

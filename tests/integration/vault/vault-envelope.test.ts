import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DataKey } from '../../../electron/core/vault/data-key';
import { sealSecrets, unsealSecrets } from '../../../electron/core/vault/vault-envelope';

/** The sealed format on its own, with data keys made here: no keychain is involved in AES-GCM. */
function dataKey(): DataKey {
  const key = randomBytes(32);
  return { key, id: createHash('sha256').update(key).digest('hex').slice(0, 16) };
}

const secrets = new Map([
  ['sso-token:https://d-1.awsapps.com/start', '{"accessToken":"a"}'],
  ['iics-session:org', 'session'],
]);

type Envelope = Record<string, unknown> & { iv: string; ciphertext: string; keyId: string; version: number };

describe('vault envelope', () => {
  it('round-trips the secrets table and holds only ciphertext', () => {
    const key = dataKey();
    const text = sealSecrets(secrets, key);
    expect(Object.keys(JSON.parse(text) as Envelope).sort()).toEqual(['ciphertext', 'format', 'iv', 'keyId', 'tag', 'version']);
    expect(text).not.toMatch(/sso-token|iics-session|accessToken|session"/);
    expect(unsealSecrets(text, key)).toEqual({ ok: true, secrets });
  });

  it('uses a fresh 12-byte IV for every write', () => {
    const key = dataKey();
    const ivs = Array.from({ length: 20 }, () => (JSON.parse(sealSecrets(secrets, key)) as Envelope).iv);
    expect(new Set(ivs).size).toBe(20);
    expect(ivs.every((iv) => Buffer.from(iv, 'base64').length === 12)).toBe(true);
  });

  it('binds the key id to the ciphertext: relabelling a file for another key fails the authentication tag', () => {
    const key = dataKey();
    const relabelled: DataKey = { key: key.key, id: 'ffffffffffffffff' };
    const envelope = JSON.parse(sealSecrets(secrets, key)) as Envelope;
    const result = unsealSecrets(JSON.stringify({ ...envelope, keyId: relabelled.id }), relabelled);
    expect(result).toMatchObject({ ok: false, code: 'VAULT_CORRUPT', why: expect.stringContaining('authentication tag') as string });
  });

  it('tells a file sealed with another data key (VAULT_FOREIGN) from a damaged one (VAULT_CORRUPT)', () => {
    const text = sealSecrets(secrets, dataKey());
    expect(unsealSecrets(text, dataKey())).toMatchObject({ ok: false, code: 'VAULT_FOREIGN' });
    const envelope = JSON.parse(text) as Envelope;
    expect(unsealSecrets(JSON.stringify({ ...envelope, version: 2 }), dataKey())).toMatchObject({ ok: false, code: 'VAULT_FOREIGN', why: expect.stringContaining('newer') as string });
    expect(unsealSecrets(JSON.stringify({ ...envelope, version: 0 }), dataKey())).toMatchObject({ ok: false, code: 'VAULT_CORRUPT' });
    expect(unsealSecrets(JSON.stringify({ ...envelope, iv: 'short' }), dataKey())).toMatchObject({ ok: false });
    expect(unsealSecrets('', dataKey())).toMatchObject({ ok: false, code: 'VAULT_CORRUPT' });
    expect(unsealSecrets('[]', dataKey())).toMatchObject({ ok: false, code: 'VAULT_CORRUPT' });
  });

  it('never puts the data key or a secret into the reason it gives', () => {
    const key = dataKey();
    const envelope = JSON.parse(sealSecrets(secrets, key)) as Envelope;
    const ciphertext = Buffer.from(envelope.ciphertext, 'base64');
    ciphertext[3] = ciphertext[3]! ^ 0xff;
    const result = unsealSecrets(JSON.stringify({ ...envelope, ciphertext: ciphertext.toString('base64') }), key);
    expect(result.ok).toBe(false);
    const reason = JSON.stringify(result);
    expect(reason).not.toContain(key.key.toString('base64'));
    expect(reason).not.toContain(key.key.toString('hex'));
    expect(reason).not.toMatch(/accessToken|session"/);
  });
});

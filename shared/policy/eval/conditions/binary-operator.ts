import type { CompileValue } from './operator';

/**
 * `BinaryEquals` (IAM User Guide, "Condition operators" → Binary): the policy holds the
 * base-64 encoding of a binary value, compared byte for byte with the request's value (also
 * carried base-64 encoded in a request context). Decoded here without Node or DOM helpers.
 */
export const compileBinaryEquals: CompileValue = (policyValue) => {
  const policy = decodeBase64(policyValue);
  return (requestValue) => {
    const request = decodeBase64(requestValue);
    if (policy === undefined || request === undefined) return 'invalid';
    return sameBytes(policy, request);
  };
};

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT_VALUES = new Map<string, number>([...ALPHABET].map((ch, i) => [ch, i]));

export function decodeBase64(value: string): Uint8Array | undefined {
  const text = value.trim().replace(/=+$/, '');
  if (text.length % 4 === 1) return undefined;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of text) {
    const digit = DIGIT_VALUES.get(ch);
    if (digit === undefined) return undefined;
    buffer = (buffer << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(bytes);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

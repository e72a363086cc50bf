import type { CompileValue } from './operator';

/**
 * `IpAddress` / `NotIpAddress` (IAM User Guide, "Condition operators" → IP address): the
 * policy holds an IPv4 or IPv6 address or CIDR range; an address without a prefix length
 * means the single address (/32 for IPv4, /128 for IPv6). Addresses are compared as bytes,
 * and an IPv4 request never falls in an IPv6 range or the reverse.
 */

export interface AddressRange {
  readonly bytes: Uint8Array;
  readonly prefixLength: number;
}

export const compileIpAddress: CompileValue = (policyValue) => {
  const range = parseCidr(policyValue);
  return (requestValue) => {
    const address = parseIpAddress(requestValue.trim());
    if (range === undefined || address === undefined) return 'invalid';
    return inRange(address, range);
  };
};

export function parseCidr(value: string): AddressRange | undefined {
  const text = value.trim();
  const slash = text.indexOf('/');
  const bytes = parseIpAddress(slash < 0 ? text : text.slice(0, slash));
  if (bytes === undefined) return undefined;
  const maxPrefix = bytes.length * 8;
  if (slash < 0) return { bytes, prefixLength: maxPrefix };
  const prefixText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefixLength = Number(prefixText);
  return prefixLength <= maxPrefix ? { bytes, prefixLength } : undefined;
}

export function inRange(address: Uint8Array, range: AddressRange): boolean {
  if (address.length !== range.bytes.length) return false;
  let remaining = range.prefixLength;
  for (let i = 0; i < address.length && remaining > 0; i++) {
    const bits = Math.min(8, remaining);
    const mask = (0xff << (8 - bits)) & 0xff;
    if (((address[i] as number) & mask) !== ((range.bytes[i] as number) & mask)) return false;
    remaining -= bits;
  }
  return true;
}

/** 4 bytes for IPv4, 16 for IPv6 (with `::` compression and a trailing dotted IPv4 part). */
export function parseIpAddress(text: string): Uint8Array | undefined {
  return text.includes(':') ? parseIpv6(text) : parseIpv4(text);
}

function parseIpv4(text: string): Uint8Array | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const part = parts[i] as string;
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    bytes[i] = n;
  }
  return bytes;
}

function parseIpv6(text: string): Uint8Array | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0] as string);
  const tail = halves.length === 2 ? parseGroups(halves[1] as string) : [];
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  groups.forEach((group, i) => {
    bytes[i * 2] = group >> 8;
    bytes[i * 2 + 1] = group & 0xff;
  });
  return bytes;
}

function parseGroups(text: string): number[] | undefined {
  if (text === '') return [];
  const groups: number[] = [];
  const parts = text.split(':');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (v4 === undefined) return undefined;
      groups.push(((v4[0] as number) << 8) | (v4[1] as number), ((v4[2] as number) << 8) | (v4[3] as number));
      continue;
    }
    if (!/^[0-9a-fA-F]{1,4}$/.test(part)) return undefined;
    groups.push(parseInt(part, 16));
  }
  return groups;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlob, globMatches } from '../../../shared/policy/eval/wildcard';
import { parseCidr, parseIpAddress, inRange } from '../../../shared/policy/eval/conditions/ip-address-operator';

/** An independent reference for the glob: a RegExp built from the pattern. */
function referenceGlob(pattern: string, value: string): boolean {
  const source = [...pattern].map((ch) => (ch === '*' ? '[\\s\\S]*' : ch === '?' ? '[\\s\\S]' : ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`).test(value);
}

const alphabet = fc.constantFrom('a', 'b', ':', '/', '*', '?');
const text = fc.constantFrom('a', 'b', ':', '/');

describe('glob matching agrees with a RegExp reference', () => {
  it('for random patterns and values over a small alphabet', () => {
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 8 }), fc.array(text, { maxLength: 10 }), (patternChars, valueChars) => {
        const pattern = patternChars.join('');
        const value = valueChars.join('');
        expect(globMatches(compileGlob(pattern), value)).toBe(referenceGlob(pattern, value));
      }),
      { numRuns: 5_000 },
    );
  });

  it('a pattern without wildcards matches only itself', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }).filter((s) => !/[*?]/.test(s)), fc.string({ maxLength: 12 }), (pattern, value) => {
        expect(globMatches(compileGlob(pattern), value)).toBe(pattern === value);
      }),
    );
  });
});

describe('IPv4 ranges agree with integer arithmetic', () => {
  it('an address is in a.b.c.d/n exactly when the top n bits agree', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(fc.tuple(octet, octet, octet, octet), fc.tuple(octet, octet, octet, octet), fc.integer({ min: 0, max: 32 }), (net, addr, prefix) => {
        const toInt = (o: number[]): number => ((o[0]! << 24) >>> 0) + (o[1]! << 16) + (o[2]! << 8) + o[3]!;
        const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
        const expected = ((toInt(net) & mask) >>> 0) === ((toInt(addr) & mask) >>> 0);
        const range = parseCidr(`${net.join('.')}/${prefix}`)!;
        expect(inRange(parseIpAddress(addr.join('.'))!, range)).toBe(expected);
      }),
      { numRuns: 2_000 },
    );
  });
});

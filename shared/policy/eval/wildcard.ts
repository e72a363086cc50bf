/**
 * IAM's glob: `*` matches any run of characters (including `/` and `:`), `?` exactly one.
 * A compiled pattern keeps, per character, whether it is a literal or a wildcard, so a
 * literal `*` produced by the `${*}` policy variable stays literal. Matching is a linear
 * backtracking scan with no RegExp, so nothing is compiled per request.
 */

export const LITERAL = 0;
export const STAR = 1;
export const ONE = 2;
export type GlobKind = typeof LITERAL | typeof STAR | typeof ONE;

export interface GlobPattern {
  /** The pattern's characters; wildcard positions hold `*` or `?`. */
  readonly text: string;
  /** Per character kind; undefined when every character is literal. */
  readonly kinds: Uint8Array | undefined;
  /** `*` alone: matches everything, checked before any scan. */
  readonly matchesAll: boolean;
}

export function literalPattern(text: string): GlobPattern {
  return { text, kinds: undefined, matchesAll: false };
}

/** Builds a pattern from pieces; used by the template resolver and by `compileGlob`. */
export class GlobBuilder {
  private text = '';
  private readonly kinds: number[] = [];
  private wildcard = false;

  literal(value: string): void {
    this.text += value;
    for (let i = 0; i < value.length; i++) this.kinds.push(LITERAL);
  }

  star(): void {
    this.text += '*';
    this.kinds.push(STAR);
    this.wildcard = true;
  }

  one(): void {
    this.text += '?';
    this.kinds.push(ONE);
    this.wildcard = true;
  }

  build(): GlobPattern {
    if (!this.wildcard) return literalPattern(this.text);
    const matchesAll = this.kinds.length > 0 && this.kinds.every((k) => k === STAR);
    return { text: this.text, kinds: Uint8Array.from(this.kinds), matchesAll };
  }
}

const globCache = new Map<string, GlobPattern>();
const GLOB_CACHE_LIMIT = 10_000;

/** Compiles a plain glob (no policy variables): every `*` and `?` is a wildcard. Cached. */
export function compileGlob(pattern: string): GlobPattern {
  const cached = globCache.get(pattern);
  if (cached !== undefined) return cached;
  const builder = new GlobBuilder();
  let run = '';
  for (const ch of pattern) {
    if (ch === '*' || ch === '?') {
      if (run !== '') builder.literal(run);
      run = '';
      if (ch === '*') builder.star();
      else builder.one();
    } else {
      run += ch;
    }
  }
  if (run !== '') builder.literal(run);
  const compiled = builder.build();
  if (globCache.size >= GLOB_CACHE_LIMIT) globCache.clear();
  globCache.set(pattern, compiled);
  return compiled;
}

/** Does `value` match the whole pattern? Case-sensitive; callers lower-case both sides when needed. */
export function globMatches(pattern: GlobPattern, value: string): boolean {
  if (pattern.matchesAll) return true;
  const kinds = pattern.kinds;
  const text = pattern.text;
  if (kinds === undefined) return text === value;
  const patternLength = text.length;
  let p = 0;
  let v = 0;
  let starAt = -1;
  let starValue = 0;
  while (v < value.length) {
    if (p < patternLength) {
      const kind = kinds[p];
      if (kind === STAR) {
        starAt = p;
        starValue = v;
        p++;
        continue;
      }
      if (kind === ONE || text.charCodeAt(p) === value.charCodeAt(v)) {
        p++;
        v++;
        continue;
      }
    }
    if (starAt < 0) return false;
    p = starAt + 1;
    starValue++;
    v = starValue;
  }
  while (p < patternLength && kinds[p] === STAR) p++;
  return p === patternLength;
}

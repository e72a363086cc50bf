/**
 * Wildcard reasoning for actions and ARNs. IAM patterns use `*` (any run, also across `/` and
 * `:`) and `?` (one character). The catalogue's ARN templates use `${Variable}` placeholders,
 * which we read as wildcards that cannot cross the separators the variable can never contain.
 */

type Token =
  | { readonly kind: 'literal'; readonly char: string }
  | { readonly kind: 'one' }
  | { readonly kind: 'star'; readonly excluded: string };

/** Patterns larger than this are not compared exactly; callers get the conservative answer. */
const MAX_CELLS = 400_000;

/** A pattern from a policy. Policy variables such as `${aws:username}` can be anything. */
export function policyPattern(text: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (char === '$' && text[i + 1] === '{') {
      const end = text.indexOf('}', i);
      if (end > i) {
        tokens.push({ kind: 'star', excluded: '' });
        i = end;
        continue;
      }
    }
    if (char === '*') tokens.push({ kind: 'star', excluded: '' });
    else if (char === '?') tokens.push({ kind: 'one' });
    else tokens.push({ kind: 'literal', char });
  }
  return tokens;
}

/**
 * What a template variable cannot contain. Bucket names contain neither `/` nor `:` — this is
 * what tells a bucket ARN from an object ARN (parliament makes the same S3 special case).
 */
function excludedFor(variable: string): string {
  if (variable === 'BucketName') return '/:';
  if (variable === 'Partition' || variable === 'Region' || variable === 'Account') return ':';
  return '';
}

/** An ARN template from the catalogue, e.g. `arn:${Partition}:s3:::${BucketName}/${ObjectName}`. */
export function templatePattern(template: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < template.length; i++) {
    const char = template[i] ?? '';
    if (char === '$' && template[i + 1] === '{') {
      const end = template.indexOf('}', i);
      if (end > i) {
        tokens.push({ kind: 'star', excluded: excludedFor(template.slice(i + 2, end)) });
        i = end;
        continue;
      }
    }
    tokens.push({ kind: 'literal', char });
  }
  return tokens;
}

/** Can a star token produce the one character that token `other` stands for? */
function starAbsorbs(star: Token & { kind: 'star' }, other: Token): boolean {
  if (other.kind === 'literal') return !star.excluded.includes(other.char);
  return true;
}

/** True when some string matches both patterns. */
export function patternsIntersect(a: readonly Token[], b: readonly Token[]): boolean {
  const la = a.length;
  const lb = b.length;
  if ((la + 1) * (lb + 1) > MAX_CELLS) return true;
  const width = lb + 1;
  const dp = new Uint8Array((la + 1) * width);
  dp[la * width + lb] = 1;
  for (let i = la; i >= 0; i--) {
    for (let j = lb; j >= 0; j--) {
      if (i === la && j === lb) continue;
      const ta = a[i];
      const tb = b[j];
      let match = false;
      if (ta?.kind === 'star') {
        match = dp[(i + 1) * width + j] === 1 || (tb !== undefined && tb.kind !== 'star' && starAbsorbs(ta, tb) && dp[i * width + j + 1] === 1);
      }
      if (!match && tb?.kind === 'star') {
        match = dp[i * width + j + 1] === 1 || (ta !== undefined && ta.kind !== 'star' && starAbsorbs(tb, ta) && dp[(i + 1) * width + j] === 1);
      }
      if (!match && ta !== undefined && tb !== undefined && ta.kind !== 'star' && tb.kind !== 'star') {
        const compatible = ta.kind === 'one' || tb.kind === 'one' || ta.char === tb.char;
        match = compatible && dp[(i + 1) * width + j + 1] === 1;
      }
      dp[i * width + j] = match ? 1 : 0;
    }
  }
  return dp[0] === 1;
}

/**
 * True when every string `inner` matches is also matched by `outer` (sound, not complete:
 * a `true` is always right). `outer`'s `*` absorbs any run of `inner`, its `?` one non-star
 * token, its literals only equal literals.
 */
export function patternCovers(outer: readonly Token[], inner: readonly Token[]): boolean {
  const lo = outer.length;
  const li = inner.length;
  if ((lo + 1) * (li + 1) > MAX_CELLS) return false;
  const width = li + 1;
  const dp = new Uint8Array((lo + 1) * width);
  dp[lo * width + li] = 1;
  for (let i = lo; i >= 0; i--) {
    for (let j = li; j >= 0; j--) {
      if (i === lo && j === li) continue;
      const to = outer[i];
      const ti = inner[j];
      let match = false;
      if (to?.kind === 'star') match = dp[(i + 1) * width + j] === 1 || (ti !== undefined && dp[i * width + j + 1] === 1);
      else if (to !== undefined && ti !== undefined && ti.kind !== 'star') {
        const compatible = to.kind === 'one' || (ti.kind === 'literal' && to.char === ti.char);
        match = compatible && dp[(i + 1) * width + j + 1] === 1;
      }
      dp[i * width + j] = match ? 1 : 0;
    }
  }
  return dp[0] === 1;
}

/** Without wildcards or variables a pattern covers only itself; most patterns are like that. */
function isLiteral(pattern: string): boolean {
  return !/[*?]|\$\{/.test(pattern);
}

/** Action patterns compare ignoring case, as IAM matches actions. */
export function actionCovers(pattern: string, action: string): boolean {
  if (isLiteral(pattern)) return pattern.toLowerCase() === action.toLowerCase();
  return patternCovers(policyPattern(pattern.toLowerCase()), policyPattern(action.toLowerCase()));
}

export function resourceCovers(pattern: string, resource: string): boolean {
  if (isLiteral(pattern)) return pattern === resource;
  return patternCovers(policyPattern(pattern), policyPattern(resource));
}

/** Does a pattern (`*`, `?`, `${...}` as wildcards) match this exact text? */
export function patternMatchesText(pattern: string, text: string): boolean {
  return patternCovers(policyPattern(pattern), Array.from(text, (char) => ({ kind: 'literal' as const, char })));
}

/** Could the policy resource name something of this catalogue resource type? */
export function resourceFitsTemplate(resource: string, arnTemplate: string): boolean {
  if (resource === '*') return true;
  return patternsIntersect(policyPattern(resource), templatePattern(arnTemplate));
}

import { createScanner, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import type { JsonPath, PolicyProblem } from './parse-problem';

/**
 * Strict JSON for policy text. AWS rejects comments and trailing commas, so jsonc-parser runs
 * with both disallowed; its syntax tree keeps offsets (for line/column) and keeps duplicate
 * keys (which JSON.parse would silently merge, and IAM rejects).
 */

export type { JsonNode };

/** Real policies nest about seven levels; the cap keeps recursive descent off the stack limit. */
export const MAX_NESTING_DEPTH = 32;

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Maps offsets to 1-based line/column; columns count UTF-16 code units, as editors do. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x0a) this.lineStarts.push(i + 1);
      else if (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a) this.lineStarts.push(i + 1);
    }
  }

  position(offset: number): Position {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.lineStarts[low] ?? 0) + 1 };
  }
}

const EXPECTATIONS: Readonly<Record<string, string>> = {
  InvalidSymbol: 'Unexpected characters: expected a JSON value (string in double quotes, number, true, false, null, object or array).',
  InvalidNumberFormat: 'Invalid number: JSON numbers have no leading zeros, hex digits or trailing dots.',
  PropertyNameExpected: 'Expected a property name in double quotes (trailing commas are not allowed).',
  ValueExpected: 'Expected a value.',
  ColonExpected: 'Expected a colon ":" after the property name.',
  CommaExpected: 'Expected a comma "," between elements.',
  CloseBraceExpected: 'Expected a closing brace "}".',
  CloseBracketExpected: 'Expected a closing bracket "]".',
  EndOfFileExpected: 'Expected the end of the document after the top-level value.',
  InvalidCommentToken: 'Comments are not allowed in IAM policy JSON.',
  UnexpectedEndOfComment: 'Comments are not allowed in IAM policy JSON.',
  UnexpectedEndOfString: 'Unterminated string: expected a closing double quote.',
  UnexpectedEndOfNumber: 'Incomplete number: expected digits.',
  InvalidUnicode: 'Invalid \\u escape: expected four hexadecimal digits.',
  InvalidEscapeCharacter: 'Invalid escape sequence: allowed are \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX.',
  InvalidCharacter: 'Control character inside a string: write it as an escape such as \\n or \\t.',
};

const SYNTAX_NEXT_STEP = 'Fix the JSON at the given line and column; IAM accepts strict JSON only.';

export type StrictJsonResult =
  | { readonly ok: true; readonly root: JsonNode }
  | { readonly ok: false; readonly problems: readonly PolicyProblem[] };

// jsonc-parser's SyntaxKind values (an ambient const enum, which isolatedModules cannot read).
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const EOF = 17;

/**
 * Offset of the first bracket that exceeds the depth cap. Uses the parser's own scanner so
 * that strings, comments and broken tokens are split exactly as the parser will split them;
 * a close only pops a matching open, so a stray close never hides depth.
 */
function excessiveNestingOffset(text: string): number | undefined {
  const scanner = createScanner(text, true);
  const open: number[] = [];
  for (;;) {
    const token: number = scanner.scan();
    if (token === EOF) return undefined;
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      open.push(token);
      if (open.length > MAX_NESTING_DEPTH) return scanner.getTokenOffset();
    } else if ((token === CLOSE_BRACE && open[open.length - 1] === OPEN_BRACE) || (token === CLOSE_BRACKET && open[open.length - 1] === OPEN_BRACKET)) {
      open.pop();
    }
  }
}

function syntaxProblem(lines: LineIndex, offset: number, message: string): PolicyProblem {
  return { code: 'JSON_SYNTAX_ERROR', message, nextStep: SYNTAX_NEXT_STEP, path: [], ...lines.position(offset) };
}

export function parseStrictJson(text: string, lines: LineIndex): StrictJsonResult {
  const deep = excessiveNestingOffset(text);
  if (deep !== undefined) {
    return {
      ok: false,
      problems: [
        {
          code: 'JSON_NESTING_TOO_DEEP',
          message: `The JSON nests deeper than ${MAX_NESTING_DEPTH} levels; an IAM policy needs about seven.`,
          nextStep: 'Remove the extra nested objects or arrays.',
          path: [],
          ...lines.position(deep),
        },
      ],
    };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || root === undefined) {
    const problems = errors.map((e) => syntaxProblem(lines, e.offset, EXPECTATIONS[printParseErrorCode(e.error)] ?? 'Invalid JSON.'));
    if (problems.length === 0) problems.push(syntaxProblem(lines, 0, 'The document is empty: expected a JSON object.'));
    // The first error is the cause; the rest are usually the parser recovering from it.
    return { ok: false, problems: problems.slice(0, 1) };
  }
  return { ok: true, root };
}

/**
 * The text node for a path into the normalised model. The model wraps single values in arrays
 * (Statement object → [object], Action string → [string]), so an index into a node that is not
 * an array refers to that node itself.
 */
export function nodeAtModelPath(root: JsonNode, path: JsonPath): JsonNode {
  let node = root;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (node.type !== 'array') continue;
      const child = node.children?.[segment];
      if (child === undefined) return node;
      node = child;
    } else {
      if (node.type !== 'object') return node;
      const property = node.children?.find((p) => p.children?.[0]?.value === segment);
      const value = property?.children?.[1];
      if (value === undefined) return node;
      node = value;
    }
  }
  return node;
}

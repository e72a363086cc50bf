import type { PolicyDocument, PolicyKind, PolicyVersion, Statement } from './model';
import { LineIndex, nodeAtModelPath, parseStrictJson } from './parse-json';
import type { JsonNode, Position } from './parse-json';
import type { JsonPath, PolicyProblem } from './parse-problem';
import { ProblemSink, describeType, propertiesOf, reportDuplicateKeys, sameNameIgnoringCase, stringOf } from './parse-context';
import { readStatement } from './parse-statement';
import { MAX_POLICY_DOCUMENT_LENGTH, POLICY_SIZE_QUOTAS, QUOTA_WARNING_RATIO, countedPolicyCharacters } from './quotas';

/**
 * Policy JSON text → the normalised model (model.ts). Accepts the lenient forms AWS accepts and
 * rejects, with a located problem each, what AWS rejects. Never throws: every failure is a
 * PolicyProblem.
 */

export type { JsonPath, PolicyProblem } from './parse-problem';

export type ParseOutcome =
  | { readonly ok: true; readonly document: PolicyDocument; readonly warnings: readonly PolicyProblem[] }
  | { readonly ok: false; readonly errors: readonly PolicyProblem[] };

export interface ParsedPolicyText {
  readonly outcome: ParseOutcome;
  /** Where a path into the normalised model sits in the text (for findings about the model). */
  locate(path: JsonPath): Position | undefined;
}

const TOP_LEVEL_ELEMENTS = ['Version', 'Id', 'Statement'] as const;
const VERSIONS: readonly PolicyVersion[] = ['2012-10-17', '2008-10-17'];

/** IAM's PolicyDocument parameter admits only TAB, LF, CR and U+0020–U+00FF. */
function firstDisallowedCharacter(text: string): number | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code <= 0xff)) continue;
    return i;
  }
  return undefined;
}

function quotaProblems(text: string, kind: PolicyKind): { errors: PolicyProblem[]; warnings: PolicyProblem[] } {
  const counted = countedPolicyCharacters(text);
  const quota = POLICY_SIZE_QUOTAS[kind];
  const where = { path: [], line: 1, column: 1 };
  if (counted > quota) {
    return {
      errors: [{
        code: 'POLICY_SIZE_EXCEEDS_QUOTA',
        message: `The ${kind} policy has ${counted} characters (whitespace not counted); the quota for its kind is ${quota}.`,
        nextStep: 'Shorten it: merge statements with the same Effect and Resource, use wildcards within your own prefixes, or split it into several managed policies.',
        ...where,
      }],
      warnings: [],
    };
  }
  if (counted > quota * QUOTA_WARNING_RATIO) {
    return {
      errors: [],
      warnings: [{ code: 'POLICY_SIZE_NEAR_QUOTA', message: `The ${kind} policy uses ${counted} of its ${quota} characters.`, nextStep: 'Leave room for later changes, or split the policy.', ...where }],
    };
  }
  return { errors: [], warnings: [] };
}

function readDocument(root: JsonNode, kind: PolicyKind, text: string, sink: ProblemSink): PolicyDocument | undefined {
  if (root.type !== 'object') {
    sink.add('INVALID_ELEMENT_TYPE', `A policy must be a JSON object, not ${describeType(root)}.`, 'Start the document with {"Version": "2012-10-17", "Statement": [...]}.', [], root);
    return undefined;
  }
  reportDuplicateKeys(root, [], sink);
  const found = new Map<string, JsonNode>();
  for (const { key, keyNode, value } of propertiesOf(root)) {
    if ((TOP_LEVEL_ELEMENTS as readonly string[]).includes(key)) {
      if (!found.has(key)) found.set(key, value);
      continue;
    }
    const hint = sameNameIgnoringCase(key, TOP_LEVEL_ELEMENTS);
    sink.add(
      'UNKNOWN_ELEMENT',
      `"${key}" is not a policy element${hint !== undefined ? ` (element names are case-sensitive: did you mean "${hint}"?)` : ''}: expected Version, Id and Statement.`,
      hint !== undefined ? `Rename "${key}" to "${hint}".` : `Remove "${key}", or move it into a statement if it belongs there.`,
      [key],
      keyNode,
    );
  }

  let version: PolicyVersion | undefined;
  const versionNode = found.get('Version');
  if (versionNode !== undefined) {
    const value = stringOf(versionNode);
    version = VERSIONS.find((v) => v === value);
    if (version === undefined) {
      sink.add('INVALID_VERSION', `Version must be "2012-10-17" (or the older "2008-10-17"), not ${value !== undefined ? `"${value}"` : describeType(versionNode)}. It is the policy language version, not a date of your choosing.`, 'Write "Version": "2012-10-17".', ['Version'], versionNode);
    }
  }

  let id: string | undefined;
  const idNode = found.get('Id');
  if (idNode !== undefined) {
    id = stringOf(idNode);
    if (id === undefined) sink.add('INVALID_ELEMENT_TYPE', `Id must be a string, not ${describeType(idNode)}.`, 'Quote the Id or remove it.', ['Id'], idNode);
  }

  const statementNode = found.get('Statement');
  const statements: Statement[] = [];
  if (statementNode === undefined) {
    sink.add('MISSING_STATEMENT', 'The policy has no Statement: expected "Statement": [ {...} ].', 'Add a Statement array with at least one statement.', [], root);
  } else if (statementNode.type === 'array') {
    const items = statementNode.children ?? [];
    if (items.length === 0) sink.add('MISSING_STATEMENT', 'Statement is an empty array: expected at least one statement.', 'Add a statement, e.g. {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"}.', ['Statement'], statementNode);
    items.forEach((item, index) => {
      const statement = readStatement(item, ['Statement', index], kind, text, sink);
      if (statement !== undefined) statements.push(statement);
    });
  } else if (statementNode.type === 'object') {
    const statement = readStatement(statementNode, ['Statement'], kind, text, sink);
    if (statement !== undefined) statements.push(statement);
  } else {
    sink.add('INVALID_ELEMENT_TYPE', `Statement must be an object or an array of objects, not ${describeType(statementNode)}.`, 'Write "Statement": [ {...}, ... ].', ['Statement'], statementNode);
  }
  return {
    ...(version !== undefined ? { Version: version } : {}),
    ...(id !== undefined ? { Id: id } : {}),
    Statement: statements,
  };
}

export function parsePolicyText(text: string, kind: PolicyKind): ParsedPolicyText {
  const noLocation = (): undefined => undefined;
  const failure = (errors: PolicyProblem[]): ParsedPolicyText => ({ outcome: { ok: false, errors }, locate: noLocation });
  if (typeof text !== 'string') {
    return failure([{ code: 'JSON_SYNTAX_ERROR', message: 'The policy must be JSON text.', nextStep: 'Pass the document as a string.', path: [] }]);
  }
  const lines = new LineIndex(text);
  if (text.length > MAX_POLICY_DOCUMENT_LENGTH) {
    return failure([{ code: 'POLICY_DOCUMENT_TOO_LONG', message: `The document is ${text.length} characters long; IAM accepts at most ${MAX_POLICY_DOCUMENT_LENGTH}, whitespace included.`, nextStep: 'Remove formatting whitespace or split the policy.', path: [], ...lines.position(MAX_POLICY_DOCUMENT_LENGTH) }]);
  }
  const disallowed = firstDisallowedCharacter(text);
  if (disallowed !== undefined) {
    const code = text.codePointAt(disallowed) ?? 0;
    return failure([{ code: 'INVALID_POLICY_CHARACTER', message: `The character U+${code.toString(16).toUpperCase().padStart(4, '0')} is not allowed: IAM policy text may contain only tab, line breaks and characters U+0020 to U+00FF.`, nextStep: 'Remove the character, or write it as a \\u escape inside a string.', path: [], ...lines.position(disallowed) }]);
  }
  const json = parseStrictJson(text, lines);
  if (!json.ok) return failure([...json.problems]);

  const sink = new ProblemSink(lines);
  const document = readDocument(json.root, kind, text, sink);
  const quota = quotaProblems(text, kind);
  const errors = [...sink.problems, ...quota.errors];
  if (errors.length > 0 || document === undefined) return failure(errors);
  return {
    outcome: { ok: true, document, warnings: quota.warnings },
    locate: (path) => lines.position(nodeAtModelPath(json.root, path).offset),
  };
}

export function parsePolicy(text: string, kind: PolicyKind): ParseOutcome {
  return parsePolicyText(text, kind).outcome;
}

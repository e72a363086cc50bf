import type { JsonNode, LineIndex } from './parse-json';
import type { JsonPath, PolicyProblem } from './parse-problem';

/** Collects problems while the parser walks the syntax tree, each placed at its node. */
export class ProblemSink {
  readonly problems: PolicyProblem[] = [];

  constructor(private readonly lines: LineIndex) {}

  add(code: string, message: string, nextStep: string, path: JsonPath, node: JsonNode): void {
    this.problems.push({ code, message, nextStep, path, ...this.lines.position(node.offset) });
  }
}

/** Typed reads of jsonc-parser node values (the library types them as `any`). */
export function stringOf(node: JsonNode | undefined): string | undefined {
  const value: unknown = node?.value;
  return node?.type === 'string' && typeof value === 'string' ? value : undefined;
}

export interface Property {
  readonly key: string;
  readonly keyNode: JsonNode;
  readonly value: JsonNode;
}

export function propertiesOf(node: JsonNode): Property[] {
  const out: Property[] = [];
  for (const property of node.children ?? []) {
    const keyNode = property.children?.[0];
    const value = property.children?.[1];
    const key = stringOf(keyNode);
    if (keyNode !== undefined && value !== undefined && key !== undefined) out.push({ key, keyNode, value });
  }
  return out;
}

/** How a node's JSON type is named in messages. */
export function describeType(node: JsonNode): string {
  switch (node.type) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    default:
      return 'null';
  }
}

/** The closest element name ignoring case, for "did you mean" hints on misspelt keys. */
export function sameNameIgnoringCase(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  return known.find((k) => k.toLowerCase() === lower);
}

/**
 * A string or a non-empty array of strings, as AWS accepts for Action, Resource and principal
 * values. Returns undefined (after reporting) when the shape is wrong.
 */
export function readStringList(node: JsonNode, path: JsonPath, element: string, sink: ProblemSink): string[] | undefined {
  if (node.type === 'string') return [stringOf(node) ?? ''];
  if (node.type !== 'array') {
    sink.add('INVALID_ELEMENT_TYPE', `${element} must be a string or an array of strings, not ${describeType(node)}.`, `Write ${element} as "value" or ["value", ...].`, path, node);
    return undefined;
  }
  const items = node.children ?? [];
  if (items.length === 0) {
    sink.add(`EMPTY_ARRAY_${(element.split(/[^A-Za-z]/)[0] ?? element).toUpperCase()}`, `${element} is an empty array: expected at least one value.`, `List at least one value in ${element}, or remove the statement.`, path, node);
    return undefined;
  }
  const values: string[] = [];
  let valid = true;
  items.forEach((item, index) => {
    const value = stringOf(item);
    if (value === undefined) {
      valid = false;
      sink.add('INVALID_ELEMENT_TYPE', `${element} entries must be strings, not ${describeType(item)}.`, `Quote the value: "${element === 'Action' ? 's3:GetObject' : 'value'}".`, [...path, index], item);
    } else values.push(value);
  });
  return valid ? values : undefined;
}

/** Reports every object in the tree that repeats a key: IAM rejects them, JSON.parse would hide them. */
export function reportDuplicateKeys(node: JsonNode, path: JsonPath, sink: ProblemSink): void {
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const { key, keyNode, value } of propertiesOf(node)) {
      if (seen.has(key)) {
        sink.add('DUPLICATE_KEY', `The key "${key}" appears more than once in this object; IAM rejects duplicate keys.`, `Merge the two "${key}" entries into one.`, [...path, key], keyNode);
      }
      seen.add(key);
      reportDuplicateKeys(value, [...path, key], sink);
    }
  } else if (node.type === 'array') {
    (node.children ?? []).forEach((child, index) => reportDuplicateKeys(child, [...path, index], sink));
  }
}

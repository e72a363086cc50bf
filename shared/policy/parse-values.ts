import { parseArn } from './arn';
import type { ConditionBlock, Principal, PrincipalKey } from './model';
import type { JsonNode } from './parse-json';
import type { JsonPath } from './parse-problem';
import { describeType, propertiesOf, readStringList, stringOf } from './parse-context';
import type { ProblemSink } from './parse-context';

/** Element values: actions, resources, principals and conditions, checked as IAM checks them. */

const ACTION_FORMAT = /^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/;

export function readActions(node: JsonNode, path: JsonPath, element: 'Action' | 'NotAction', sink: ProblemSink): string[] | undefined {
  const actions = readStringList(node, path, element, sink);
  if (actions === undefined) return undefined;
  let valid = true;
  actions.forEach((action, index) => {
    if (action === '*' || ACTION_FORMAT.test(action)) return;
    valid = false;
    sink.add(
      'INVALID_ACTION_FORMAT',
      `"${action}" is not an action: expected "*" or "service:ActionName" such as "s3:GetObject" (the service prefix is required).`,
      'Write the action as service prefix, colon, action name; wildcards * and ? are allowed in the name.',
      node.type === 'array' ? [...path, index] : path,
      node.children?.[index] ?? node,
    );
  });
  return valid ? actions : undefined;
}

const ARN_SEGMENT = /^[A-Za-z0-9*?-]+$/;

/**
 * `*` or an ARN with a partition, a service and a resource. Spaces are allowed inside the path
 * after the first `/` of the resource: S3 object keys (and so Informatica folder paths such as
 * "Sales Data") contain them. Everywhere else, and any other whitespace, is malformed.
 */
export function isWellFormedResource(resource: string): boolean {
  if (resource === '*') return true;
  const arn = parseArn(resource);
  if (arn === undefined || !ARN_SEGMENT.test(arn.partition) || !ARN_SEGMENT.test(arn.service)) return false;
  const slash = arn.resource.indexOf('/');
  const head = resource.slice(0, resource.length - arn.resource.length + (slash < 0 ? arn.resource.length : slash));
  const path = slash < 0 ? '' : arn.resource.slice(slash);
  return !/\s/.test(head) && !/[^\S ]/.test(path) && path.trimEnd() === path;
}

export function readResources(node: JsonNode, path: JsonPath, element: 'Resource' | 'NotResource', sink: ProblemSink): string[] | undefined {
  const resources = readStringList(node, path, element, sink);
  if (resources === undefined) return undefined;
  let valid = true;
  resources.forEach((resource, index) => {
    if (isWellFormedResource(resource)) return;
    valid = false;
    sink.add(
      'INVALID_ARN',
      `"${resource}" is not a valid resource: expected "*" or an ARN of the form arn:partition:service:region:account:resource, e.g. arn:aws:s3:::my-bucket/*.`,
      'Write the full ARN; S3 bucket and object ARNs leave region and account empty (arn:aws:s3:::bucket).',
      node.type === 'array' ? [...path, index] : path,
      node.children?.[index] ?? node,
    );
  });
  return valid ? resources : undefined;
}

const PRINCIPAL_KEYS: readonly PrincipalKey[] = ['AWS', 'Service', 'Federated', 'CanonicalUser'];

function isAwsPrincipal(value: string): boolean {
  if (value === '*' || /^\d{12}$/.test(value)) return true;
  const arn = parseArn(value);
  return arn !== undefined && (arn.service === 'iam' || arn.service === 'sts');
}

export function readPrincipal(node: JsonNode, path: JsonPath, element: 'Principal' | 'NotPrincipal', sink: ProblemSink): Principal | undefined {
  if (node.type === 'string') {
    if (stringOf(node) === '*') return '*';
    sink.add('INVALID_PRINCIPAL_FORMAT', `${element} must be "*" or an object such as {"AWS": "arn:aws:iam::111122223333:root"}, not the string "${stringOf(node) ?? ''}".`, `Wrap the value by kind: {"AWS": ...}, {"Service": ...} or {"Federated": ...}.`, path, node);
    return undefined;
  }
  if (node.type !== 'object') {
    sink.add('INVALID_PRINCIPAL_FORMAT', `${element} must be "*" or an object, not ${describeType(node)}.`, `Write ${element} as {"AWS": "..."} or {"Service": "..."}.`, path, node);
    return undefined;
  }
  const properties = propertiesOf(node);
  if (properties.length === 0) {
    sink.add('INVALID_PRINCIPAL_FORMAT', `${element} is an empty object: expected at least one of ${PRINCIPAL_KEYS.join(', ')}.`, `Name who is trusted, e.g. {"Service": "ec2.amazonaws.com"}.`, path, node);
    return undefined;
  }
  const principal: Partial<Record<PrincipalKey, readonly string[]>> = {};
  let valid = true;
  for (const { key, keyNode, value } of properties) {
    const principalKey = PRINCIPAL_KEYS.find((k) => k === key);
    if (principalKey === undefined) {
      valid = false;
      sink.add('INVALID_PRINCIPAL_KEY', `"${key}" is not a principal type: expected ${PRINCIPAL_KEYS.join(', ')} (case-sensitive).`, 'Use one of the principal types listed.', [...path, key], keyNode);
      continue;
    }
    const values = readStringList(value, [...path, key], `${element}.${key}`, sink);
    if (values === undefined) {
      valid = false;
      continue;
    }
    if (principalKey === 'AWS') {
      values.forEach((v, index) => {
        if (isAwsPrincipal(v)) return;
        valid = false;
        sink.add('INVALID_PRINCIPAL_FORMAT', `"${v}" is not an AWS principal: expected "*", a 12-digit account ID, or an IAM/STS ARN such as arn:aws:iam::111122223333:role/name.`, 'Use the account ID or the full ARN of the role or user.', value.type === 'array' ? [...path, key, index] : [...path, key], value.children?.[index] ?? value);
      });
    }
    if (values.some((v) => v === '')) {
      valid = false;
      sink.add('INVALID_PRINCIPAL_FORMAT', `${element}.${key} contains an empty string.`, 'Remove the empty value or fill it in.', [...path, key], value);
    }
    principal[principalKey] = values;
  }
  return valid ? principal : undefined;
}

const OPERATOR_BASES = [
  'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike',
  'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals',
  'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals',
  'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress', 'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike',
];

/**
 * A condition operator: a base name, optionally `IfExists`, optionally qualified by
 * `ForAnyValue:`/`ForAllValues:`; `Null` takes neither suffix. Matched ignoring case so that a
 * valid document is never rejected over case, which the sources we have do not settle.
 */
export function isConditionOperator(name: string): boolean {
  const unqualified = name.replace(/^(ForAnyValue|ForAllValues):/i, '').toLowerCase();
  if (unqualified === 'null') return true;
  const base = unqualified.endsWith('ifexists') ? unqualified.slice(0, -'ifexists'.length) : unqualified;
  return OPERATOR_BASES.some((b) => b.toLowerCase() === base);
}

function conditionValue(node: JsonNode, text: string): string | undefined {
  if (node.type === 'string') return stringOf(node);
  // Numbers keep their written form ("1.0" stays "1.0"): IAM compares condition values as text.
  if (node.type === 'number' || node.type === 'boolean') return text.slice(node.offset, node.offset + node.length);
  return undefined;
}

export function readCondition(node: JsonNode, path: JsonPath, text: string, sink: ProblemSink): ConditionBlock | undefined {
  if (node.type !== 'object') {
    sink.add('INVALID_ELEMENT_TYPE', `Condition must be an object of operators, not ${describeType(node)}.`, 'Write Condition as {"StringEquals": {"key": "value"}}.', path, node);
    return undefined;
  }
  const block: Record<string, Record<string, readonly string[]>> = {};
  let valid = true;
  for (const { key: operator, keyNode, value: keys } of propertiesOf(node)) {
    const operatorPath = [...path, operator];
    if (!isConditionOperator(operator)) {
      valid = false;
      sink.add('INVALID_CONDITION_OPERATOR', `"${operator}" is not a condition operator: expected e.g. StringEquals, StringLike, ArnLike, Bool, IpAddress, NumericLessThan, DateGreaterThan or Null, optionally with IfExists or ForAnyValue:/ForAllValues:.`, 'Correct the operator name.', operatorPath, keyNode);
      continue;
    }
    if (keys.type !== 'object') {
      valid = false;
      sink.add('INVALID_ELEMENT_TYPE', `The operator ${operator} must map to an object of condition keys, not ${describeType(keys)}.`, `Write {"${operator}": {"aws:SourceAccount": "111122223333"}}.`, operatorPath, keys);
      continue;
    }
    const entries: Record<string, readonly string[]> = {};
    const seenLower = new Map<string, string>();
    for (const { key: conditionKey, keyNode: conditionKeyNode, value } of propertiesOf(keys)) {
      const keyPath = [...operatorPath, conditionKey];
      if (!/^[^:\s]+:\S+$/.test(conditionKey)) {
        valid = false;
        sink.add('INVALID_CONDITION_KEY_FORMAT', `"${conditionKey}" is not a condition key: expected a service prefix and a name, such as aws:SourceIp or s3:prefix.`, 'Prefix the key with its service, e.g. "aws:" or "s3:".', keyPath, conditionKeyNode);
        continue;
      }
      const earlier = seenLower.get(conditionKey.toLowerCase());
      if (earlier !== undefined && earlier !== conditionKey) {
        valid = false;
        sink.add('DUPLICATE_KEYS_WITH_DIFFERENT_CASE', `The condition keys "${earlier}" and "${conditionKey}" differ only in case; condition keys are case-insensitive, so they collide.`, 'Merge their values under one key.', keyPath, conditionKeyNode);
      }
      seenLower.set(conditionKey.toLowerCase(), conditionKey);
      const items = value.type === 'array' ? (value.children ?? []) : [value];
      const values: string[] = [];
      items.forEach((item, index) => {
        const v = conditionValue(item, text);
        if (v === undefined) {
          valid = false;
          sink.add('INVALID_CONDITION_VALUE', `Condition values must be strings, numbers or booleans, not ${describeType(item)}.`, 'Write the value as a string, e.g. "true" or "111122223333".', value.type === 'array' ? [...keyPath, index] : keyPath, item);
        } else values.push(v);
      });
      entries[conditionKey] = values;
    }
    block[operator] = entries;
  }
  return valid ? block : undefined;
}

import type { ConditionBlock, Effect, Principal, PolicyKind, Statement } from './model';
import type { JsonNode } from './parse-json';
import type { JsonPath } from './parse-problem';
import { describeType, propertiesOf, sameNameIgnoringCase, stringOf } from './parse-context';
import type { ProblemSink } from './parse-context';
import { readActions, readCondition, readPrincipal, readResources } from './parse-values';

const STATEMENT_ELEMENTS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'] as const;
type StatementElement = (typeof STATEMENT_ELEMENTS)[number];

/** Identity-based documents: attached to a role, they name no principal. */
export function isIdentityKind(kind: PolicyKind): boolean {
  return kind === 'managed' || kind === 'inline' || kind === 'boundary';
}

function exclusivePair(
  found: ReadonlyMap<StatementElement, JsonNode>,
  a: StatementElement,
  b: StatementElement,
  path: JsonPath,
  sink: ProblemSink,
): void {
  const second = found.get(b);
  if (found.has(a) && second !== undefined) {
    sink.add('UNSUPPORTED_ELEMENT_COMBINATION', `A statement cannot have both ${a} and ${b}.`, `Keep either ${a} or ${b}.`, [...path, b], second);
  }
}

/** Converts one statement object; returns undefined when it has problems (all reported). */
export function readStatement(node: JsonNode, path: JsonPath, kind: PolicyKind, text: string, sink: ProblemSink): Statement | undefined {
  if (node.type !== 'object') {
    sink.add('INVALID_ELEMENT_TYPE', `A statement must be an object, not ${describeType(node)}.`, 'Write each statement as {"Effect": ..., "Action": ..., "Resource": ...}.', path, node);
    return undefined;
  }
  const before = sink.problems.length;
  const found = new Map<StatementElement, JsonNode>();
  for (const { key, keyNode, value } of propertiesOf(node)) {
    const element = STATEMENT_ELEMENTS.find((e) => e === key);
    if (element === undefined) {
      const hint = sameNameIgnoringCase(key, STATEMENT_ELEMENTS);
      sink.add(
        'UNKNOWN_ELEMENT',
        `"${key}" is not a statement element${hint !== undefined ? ` (element names are case-sensitive: did you mean "${hint}"?)` : ''}: expected ${STATEMENT_ELEMENTS.join(', ')}.`,
        hint !== undefined ? `Rename "${key}" to "${hint}".` : `Remove "${key}".`,
        [...path, key],
        keyNode,
      );
    } else if (!found.has(element)) found.set(element, value);
  }
  exclusivePair(found, 'Action', 'NotAction', path, sink);
  exclusivePair(found, 'Resource', 'NotResource', path, sink);
  exclusivePair(found, 'Principal', 'NotPrincipal', path, sink);

  let sid: string | undefined;
  const sidNode = found.get('Sid');
  if (sidNode !== undefined) {
    sid = stringOf(sidNode);
    if (sid === undefined) sink.add('INVALID_ELEMENT_TYPE', `Sid must be a string, not ${describeType(sidNode)}.`, 'Quote the Sid, e.g. "ReadObjects".', [...path, 'Sid'], sidNode);
  }

  let effect: Effect | undefined;
  const effectNode = found.get('Effect');
  if (effectNode === undefined) {
    sink.add('MISSING_EFFECT', 'The statement has no Effect: expected "Effect": "Allow" or "Effect": "Deny".', 'Add "Effect": "Allow" (or "Deny").', path, node);
  } else {
    const value = stringOf(effectNode);
    if (value === 'Allow' || value === 'Deny') effect = value;
    else sink.add('INVALID_EFFECT', `Effect must be "Allow" or "Deny" (case-sensitive), not ${value !== undefined ? `"${value}"` : describeType(effectNode)}.`, 'Write "Allow" or "Deny".', [...path, 'Effect'], effectNode);
  }

  const actionNode = found.get('Action');
  const notActionNode = found.get('NotAction');
  const action = actionNode && readActions(actionNode, [...path, 'Action'], 'Action', sink);
  const notAction = notActionNode && readActions(notActionNode, [...path, 'NotAction'], 'NotAction', sink);
  if (actionNode === undefined && notActionNode === undefined) {
    sink.add('MISSING_ACTION', 'The statement has no Action: expected "Action" (or "NotAction") with at least one action.', 'Add "Action": "service:ActionName", e.g. "s3:GetObject".', path, node);
  }

  const resourceNode = found.get('Resource');
  const notResourceNode = found.get('NotResource');
  let resource: string[] | undefined;
  let notResource: string[] | undefined;
  if (kind === 'trust') {
    const present = resourceNode ?? notResourceNode;
    if (present !== undefined) {
      const name = resourceNode !== undefined ? 'Resource' : 'NotResource';
      sink.add('UNSUPPORTED_RESOURCE_IN_TRUST_POLICY', `A trust policy cannot have ${name}: the role it is attached to is the resource.`, `Remove ${name} from the statement.`, [...path, name], present);
    }
  } else {
    resource = resourceNode && readResources(resourceNode, [...path, 'Resource'], 'Resource', sink);
    notResource = notResourceNode && readResources(notResourceNode, [...path, 'NotResource'], 'NotResource', sink);
    if (resourceNode === undefined && notResourceNode === undefined) {
      sink.add('MISSING_RESOURCE', 'The statement has no Resource: expected "Resource" (or "NotResource") with "*" or ARNs.', 'Add "Resource" with the ARNs the actions apply to.', path, node);
    }
  }

  const principalNode = found.get('Principal');
  const notPrincipalNode = found.get('NotPrincipal');
  let principal: Principal | undefined;
  let notPrincipal: Principal | undefined;
  if (isIdentityKind(kind)) {
    const present = principalNode ?? notPrincipalNode;
    if (present !== undefined) {
      const name = principalNode !== undefined ? 'Principal' : 'NotPrincipal';
      sink.add('UNSUPPORTED_PRINCIPAL', `A ${kind} policy is identity-based and cannot have ${name}: the principal is whoever the policy is attached to.`, `Remove ${name}, or lint the document as a trust or resource policy.`, [...path, name], present);
    }
  } else {
    principal = principalNode && readPrincipal(principalNode, [...path, 'Principal'], 'Principal', sink);
    notPrincipal = notPrincipalNode && readPrincipal(notPrincipalNode, [...path, 'NotPrincipal'], 'NotPrincipal', sink);
    if (principalNode === undefined && notPrincipalNode === undefined) {
      sink.add('MISSING_PRINCIPAL', `A ${kind} policy statement needs a Principal: expected e.g. "Principal": {"Service": "ec2.amazonaws.com"}.`, 'Add a Principal naming who may act.', path, node);
    }
    if (notPrincipalNode !== undefined && effect === 'Allow') {
      sink.add('NOT_PRINCIPAL_WITH_ALLOW', 'NotPrincipal cannot be used with "Effect": "Allow": it would allow everyone except the listed principals.', 'Use Principal with the principals to allow.', [...path, 'NotPrincipal'], notPrincipalNode);
    }
  }

  const conditionNode = found.get('Condition');
  const condition: ConditionBlock | undefined = conditionNode && readCondition(conditionNode, [...path, 'Condition'], text, sink);

  if (sink.problems.length > before || effect === undefined) return undefined;
  return {
    ...(sid !== undefined ? { Sid: sid } : {}),
    Effect: effect,
    ...(principal !== undefined ? { Principal: principal } : {}),
    ...(notPrincipal !== undefined ? { NotPrincipal: notPrincipal } : {}),
    ...(action !== undefined ? { Action: action } : {}),
    ...(notAction !== undefined ? { NotAction: notAction } : {}),
    ...(resource !== undefined ? { Resource: resource } : {}),
    ...(notResource !== undefined ? { NotResource: notResource } : {}),
    ...(condition !== undefined ? { Condition: condition } : {}),
  };
}

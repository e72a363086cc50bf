import type { EvaluationInput, EvaluationResult, MatchedStatement } from './evaluation-types';
import { parseArn } from './arn';
import type { NamedPolicy } from './model';
import { callerLabel } from './eval/caller';
import { compilePolicy } from './eval/compiled-policy';
import { strongerGrant, type GrantKind } from './eval/principal-match';
import { describeRequest, listStatements, withProblems, type DecidingStatement, type PolicySide } from './eval/reason';
import { EvaluationRequest } from './eval/request';
import { matchStatement, type StatementScope } from './eval/statement-match';

/**
 * IAM policy evaluation for one request (IAM User Guide: "Policy evaluation logic",
 * "How AWS enforcement code logic evaluates requests to allow or deny access",
 * "Cross-account policy evaluation logic", "Permissions boundaries for IAM entities").
 *
 * 1. Any applicable Deny — identity policy, permissions boundary or resource policy — is an
 *    explicit deny.
 * 2. The identity side allows when an identity policy allows and, if there is a permissions
 *    boundary, the boundary allows too (the effective permissions are the intersection).
 * 3. Same account: the identity side OR the resource policy can allow. How the resource policy
 *    names the caller decides whether the boundary still applies ("Permissions boundaries",
 *    Evaluating effective permissions → Resource-based policies): a grant to the IAM user's
 *    ARN or to the role session's ARN is not limited by the boundary; a grant to the role's
 *    ARN is. A grant to the account delegates to the account, so the identity side must allow.
 *    A `"*"` grant is treated like a role-ARN grant (the boundary applies) — the documentation
 *    does not cover it, and this is the cautious reading.
 * 4. Cross-account (the principal's account differs from `resourceAccount`, or from the account
 *    in the resource ARN when that is not given): both the identity side and the resource policy
 *    must allow.
 * 5. Role trust policies (sts:AssumeRole… on a role, with the trust policy as the resource
 *    policy) must always allow: they are the documented exception to "either side is enough".
 *    In the same account a trust policy naming the caller's ARN is sufficient (the STS
 *    AssumeRole reference), though a boundary must still allow sts:AssumeRole ("Update a role
 *    trust policy"); a trust policy naming the account needs an identity policy as well.
 * 6. A service principal (e.g. ec2.amazonaws.com) has no identity policies: the resource policy
 *    alone decides. The account root user has full access in its own account.
 * Otherwise the request is implicitly denied. SCPs, RCPs and session policies are not modelled.
 */
export function evaluate(input: EvaluationInput): EvaluationResult {
  const request = new EvaluationRequest(input.request);
  const callerHasBoundary = input.permissionsBoundary !== undefined;
  const identity = scan(input.identityPolicies, 'identity', request, { resourceBased: false, callerHasBoundary });
  const boundary = input.permissionsBoundary === undefined ? undefined : scan([input.permissionsBoundary], 'boundary', request, { resourceBased: false, callerHasBoundary });
  const resource = input.resourcePolicy === undefined ? undefined : scan([input.resourcePolicy], 'resource', request, { resourceBased: true, callerHasBoundary });
  const problems = [...identity.problems, ...(boundary?.problems ?? []), ...(resource?.problems ?? [])];
  const subject = describeRequest(request.action, request.resource);

  const denies = [...identity.denies, ...(boundary?.denies ?? []), ...(resource?.denies ?? [])];
  if (denies.length > 0) return decided('explicitDeny', denies, `Denied: ${subject} is explicitly denied by ${listStatements(denies)}`, problems);

  const allow = (statements: DecidingStatement[]): EvaluationResult => decided('allowed', statements, `Allowed: ${subject} is allowed by ${listStatements(statements)}`, problems);
  const deny = (sentence: string): EvaluationResult => decided('implicitDeny', [], `Denied: ${sentence}`, problems);

  const caller = request.caller;
  // An IAM role ARN carries its account; an S3 ARN does not, so buckets need `resourceAccount`.
  const resourceAccount = input.resourceAccount ?? (parseArn(request.resource)?.account || undefined);
  const who = callerLabel(caller);
  const boundaryAllows = boundary === undefined || boundary.allows.length > 0;
  const boundaryStatements = boundary?.allows ?? [];
  const rootOfOwnAccount = caller.kind === 'root' && (resourceAccount === undefined || resourceAccount === caller.account);
  const identityAllows = identity.allows.length > 0 && boundaryAllows;
  const identityStatements = [...identity.allows, ...boundaryStatements];
  const grant = resource?.grant;
  const resourceName = input.resourcePolicy?.name;
  const noIdentityAllow = (): string =>
    identity.allows.length > 0
      ? `${listStatements(identity.allows)} allows ${subject}, but the permissions boundary "${input.permissionsBoundary?.name ?? ''}" does not`
      : `no identity policy allows ${subject}`;

  if (caller.kind === 'service') {
    if (grant !== undefined) return allow(resource?.allows ?? []);
    return deny(`no statement${resourceName === undefined ? '' : ` in resource policy "${resourceName}"`} allows ${who} to perform ${subject}`);
  }

  const crossAccount = caller.account !== undefined && resourceAccount !== undefined && caller.account !== resourceAccount;
  const resourceStatements = resource?.allows ?? [];

  if (isTrustRequest(request.actionLower, request.resource) && resource !== undefined) {
    if (grant === undefined) return deny(`trust policy "${resourceName ?? ''}" does not allow ${who} to perform ${subject}`);
    if (crossAccount || grant === 'account' || grant === 'everyone') {
      if (identityAllows || rootOfOwnAccount) return allow([...identityStatements, ...resourceStatements]);
      const why = crossAccount ? `this is cross-account (caller in ${caller.account ?? '?'}, role in ${resourceAccount ?? '?'})` : 'the trust policy does not name the caller itself';
      return deny(`trust policy "${resourceName ?? ''}" admits ${who}, but ${why}, so an identity policy must also allow it, and ${noIdentityAllow()}`);
    }
    if (boundaryAllows) return allow([...resourceStatements, ...boundaryStatements]);
    return deny(`trust policy "${resourceName ?? ''}" admits ${who}, but the permissions boundary "${input.permissionsBoundary?.name ?? ''}" does not allow ${subject}`);
  }

  if (crossAccount) {
    const identitySide = identityAllows || caller.kind === 'root';
    if (identitySide && grant !== undefined) return allow([...identityStatements, ...resourceStatements]);
    const accounts = `the caller is in account ${caller.account ?? '?'} and the resource in ${resourceAccount ?? '?'}, so both sides must allow it`;
    if (identitySide) {
      const rp = resourceName === undefined ? 'no resource policy was given' : `resource policy "${resourceName}" does not allow it for ${who}`;
      return deny(`${subject} is allowed on the identity side, but ${rp}; ${accounts}`);
    }
    if (grant !== undefined) return deny(`resource policy "${resourceName ?? ''}" allows ${subject}, but ${noIdentityAllow()}; ${accounts}`);
    return deny(`no statement allows ${subject} (${accounts})`);
  }

  if (identityAllows) return allow(identityStatements);
  if (rootOfOwnAccount) return decided('allowed', [], `Allowed: ${subject} — the account root user has full access in its own account unless a policy denies it`, problems);
  if (grant === 'direct') return allow(resourceStatements);
  if ((grant === 'role' || grant === 'everyone') && boundaryAllows) return allow([...resourceStatements, ...boundaryStatements]);
  if (grant === 'role' || grant === 'everyone') {
    return deny(`resource policy "${resourceName ?? ''}" allows ${subject} for ${who}, but the permissions boundary "${input.permissionsBoundary?.name ?? ''}" does not (a grant to a role ARN is limited by the boundary)`);
  }
  if (grant === 'account') return deny(`resource policy "${resourceName ?? ''}" grants ${subject} to the account, which leaves it to identity policies, and ${noIdentityAllow()}`);
  if (identity.allows.length > 0) return deny(noIdentityAllow());
  return deny(`no statement allows ${subject}`);
}

/** Role assumption: the resource is an IAM role and the action one of STS's trust-policy actions. */
function isTrustRequest(actionLower: string, resource: string): boolean {
  return TRUST_ACTIONS.has(actionLower) && /^arn:[^:]+:iam::[^:]*:role\//.test(resource);
}

const TRUST_ACTIONS = new Set([
  'sts:assumerole',
  'sts:assumerolewithsaml',
  'sts:assumerolewithwebidentity',
  'sts:tagsession',
  'sts:setsourceidentity',
  'sts:setcontext',
]);

interface PolicyScan {
  readonly allows: DecidingStatement[];
  readonly denies: DecidingStatement[];
  readonly problems: string[];
  /** Strongest way an allowing statement of a resource-based policy names the caller. */
  grant: GrantKind | undefined;
}

function scan(policies: readonly NamedPolicy[], side: PolicySide, request: EvaluationRequest, scope: StatementScope): PolicyScan {
  const result: PolicyScan = { allows: [], denies: [], problems: [], grant: undefined };
  for (const policy of policies) {
    for (const statement of compilePolicy(policy.document).statements) {
      const match = matchStatement(statement, request, scope);
      if (match.problem !== undefined) result.problems.push(`Statement[${statement.index}] of "${policy.name}" did not apply: ${match.problem}`);
      if (!match.applies) continue;
      const found: DecidingStatement = {
        policy: policy.name,
        statementIndex: statement.index,
        effect: statement.effect,
        side,
        ...(statement.sid === undefined ? {} : { sid: statement.sid }),
      };
      if (statement.effect === 'Deny') result.denies.push(found);
      else {
        result.allows.push(found);
        result.grant = strongerGrant(result.grant, match.grant);
      }
    }
  }
  return result;
}

function decided(decision: EvaluationResult['decision'], statements: readonly DecidingStatement[], sentence: string, problems: readonly string[]): EvaluationResult {
  const matchedStatements: MatchedStatement[] = statements.map(({ side: _side, ...statement }) => statement);
  return { decision, matchedStatements, reason: withProblems(sentence, problems) };
}

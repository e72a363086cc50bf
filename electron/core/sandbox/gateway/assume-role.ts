import { errorResponse, escapeXml } from './wire-errors';
import { forwardBuffered, xmlValue } from './proxy';
import type { BufferedResponse } from './proxy';
import type { GatewayContext, InterceptAnswer, InterceptedCall } from './gateway-context';
import type { KnownPrincipal } from './principal-index';
import { loadPolicy, loadPrincipal, principalPolicies } from './stored-policies';

/**
 * sts:AssumeRole judged as STS judges it: the role must exist and have propagated, and the
 * evaluator must allow the call given the caller's policies and the role's trust policy (with
 * `sts:ExternalId` when given). moto first authenticates the request (signature, key); the
 * credentials come from moto so every later call with them is moto-enforced too.
 */

const ROLE_ARN = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;

export async function interceptAssumeRole(ctx: GatewayContext, intercepted: InterceptedCall): Promise<InterceptAnswer> {
  const { call, incoming, body, requestId } = intercepted;
  const caller = await ctx.principals.identify(call.accessKeyId);
  const fromMoto = await forwardBuffered(ctx.moto, incoming, body);
  // An unknown caller or a failed authentication: moto's answer stands. moto's own trust check
  // crashes (HTML 500) on some trust policies, e.g. a service principal; that happens after it has
  // authenticated the caller, so the gateway judges those itself.
  const motoCode = xmlValue(fromMoto.body.toString('utf8'), 'Code');
  const motoCouldNotJudge = fromMoto.status >= 500 && motoCode === undefined;
  if (caller === undefined || (fromMoto.status !== 200 && motoCode !== 'AccessDenied' && !motoCouldNotJudge)) {
    return remember(ctx, fromMoto);
  }
  const roleArn = call.params.get('RoleArn') ?? '';
  const sessionName = call.params.get('RoleSessionName') ?? '';
  const denied = (): InterceptAnswer =>
    errorResponse('query', 'sts', { code: 'AccessDenied', message: `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, status: 403 }, requestId);

  const parsedArn = ROLE_ARN.exec(roleArn);
  if (parsedArn === null) return denied();
  const [, , roleAccount, roleName] = parsedArn as unknown as [string, string, string, string];
  const role = await ctx.access.role(roleAccount, roleName);
  if (role === undefined || ctx.propagation.isAssumptionPending(roleAccount, roleName)) return denied();

  const durationSeconds = Number(call.params.get('DurationSeconds') ?? '3600');
  const chaining = caller.kind === 'assumed-role';
  if (durationSeconds > role.maxSessionDuration || (chaining && durationSeconds > 3600)) {
    const message = chaining
      ? 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.'
      : 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.';
    return errorResponse('query', 'sts', { code: 'ValidationError', message, status: 400 }, requestId);
  }

  if (!(await allowedToAssume(ctx, caller, roleArn, roleAccount, role.trustPolicyText, call.params.get('ExternalId')))) return denied();

  if (fromMoto.status === 200) return remember(ctx, fromMoto);
  // moto applied its own, narrower trust check; ours allowed it, so issue the session ourselves.
  const session = await ctx.access.mint(roleArn, sessionName, durationSeconds);
  ctx.principals.rememberSession(session.accessKeyId, session.assumedRoleArn, session.expiration.getTime(), session.secretAccessKey);
  return {
    status: 200,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body:
      '<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>' +
      `<AssumedRoleUser><Arn>${escapeXml(session.assumedRoleArn)}</Arn><AssumedRoleId>${escapeXml(session.assumedRoleId)}</AssumedRoleId></AssumedRoleUser>` +
      `<Credentials><AccessKeyId>${session.accessKeyId}</AccessKeyId><SecretAccessKey>${escapeXml(session.secretAccessKey)}</SecretAccessKey>` +
      `<SessionToken>${escapeXml(session.sessionToken)}</SessionToken><Expiration>${session.expiration.toISOString()}</Expiration></Credentials>` +
      `</AssumeRoleResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></AssumeRoleResponse>`,
  };
}

/**
 * One evaluation with the trust policy as the resource policy: the evaluator applies the trust
 * rules (trust must always allow; in the same account a trust naming the caller suffices, one
 * naming the account needs an identity allow too; cross-account needs both).
 */
async function allowedToAssume(
  ctx: GatewayContext,
  caller: KnownPrincipal,
  roleArn: string,
  roleAccount: string,
  trustText: string,
  externalId: string | null,
): Promise<boolean> {
  const trust = loadPolicy({ name: 'TrustPolicy', text: trustText, sourceType: 'resource' }, 'trust');
  if (!trust.ok) return false;
  const stored = await principalPolicies(ctx, caller.arn);
  if (stored === undefined) return false;
  const loaded = loadPrincipal(stored);
  if (!loaded.ok) return false;
  const decision = ctx.evaluate({
    request: {
      action: 'sts:AssumeRole',
      resource: roleArn,
      principal: { arn: caller.arn, account: caller.account },
      ...(externalId !== null ? { context: { 'sts:ExternalId': externalId } } : {}),
    },
    identityPolicies: loaded.principal.identity.map((policy) => policy.policy),
    ...(loaded.principal.boundary !== undefined ? { permissionsBoundary: loaded.principal.boundary.policy } : {}),
    resourcePolicy: trust.loaded.policy,
    resourceAccount: roleAccount,
  });
  return decision.decision === 'allowed';
}

function remember(ctx: GatewayContext, answer: BufferedResponse): BufferedResponse {
  if (answer.status !== 200) return answer;
  const text = answer.body.toString('utf8');
  const accessKeyId = xmlValue(text, 'AccessKeyId');
  const arn = xmlValue(text, 'Arn');
  const expiration = xmlValue(text, 'Expiration');
  if (accessKeyId !== undefined && arn !== undefined) {
    ctx.principals.rememberSession(accessKeyId, arn, expiration !== undefined ? Date.parse(expiration) : Date.now() + 3_600_000, xmlValue(text, 'SecretAccessKey'));
  }
  return answer;
}

import { errorResponse } from './wire-errors';
import { xmlValue } from './proxy';
import type { BufferedResponse } from './proxy';
import type { GatewayContext, InterceptAnswer } from './gateway-context';
import type { KnownPrincipal } from './principal-index';
import { loadPrincipal, principalPolicies } from './stored-policies';

/**
 * EC2's authorisation answers. moto refuses EC2 calls with IAM's `AccessDenied` in IAM's XML,
 * where EC2 answers `UnauthorizedOperation` in its own format; and moto does not check that the
 * caller may pass the instance profile's role to EC2 (`iam:PassRole`), which EC2 requires for
 * AssociateIamInstanceProfile, ReplaceIamInstanceProfileAssociation and RunInstances.
 */

const UNAUTHORIZED = 'You are not authorized to perform this operation.';

export function unauthorizedOperation(detail: string, requestId: string): InterceptAnswer {
  // Real EC2 appends an encoded authorization message; the sandbox says it in plain words.
  return errorResponse('ec2', 'ec2', { code: 'UnauthorizedOperation', message: `${UNAUTHORIZED} ${detail}`, status: 403 }, requestId);
}

/** moto's IAM-style refusal of an EC2 call, in EC2's terms; any other answer as it is. */
export function asEc2Answer(answer: BufferedResponse, requestId: string): InterceptAnswer {
  if (answer.status !== 403) return answer;
  const text = answer.body.toString('utf8');
  if (xmlValue(text, 'Code') !== 'AccessDenied') return answer;
  return unauthorizedOperation(xmlValue(text, 'Message') ?? '', requestId);
}

/**
 * UnauthorizedOperation when the caller may call the EC2 action but may not pass the profile's
 * role to EC2; undefined otherwise (a caller without the EC2 action itself is left to moto, which
 * refuses that first, as EC2 does).
 */
export async function passRoleRefusal(
  ctx: GatewayContext,
  caller: KnownPrincipal,
  ec2Action: { readonly action: string; readonly resource: string },
  account: string,
  profileName: string,
  requestId: string,
): Promise<InterceptAnswer | undefined> {
  const roles = await ctx.access.instanceProfileRoles(account, profileName);
  const roleArn = roles?.[0];
  if (roleArn === undefined) return undefined;
  const stored = await principalPolicies(ctx, caller.arn);
  if (stored === undefined) return undefined;
  const loaded = loadPrincipal(stored);
  if (!loaded.ok) return undefined;
  const principal = { arn: caller.arn, account: caller.account };
  const policies = {
    identityPolicies: loaded.principal.identity.map((policy) => policy.policy),
    ...(loaded.principal.boundary !== undefined ? { permissionsBoundary: loaded.principal.boundary.policy } : {}),
  };
  if (ctx.evaluate({ request: { action: `ec2:${ec2Action.action}`, resource: ec2Action.resource, principal }, ...policies }).decision !== 'allowed') return undefined;
  const decision = ctx.evaluate({ request: { action: 'iam:PassRole', resource: roleArn, principal, context: { 'iam:PassedToService': 'ec2.amazonaws.com' } }, ...policies });
  if (decision.decision === 'allowed') return undefined;
  return unauthorizedOperation(`User: ${caller.arn} is not authorized to perform: iam:PassRole on resource: ${roleArn}`, requestId);
}

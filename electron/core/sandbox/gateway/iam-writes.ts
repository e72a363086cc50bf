import { forwardBuffered } from './proxy';
import type { GatewayContext, InterceptAnswer, InterceptedCall } from './gateway-context';
import { pendingTrustPrincipal } from './trust-principals';
import { errorResponse } from './wire-errors';

/**
 * IAM writes whose effect reaches EC2 and STS only after propagation: the gateway forwards them
 * unchanged and, when moto accepted them, starts the propagation clock for what they touched.
 * Trust policies naming a role that is still propagating are refused as IAM refuses them.
 */

export const PROPAGATING_IAM_ACTIONS = new Set(['CreateRole', 'UpdateAssumeRolePolicy', 'CreateInstanceProfile', 'AddRoleToInstanceProfile']);

export async function interceptPropagatingWrite(ctx: GatewayContext, intercepted: InterceptedCall): Promise<InterceptAnswer> {
  const { call, incoming, body, requestId } = intercepted;
  if (call.action === 'CreateRole' || call.action === 'UpdateAssumeRolePolicy') {
    const trust = call.params.get(call.action === 'CreateRole' ? 'AssumeRolePolicyDocument' : 'PolicyDocument');
    const pending = pendingTrustPrincipal(trust, ctx.propagation);
    if (pending !== undefined) {
      return errorResponse('query', 'iam', { code: 'MalformedPolicyDocument', message: `Invalid principal in policy: "AWS":"${pending}"`, status: 400 }, requestId);
    }
  }
  const answer = await forwardBuffered(ctx.moto, incoming, body);
  if (answer.status !== 200) return answer;
  const caller = await ctx.principals.identify(call.accessKeyId);
  const account = caller?.account;
  if (account === undefined) return answer;
  if (call.action === 'CreateRole') {
    const roleName = call.params.get('RoleName');
    if (roleName !== null) ctx.propagation.noteRoleCreated(account, roleName);
  } else if (call.action === 'UpdateAssumeRolePolicy') {
    const roleName = call.params.get('RoleName');
    if (roleName !== null) ctx.propagation.noteTrustChanged(account, roleName);
  } else {
    const profileName = call.params.get('InstanceProfileName');
    if (profileName !== null) ctx.propagation.noteInstanceProfileChange(account, profileName);
  }
  return answer;
}

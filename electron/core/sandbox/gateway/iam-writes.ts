import { forwardBuffered } from './proxy';
import type { GatewayContext, InterceptAnswer, InterceptedCall } from './gateway-context';

/**
 * IAM writes whose effect reaches EC2 and STS only after propagation: the gateway forwards them
 * unchanged and, when moto accepted them, starts the propagation clock for what they touched.
 */

export const PROPAGATING_IAM_ACTIONS = new Set(['CreateRole', 'CreateInstanceProfile', 'AddRoleToInstanceProfile']);

export async function interceptPropagatingWrite(ctx: GatewayContext, intercepted: InterceptedCall): Promise<InterceptAnswer> {
  const { call, incoming, body } = intercepted;
  const answer = await forwardBuffered(ctx.moto, incoming, body);
  if (answer.status !== 200) return answer;
  const caller = await ctx.principals.identify(call.accessKeyId);
  const account = caller?.account;
  if (account === undefined) return answer;
  if (call.action === 'CreateRole') {
    const roleName = call.params.get('RoleName');
    if (roleName !== null) ctx.propagation.noteRoleCreated(account, roleName);
  } else {
    const profileName = call.params.get('InstanceProfileName');
    if (profileName !== null) ctx.propagation.noteInstanceProfileChange(account, profileName);
  }
  return answer;
}

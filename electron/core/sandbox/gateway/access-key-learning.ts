import { forwardBuffered, xmlValue } from './proxy';
import type { GatewayContext, InterceptAnswer, InterceptedCall } from './gateway-context';

/**
 * iam:CreateAccessKey passes through unchanged; the gateway notes the new key's owner and secret
 * (in memory) so it can identify the caller and re-sign its S3 calls for moto later.
 */
export async function interceptCreateAccessKey(ctx: GatewayContext, intercepted: InterceptedCall): Promise<InterceptAnswer> {
  const answer = await forwardBuffered(ctx.moto, intercepted.incoming, intercepted.body);
  if (answer.status !== 200) return answer;
  const text = answer.body.toString('utf8');
  const accessKeyId = xmlValue(text, 'AccessKeyId');
  const secretAccessKey = xmlValue(text, 'SecretAccessKey');
  const userName = xmlValue(text, 'UserName');
  const caller = await ctx.principals.identify(intercepted.call.accessKeyId);
  if (accessKeyId !== undefined && secretAccessKey !== undefined) {
    ctx.principals.rememberSecret(accessKeyId, secretAccessKey);
    if (userName !== undefined && caller !== undefined) ctx.principals.rememberUser(accessKeyId, caller.account, userName);
  }
  return answer;
}

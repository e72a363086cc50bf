import { asEc2Answer, passRoleRefusal } from './ec2-authorization';
import { errorResponse } from './wire-errors';
import { forwardBuffered, xmlValue } from './proxy';
import type { GatewayContext, InterceptAnswer, InterceptedCall } from './gateway-context';

/**
 * EC2 calls that name an instance profile: AssociateIamInstanceProfile,
 * ReplaceIamInstanceProfileAssociation and RunInstances. Until a profile's IAM changes have
 * propagated, EC2 does not know it and answers InvalidParameterValue "Invalid IAM Instance Profile
 * name"; moto answers an unknown profile with IAM's NoSuchEntity, which EC2 never sends, so that
 * answer is rewritten to EC2's. EC2 also requires iam:PassRole on the profile's role.
 */

export const PROFILE_ACTIONS = new Set(['AssociateIamInstanceProfile', 'ReplaceIamInstanceProfileAssociation', 'RunInstances']);

interface ProfileReference {
  readonly name: string;
  /** Which parameter named it: EC2 quotes that parameter in its message. */
  readonly parameter: 'name' | 'arn';
  readonly value: string;
}

function profileReference(params: URLSearchParams): ProfileReference | undefined {
  const name = params.get('IamInstanceProfile.Name');
  if (name !== null && name !== '') return { name, parameter: 'name', value: name };
  const arn = params.get('IamInstanceProfile.Arn');
  if (arn !== null && arn !== '') return { name: arn.slice(arn.lastIndexOf('/') + 1), parameter: 'arn', value: arn };
  return undefined;
}

function invalidProfile(reference: ProfileReference, requestId: string): InterceptAnswer {
  // The name form is EC2's text as Terraform quotes it; the ARN form mirrors it (INFERRED).
  const message =
    reference.parameter === 'name'
      ? `Value (${reference.value}) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name`
      : `Value (${reference.value}) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN`;
  return errorResponse('ec2', 'ec2', { code: 'InvalidParameterValue', message, status: 400 }, requestId);
}

export async function interceptInstanceProfileUse(ctx: GatewayContext, intercepted: InterceptedCall): Promise<InterceptAnswer> {
  const { call, incoming, body, requestId } = intercepted;
  const reference = profileReference(call.params);
  if (reference !== undefined) {
    const caller = await ctx.principals.identify(call.accessKeyId);
    const account = reference.parameter === 'arn' ? (/:iam::(\d{12}):/.exec(reference.value)?.[1] ?? caller?.account) : caller?.account;
    if (account !== undefined && ctx.propagation.isInstanceProfilePending(account, reference.name)) return invalidProfile(reference, requestId);
    if (caller !== undefined && account !== undefined) {
      const instanceId = call.params.get('InstanceId');
      const resource = instanceId !== null ? `arn:aws:ec2:${call.region}:${caller.account}:instance/${instanceId}` : '*';
      const refused = await passRoleRefusal(ctx, caller, { action: call.action, resource }, account, reference.name, requestId);
      if (refused !== undefined) return refused;
    }
  }
  const answer = await forwardBuffered(ctx.moto, incoming, body);
  if (reference !== undefined && answer.status === 404 && xmlValue(answer.body.toString('utf8'), 'Code') === 'NoSuchEntity') {
    return invalidProfile(reference, requestId);
  }
  return asEc2Answer(answer, requestId);
}

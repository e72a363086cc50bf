import { parseArn } from '../../../../../shared/policy/arn';
import type { AwsStateReader } from './aws-state-reader';
import { LinkFailure } from './link-failure';
import type { RolePolicies } from './policy-evaluation';
import { callerContext, decide, namedPolicy, principalContextKeys, rolePolicies } from './policy-evaluation';

/**
 * "Use EC2 Role to Assume Role" (iics-api.md §5.3): the instance role must be allowed
 * sts:AssumeRole on the IAM Role ARN, and that role's trust policy must admit the instance role
 * — with the connection's External Id as `sts:ExternalId` when one is set.
 */

export interface AssumeRoleStep {
  readonly reader: AwsStateReader;
  readonly instanceRole: RolePolicies;
  /** The instance role's session name: EC2 names it after the instance. */
  readonly instanceId: string;
  readonly targetRoleArn: string;
  readonly externalId: string;
}

export async function assumeConnectorRole(step: AssumeRoleStep): Promise<RolePolicies> {
  const { reader, instanceRole, instanceId, targetRoleArn, externalId } = step;
  const target = parseArn(targetRoleArn);
  if (target === undefined || target.service !== 'iam' || !target.resource.startsWith('role/')) {
    throw new LinkFailure('ROLE_NOT_FOUND', `The IAM Role ARN "${targetRoleArn}" is not the ARN of an IAM role (arn:aws:iam::ACCOUNT:role/NAME).`);
  }
  const caller = instanceRole.role;
  const request = {
    action: 'sts:AssumeRole',
    resource: targetRoleArn,
    principal: callerContext(caller, instanceId),
    context: { ...principalContextKeys(caller), ...(externalId === '' ? {} : { 'sts:ExternalId': externalId }) },
  };

  // The identity side alone: evaluated as if in the caller's own account, so a cross-account
  // target is not refused here for want of the trust policy, which is checked next.
  const identity = decide({ request, caller: instanceRole, resourceAccount: caller.account });
  if (identity.decision !== 'allowed') {
    throw new LinkFailure(
      'ASSUME_ROLE_NOT_ALLOWED',
      `The instance role ${caller.arn} is not allowed sts:AssumeRole on the IAM Role ARN ${targetRoleArn}: ${identity.reason}`,
    );
  }

  if (!(await reader.canRead(target.account))) {
    throw new LinkFailure(
      'ROLE_ACCOUNT_UNREADABLE',
      `The IAM Role ARN ${targetRoleArn} is in AWS account ${target.account}, which the sandbox was given no credentials to read.`,
    );
  }
  const roleName = target.resource.slice(target.resource.lastIndexOf('/') + 1);
  const targetRole = await reader.role(target.account, roleName);
  if (targetRole === undefined) {
    throw new LinkFailure('ROLE_NOT_FOUND', `The IAM Role ARN ${targetRoleArn} names a role that does not exist.`);
  }

  // The evaluator applies the trust-policy rules: the trust policy must always allow, and a
  // grant to the whole account or across accounts also needs the caller's identity allow.
  const trust = namedPolicy({ name: `trust policy of ${targetRole.name}`, text: targetRole.trustPolicy }, 'trust', `role ${targetRole.arn}`);
  const trusted = decide({ request, caller: instanceRole, resourcePolicy: trust, resourceAccount: target.account });
  if (trusted.decision !== 'allowed') {
    const withId = externalId === '' ? ' (the connection has no External Id)' : ` with External Id "${externalId}"`;
    const hint = /sts:externalid/i.test(targetRole.trustPolicy) ? ' The trust policy has an sts:ExternalId condition: check the connection\'s External Id.' : '';
    throw new LinkFailure(
      'ASSUME_ROLE_TRUST_DENIED',
      `The trust policy of role ${targetRole.arn} does not admit the instance role ${caller.arn}${withId}: ${trusted.reason}${hint}`,
    );
  }
  return rolePolicies(targetRole);
}

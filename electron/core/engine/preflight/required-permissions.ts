import { ec2ServicePrincipal } from '../../../../shared/policy/build';
import type { RequiredPermission } from '../../../../shared/plan/operator-policy';
import type { AccountRole, Plan } from '../../../../shared/plan/plan-model';
import { requiredActions } from '../../../../shared/plan/required-actions';

/**
 * Every permission the operator needs to apply a plan, per account: the plan's writes (with the
 * Tag* action of each create and iam:PassRole for the association, from `requiredActions`), and
 * the reads the engine makes to plan and to check its work (engine/state/*). iam:PassRole is
 * asked under `iam:PassedToService` = EC2, the narrowest grant that still lets EC2 take the role.
 * [unconfirmed] IAM's API reference says AddRoleToInstanceProfile also needs iam:PassRole on the
 * role; whether that check carries `iam:PassedToService` is not documented, so it is not asked
 * for separately here (the plan's `passRoleArn` marks only the association calls).
 */

export interface AccountPermission {
  readonly account: AccountRole;
  readonly permission: RequiredPermission;
}

const ROLE_READS = ['iam:GetRole', 'iam:ListRolePolicies', 'iam:ListAttachedRolePolicies', 'iam:ListRoleTags'];
const POLICY_READS = ['iam:GetPolicy', 'iam:GetPolicyVersion', 'iam:ListPolicyVersions', 'iam:ListPolicyTags'];
const PROFILE_READS = ['iam:GetInstanceProfile', 'iam:ListInstanceProfileTags'];
/** EC2 Describe* calls have no resource-level permissions: they are granted on "*". */
const INSTANCE_READS = ['ec2:DescribeInstances', 'ec2:DescribeIamInstanceProfileAssociations'];

export function requiredPermissions(plan: Plan): AccountPermission[] {
  const out: AccountPermission[] = [];
  const seen = new Set<string>();
  const add = (account: AccountRole, permission: RequiredPermission): void => {
    const key = `${account}|${permission.action.toLowerCase()}|${permission.resource}|${JSON.stringify(permission.context ?? {})}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ account, permission });
  };

  for (const action of INSTANCE_READS) add('agent', { action, resource: '*', purpose: `read instance ${plan.input.instanceId} and its instance profile association` });
  for (const resource of plan.resources) {
    if (resource.arn === undefined) continue;
    const reads = resource.kind === 'role' ? ROLE_READS : resource.kind === 'managedPolicy' ? POLICY_READS : resource.kind === 'instanceProfile' ? PROFILE_READS : [];
    for (const action of reads) add(resource.account, { action, resource: resource.arn, purpose: `read the current ${resource.kind} ${resource.name}` });
  }
  const stepSummary = new Map(plan.steps.map((step) => [step.id, step.summary]));
  for (const needed of requiredActions(plan)) {
    const passRole = needed.action === 'iam:PassRole';
    add(needed.account, {
      action: needed.action,
      resource: needed.resourceArn,
      ...(passRole ? { context: { 'iam:PassedToService': ec2ServicePrincipal(plan.partition) } } : {}),
      purpose: stepSummary.get(needed.stepId) ?? needed.stepId,
    });
  }
  return out;
}

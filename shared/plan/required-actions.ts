import type { AccountRole, Operation, Plan } from './plan-model';

/**
 * Every IAM/EC2 permission applying the plan needs, with the ARN it is checked against — what a
 * preflight simulates for the caller of each account. Creating with tags also needs the Tag*
 * action (IAM authorises tag-on-create separately), and associating a profile needs
 * iam:PassRole on the role inside it.
 */
export interface RequiredAction {
  readonly account: AccountRole;
  readonly action: string;
  readonly resourceArn: string;
  /** The step that needs it. */
  readonly stepId: string;
}

const SERVICE_OF: Readonly<Record<Operation, 'iam' | 'ec2'>> = {
  CreateRole: 'iam',
  UpdateAssumeRolePolicy: 'iam',
  CreatePolicy: 'iam',
  DeletePolicyVersion: 'iam',
  CreatePolicyVersion: 'iam',
  AttachRolePolicy: 'iam',
  CreateInstanceProfile: 'iam',
  AddRoleToInstanceProfile: 'iam',
  AssociateIamInstanceProfile: 'ec2',
  ReplaceIamInstanceProfileAssociation: 'ec2',
};

const TAG_ACTION: Partial<Record<Operation, string>> = {
  CreateRole: 'iam:TagRole',
  CreatePolicy: 'iam:TagPolicy',
  CreateInstanceProfile: 'iam:TagInstanceProfile',
};

export function requiredActions(plan: Plan): RequiredAction[] {
  const out: RequiredAction[] = [];
  for (const step of plan.steps) {
    const base = { account: step.account, resourceArn: step.resourceArn, stepId: step.id };
    out.push({ ...base, action: `${SERVICE_OF[step.operation]}:${step.operation}` });
    const tag = TAG_ACTION[step.operation];
    if (tag !== undefined) out.push({ ...base, action: tag });
    if (step.passRoleArn !== undefined) out.push({ account: step.account, action: 'iam:PassRole', resourceArn: step.passRoleArn, stepId: step.id });
  }
  return out;
}

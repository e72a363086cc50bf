import type { PlanResource } from '../../../shared/plan/plan-model';

/** Resource kinds as an administrator reads them in the review and the confirmation. */
export const RESOURCE_KIND_LABEL: Readonly<Record<PlanResource['kind'], string>> = {
  role: 'role',
  trustPolicy: 'trust policy',
  managedPolicy: 'managed policy',
  policyVersion: 'policy version',
  attachment: 'policy attachment',
  instanceProfile: 'instance profile',
  roleInProfile: 'role in instance profile',
  association: 'instance profile association',
};

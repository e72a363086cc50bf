import type { Operation } from '../../../../../shared/plan/plan-model';
import { associateInstanceProfile, replaceAssociation } from './association-steps';
import { attachRolePolicy, createPolicy, createPolicyVersion, deletePolicyVersion } from './policy-steps';
import { addRoleToInstanceProfile, createInstanceProfile } from './profile-steps';
import { createRole, updateAssumeRolePolicy } from './role-steps';
import type { StepExecutor } from './step-executor';

export const STEP_EXECUTORS: Readonly<Record<Operation, StepExecutor>> = {
  CreateRole: createRole,
  UpdateAssumeRolePolicy: updateAssumeRolePolicy,
  CreatePolicy: createPolicy,
  DeletePolicyVersion: deletePolicyVersion,
  CreatePolicyVersion: createPolicyVersion,
  AttachRolePolicy: attachRolePolicy,
  CreateInstanceProfile: createInstanceProfile,
  AddRoleToInstanceProfile: addRoleToInstanceProfile,
  AssociateIamInstanceProfile: associateInstanceProfile,
  ReplaceIamInstanceProfileAssociation: replaceAssociation,
};

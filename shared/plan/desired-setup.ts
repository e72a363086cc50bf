import type { SetupKind } from '../export/export-input';
import { inputError } from '../errors';
import { buildAssumeRolePolicy } from '../policy/build/assume-role-policy';
import { buildPermissionsPolicy } from '../policy/build/permissions-policy';
import { buildTrustPolicy } from '../policy/build/trust-policy';
import type { PolicyDocument } from '../policy/model';
import { validatePermissionsBoundaryArn } from '../validation/arns';
import { validateIamPath, validateInstanceProfileName, validateManagedPolicyName, validateRoleName } from '../validation/iam-names';
import { validateInstanceId } from '../validation/instance-id';
import { validateRegion } from '../validation/partition-region';
import { requireValid } from '../validation/require-valid';
import { validateTags } from '../validation/tags';
import { iamArn } from './arns';
import type { InstanceSide } from './existing-profile';
import type { AccountRole } from './plan-model';
import type { PlanIdentities, ProvisionInput } from './provision-input';

/**
 * What should exist when the run is done, derived from the input, who the callers are, and how
 * the instance is set up now. Pure; input mistakes throw INVALID_* failures before any plan.
 */

export interface DesiredRole {
  readonly key: string;
  readonly account: AccountRole;
  readonly name: string;
  readonly arn: string;
  readonly path: string;
  readonly trust: PolicyDocument;
}

export interface DesiredPolicy {
  readonly key: string;
  readonly account: AccountRole;
  readonly name: string;
  readonly arn: string;
  readonly document: PolicyDocument;
  /** The role it is attached to (its name and, when Keyless manages it, its key). */
  readonly attachTo: { readonly roleName: string; readonly roleKey?: string };
}

export interface DesiredSetup {
  readonly effectiveSetup: SetupKind;
  /** Roles Keyless creates or keeps in shape (never the existing shared role). */
  readonly roles: readonly DesiredRole[];
  readonly policies: readonly DesiredPolicy[];
  /** Absent when the instance keeps the profile it has (choices 1 and 2). */
  readonly profile?: { readonly name: string; readonly arn: string; readonly roleName: string; readonly roleKey: string; readonly roleArn: string };
  readonly connectorRoleArn?: string;
}

export const KEYS = {
  instanceRole: 'role:instance',
  connectorRole: 'role:connector',
  s3Policy: 'policy:s3',
  assumePolicy: 'policy:assume',
  profile: 'instance-profile',
} as const;

export function validatePlanInput(input: ProvisionInput, identities: PlanIdentities): void {
  requireValid(validateRegion(input.region, identities.agent.partition));
  requireValid(validateInstanceId(input.instanceId));
  requireValid(validateIamPath(input.path));
  requireValid(validateRoleName(input.names.role));
  requireValid(validateManagedPolicyName(input.names.policy));
  requireValid(validateInstanceProfileName(input.names.instanceProfile));
  if (input.setup !== 'instanceRole' || input.existingProfileChoice === 'assumeConnectorRole') {
    requireValid(validateRoleName(input.names.connectorRole));
    requireValid(validateManagedPolicyName(input.names.assumePolicy));
  }
  requireValid(validateTags(input.tags));
  if (input.tags.some((tag) => tag.key.toLowerCase().startsWith('keyless:'))) {
    throw inputError('INVALID_TAG', 'Tag keys starting with "keyless:" are reserved: Keyless uses them to recognise what a run created.', 'Choose another tag key.');
  }
  if (input.permissionsBoundaryArn !== undefined) requireValid(validatePermissionsBoundaryArn(input.permissionsBoundaryArn, identities.agent.partition));
  if (input.setup === 'crossAccount' && identities.bucket === undefined) {
    throw inputError('INVALID_ARGUMENTS', 'Setup C needs a profile for the bucket account.', 'Add --bucket-profile <name>.');
  }
  if (input.setup === 'crossAccount' && identities.bucket?.accountId === identities.agent.accountId) {
    throw inputError('INVALID_ARGUMENTS', 'Setup C is cross-account, but both profiles are in the same account.', 'Use setup B within one account, or a bucket profile of the other account.');
  }
  if (input.setup !== 'crossAccount' && input.bucketProfile !== undefined) {
    throw inputError('INVALID_ARGUMENTS', 'A bucket profile applies only to setup C.', 'Remove --bucket-profile, or use --setup c.');
  }
}

export function desiredSetup(input: ProvisionInput, identities: PlanIdentities, side: InstanceSide): DesiredSetup {
  const { partition, accountId: agentAccount } = identities.agent;
  const { path, names } = input;
  const permissions = buildPermissionsPolicy({ ...input, partition });
  const ec2Trust = buildTrustPolicy({ trusted: { kind: 'ec2Service' }, partition });
  const existing = side.mode === 'existingRole' ? side : undefined;
  const effectiveSetup: SetupKind = existing?.choice === 'assumeConnectorRole' && input.setup === 'instanceRole' ? 'assumeConnectorRole' : input.setup;
  if (effectiveSetup === 'instanceRole' && input.externalId !== undefined) {
    throw inputError('INVALID_EXTERNAL_ID', 'An External Id applies only when a connector role is assumed (setups B and C).', 'Remove --external-id, or use --setup b.');
  }

  const instanceRole: DesiredRole | undefined =
    existing === undefined
      ? { key: KEYS.instanceRole, account: 'agent', name: names.role, path, arn: iamArn(partition, agentAccount, 'role', path, names.role), trust: ec2Trust }
      : undefined;
  const instanceRoleName = existing?.role.name ?? names.role;
  const instanceRoleArn = existing?.role.arn ?? instanceRole?.arn ?? '';
  const profile =
    existing === undefined && instanceRole !== undefined
      ? { name: names.instanceProfile, arn: iamArn(partition, agentAccount, 'instance-profile', path, names.instanceProfile), roleName: instanceRole.name, roleKey: instanceRole.key, roleArn: instanceRole.arn }
      : undefined;

  if (effectiveSetup === 'instanceRole') {
    const s3Policy: DesiredPolicy = {
      key: KEYS.s3Policy,
      account: 'agent',
      name: names.policy,
      arn: iamArn(partition, agentAccount, 'policy', path, names.policy),
      document: permissions,
      attachTo: instanceRole === undefined ? { roleName: instanceRoleName } : { roleName: instanceRole.name, roleKey: instanceRole.key },
    };
    return { effectiveSetup, roles: instanceRole === undefined ? [] : [instanceRole], policies: [s3Policy], ...(profile ? { profile } : {}) };
  }

  const connectorAccountRole: AccountRole = effectiveSetup === 'crossAccount' ? 'bucket' : 'agent';
  const connectorAccount = effectiveSetup === 'crossAccount' ? (identities.bucket?.accountId ?? '') : agentAccount;
  const externalId = input.externalId === undefined ? {} : { externalId: input.externalId };
  const connectorTrust =
    effectiveSetup === 'crossAccount'
      ? buildTrustPolicy({ trusted: { kind: 'account', accountId: agentAccount }, partition, ...externalId })
      : buildTrustPolicy({ trusted: { kind: 'role', roleArn: instanceRoleArn }, partition, ...externalId });
  const connectorRole: DesiredRole = {
    key: KEYS.connectorRole,
    account: connectorAccountRole,
    name: names.connectorRole,
    path,
    arn: iamArn(partition, connectorAccount, 'role', path, names.connectorRole),
    trust: connectorTrust,
  };
  const s3Policy: DesiredPolicy = {
    key: KEYS.s3Policy,
    account: connectorAccountRole,
    name: names.policy,
    arn: iamArn(partition, connectorAccount, 'policy', path, names.policy),
    document: permissions,
    attachTo: { roleName: connectorRole.name, roleKey: connectorRole.key },
  };
  const assumePolicy: DesiredPolicy = {
    key: KEYS.assumePolicy,
    account: 'agent',
    name: names.assumePolicy,
    arn: iamArn(partition, agentAccount, 'policy', path, names.assumePolicy),
    document: buildAssumeRolePolicy({ connectorRoleArn: connectorRole.arn, partition }),
    attachTo: instanceRole === undefined ? { roleName: instanceRoleName } : { roleName: instanceRole.name, roleKey: instanceRole.key },
  };
  return {
    effectiveSetup,
    roles: instanceRole === undefined ? [connectorRole] : [instanceRole, connectorRole],
    policies: [s3Policy, assumePolicy],
    ...(profile ? { profile } : {}),
    connectorRoleArn: connectorRole.arn,
  };
}

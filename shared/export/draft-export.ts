import { inputError } from '../errors';
import { buildAssumeRolePolicy } from '../policy/build/assume-role-policy';
import { buildPermissionsPolicy, type PermissionsPolicyOptions } from '../policy/build/permissions-policy';
import { buildTrustPolicy } from '../policy/build/trust-policy';
import { roleArn } from '../validation/arns';
import { validateAccountId } from '../validation/account-id';
import { validateIamPath, validateRoleName } from '../validation/iam-names';
import { requireValid } from '../validation/require-valid';
import type { ResourceTag } from '../validation/tags';
import type { ExportInput, SetupKind } from './export-input';

/** What a user fills in (the Draft offline form, `keyless export` options); documents are built from it. */
export interface DraftExportOptions extends PermissionsPolicyOptions {
  readonly setup: SetupKind;
  readonly roleName: string;
  readonly policyName: string;
  readonly instanceProfileName: string;
  readonly path: string;
  readonly permissionsBoundaryArn?: string;
  readonly tags: readonly ResourceTag[];
  /** B and C. */
  readonly connectorRoleName?: string;
  readonly assumePolicyName?: string;
  /** B: the account of both roles; C: the bucket's account. */
  readonly accountId?: string;
  /** C: the agent's account, which the connector role trusts. */
  readonly trustedAccountId?: string;
  /** B and C: required by the connector role's trust policy. */
  readonly externalId?: string;
  readonly instanceId?: string;
  readonly region?: string;
}

function notForSetup(option: string, setups: string): never {
  throw inputError('INVALID_EXPORT_INPUT', `${option} applies only to ${setups}.`, `Remove ${option}, or choose ${setups}.`);
}

function needed(value: string | undefined, option: string, setup: string): string {
  if (value === undefined) throw inputError('INVALID_EXPORT_INPUT', `Setup ${setup} needs ${option}.`, `Provide ${option}.`);
  return value;
}

export function draftExportInput(options: DraftExportOptions): ExportInput {
  const { partition, setup } = options;
  const permissions = buildPermissionsPolicy(options);
  // In setup A the External Id would sit on the EC2 trust, which the builder refuses with the reason.
  const ec2ExternalId = setup === 'instanceRole' && options.externalId !== undefined ? { externalId: options.externalId } : {};
  const instanceRoleTrust = buildTrustPolicy({ trusted: { kind: 'ec2Service' }, partition, ...ec2ExternalId });
  const shared = {
    setup,
    partition,
    path: options.path,
    tags: options.tags,
    ...(options.permissionsBoundaryArn === undefined ? {} : { permissionsBoundaryArn: options.permissionsBoundaryArn }),
    ...(options.instanceId === undefined ? {} : { instanceId: options.instanceId }),
    ...(options.region === undefined ? {} : { region: options.region }),
  };
  const baseNames = { role: options.roleName, policy: options.policyName, instanceProfile: options.instanceProfileName };

  if (setup === 'instanceRole') {
    if (options.connectorRoleName !== undefined) notForSetup('A connector role name', 'setups B and C');
    if (options.trustedAccountId !== undefined) notForSetup('A trusted account', 'setup C');
    return { ...shared, names: baseNames, documents: { permissions, instanceRoleTrust } };
  }

  const label = setup === 'assumeConnectorRole' ? 'B' : 'C';
  const connectorRoleName = requireValid(validateRoleName(needed(options.connectorRoleName, 'a connector role name', label)));
  const assumePolicyName = needed(options.assumePolicyName, 'a name for the assume-role policy', label);
  const accountId = requireValid(validateAccountId(needed(options.accountId, label === 'B' ? 'the account id of the roles' : "the bucket's account id", label)));
  const path = requireValid(validateIamPath(options.path));
  const connectorRoleArn = roleArn(partition, accountId, path, connectorRoleName);
  const names = { ...baseNames, connectorRole: connectorRoleName, assumePolicy: assumePolicyName };
  const assume = buildAssumeRolePolicy({ connectorRoleArn, partition });
  const externalId = options.externalId === undefined ? {} : { externalId: options.externalId };

  if (setup === 'assumeConnectorRole') {
    if (options.trustedAccountId !== undefined) notForSetup('A trusted account', 'setup C');
    const instanceRoleArn = roleArn(partition, accountId, path, requireValid(validateRoleName(options.roleName)));
    const connectorRoleTrust = buildTrustPolicy({ trusted: { kind: 'role', roleArn: instanceRoleArn }, partition, ...externalId });
    return { ...shared, names, accountId, documents: { permissions, instanceRoleTrust, connectorRoleTrust, assume } };
  }
  const agentAccountId = requireValid(validateAccountId(needed(options.trustedAccountId, "the agent's account id (the trusted account)", 'C')));
  const connectorRoleTrust = buildTrustPolicy({ trusted: { kind: 'account', accountId: agentAccountId }, partition, ...externalId });
  return { ...shared, names, accountId, agentAccountId, documents: { permissions, instanceRoleTrust, connectorRoleTrust, assume } };
}

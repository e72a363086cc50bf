import { inputError } from '../errors';
import type { PolicyDocument, PolicyKind } from '../policy/model';
import { POLICY_SIZE_QUOTAS } from '../policy/quotas';
import { policySizeWithoutWhitespace, toPolicyJson } from '../policy/serialize';
import { validateAccountId } from '../validation/account-id';
import { validatePermissionsBoundaryArn } from '../validation/arns';
import { validateIamPath, validateInstanceProfileName, validateManagedPolicyName, validateRoleName } from '../validation/iam-names';
import { validateInstanceId } from '../validation/instance-id';
import { validatePartition, validateRegion } from '../validation/partition-region';
import { requireValid } from '../validation/require-valid';
import { validateTags } from '../validation/tags';
import type { ExportInput } from './export-input';

function requirePart<T>(value: T | undefined, what: string, setup: string): T {
  if (value === undefined) {
    throw inputError('INVALID_EXPORT_INPUT', `Setup ${setup} needs ${what}.`, `Provide ${what}, or choose setup A (instance role).`);
  }
  return value;
}

function checkSize(document: PolicyDocument, kind: PolicyKind, label: string): void {
  const size = policySizeWithoutWhitespace(toPolicyJson(document, { indent: 0 }));
  const quota = POLICY_SIZE_QUOTAS[kind];
  if (size > quota) {
    throw inputError(
      'INVALID_POLICY_SIZE',
      `The ${label} has ${size} characters without whitespace; IAM allows ${quota} for a ${kind} policy.`,
      'Shorten the document (fewer statements or shorter names) before exporting.',
    );
  }
}

/**
 * Everything an export writes comes from the input, so the input is checked in full first:
 * an export either renders completely or throws the first INVALID_* problem.
 */
export function validateExportInput(input: ExportInput): void {
  const partition = requireValid(validatePartition(input.partition));
  const { names, documents } = input;
  requireValid(validateRoleName(names.role));
  requireValid(validateManagedPolicyName(names.policy));
  requireValid(validateInstanceProfileName(names.instanceProfile));
  requireValid(validateIamPath(input.path));
  if (input.permissionsBoundaryArn !== undefined) requireValid(validatePermissionsBoundaryArn(input.permissionsBoundaryArn, partition));
  requireValid(validateTags(input.tags));
  if (input.instanceId !== undefined) requireValid(validateInstanceId(input.instanceId));
  if (input.region !== undefined) requireValid(validateRegion(input.region, partition));
  checkSize(documents.permissions, 'managed', 'permissions policy');
  checkSize(documents.instanceRoleTrust, 'trust', 'instance role trust policy');

  if (input.setup === 'instanceRole') return;
  const setup = input.setup === 'assumeConnectorRole' ? 'B (EC2 role assumes a connector role)' : 'C (cross-account)';
  const connectorRole = requireValid(validateRoleName(requirePart(names.connectorRole, 'a connector role name', setup)));
  requireValid(validateManagedPolicyName(requirePart(names.assumePolicy, 'a name for the assume-role policy', setup)));
  checkSize(requirePart(documents.connectorRoleTrust, 'the connector role trust policy', setup), 'trust', 'connector role trust policy');
  checkSize(requirePart(documents.assume, 'the assume-role policy', setup), 'managed', 'assume-role policy');
  const accountId = requireValid(validateAccountId(requirePart(input.accountId, 'the account id of the connector role', setup)));
  if (input.setup === 'assumeConnectorRole') {
    if (connectorRole.toLowerCase() === names.role.toLowerCase()) {
      throw inputError(
        'INVALID_ROLE_NAME',
        `The connector role and the instance role are both named "${names.role}"; in setup B they are two roles in one account.`,
        'Give the connector role its own name, e.g. "<instance role>-s3-connector".',
      );
    }
    return;
  }
  const agentAccountId = requireValid(validateAccountId(requirePart(input.agentAccountId, "the agent's account id", setup)));
  if (agentAccountId === accountId) {
    throw inputError(
      'INVALID_ACCOUNT_ID',
      `The bucket's account and the agent's account are both ${accountId}; setup C is for two different accounts.`,
      'Use setup B when the agent and the bucket are in the same account.',
    );
  }
}

import { toPolicyJson } from '../policy/serialize';
import type { AccountStack, RoleSpec } from './account-stacks';
import { planAccountStacks } from './account-stacks';
import type { ExportFile, ExportInput } from './export-input';
import { associateCommand, RETRY_PROPAGATION_FUNCTION, shellQuote } from './shell-text';

/**
 * A bash script of AWS CLI calls for one account. Re-runnable: every create is guarded by a get,
 * attachments are idempotent, and the instance profile association is left alone when it is
 * already ours. Documents are written to a temporary folder with quoted heredocs (no expansion).
 */
const HEREDOC_MARKER = 'KEYLESS_POLICY_JSON';

function tagsArgument(stack: AccountStack): string {
  if (stack.tags.length === 0) return '';
  return ` --tags ${shellQuote(JSON.stringify(stack.tags.map((tag) => ({ Key: tag.key, Value: tag.value }))))}`;
}

function writeDocument(file: string, json: string): string {
  return `cat > "$workdir/${file}" <<'${HEREDOC_MARKER}'\n${json}\n${HEREDOC_MARKER}`;
}

function policyVariable(role: RoleSpec): string {
  return `${role.policy.key === 's3Access' ? 's3_access' : 'assume_connector_role'}_policy_arn`;
}

function roleSection(stack: AccountStack, role: RoleSpec): string {
  const policy = role.policy;
  const policyFile = `${policy.key}-policy.json`;
  const trustFile = `${role.key}-trust-policy.json`;
  const policyArnVar = policyVariable(role);
  const boundary = stack.permissionsBoundaryArn === undefined ? '' : ` --permissions-boundary ${shellQuote(stack.permissionsBoundaryArn)}`;
  const roleName = shellQuote(role.name);
  return [
    `# --- Managed policy ${policy.name} and role ${role.name}`,
    writeDocument(policyFile, toPolicyJson(policy.document)),
    writeDocument(trustFile, toPolicyJson(role.trust)),
    `${policyArnVar}="arn:${stack.partition}:iam::\${account_id}:policy"${shellQuote(`${stack.path}${policy.name}`)}`,
    `if aws iam get-policy --policy-arn "$${policyArnVar}" >/dev/null 2>&1; then`,
    `  echo ${shellQuote(`Managed policy ${policy.name} exists; kept as it is.`)}`,
    'else',
    `  aws iam create-policy --policy-name ${shellQuote(policy.name)} --path ${shellQuote(stack.path)} --description ${shellQuote(policy.description)} --policy-document "file://$workdir/${policyFile}"${tagsArgument(stack)} >/dev/null`,
    `  echo ${shellQuote(`Created managed policy ${policy.name}.`)}`,
    'fi',
    `if aws iam get-role --role-name ${roleName} >/dev/null 2>&1; then`,
    `  echo ${shellQuote(`Role ${role.name} exists; kept as it is.`)}`,
    'else',
    `  retry_propagation aws iam create-role --role-name ${roleName} --path ${shellQuote(stack.path)} --description ${shellQuote(role.description)} --assume-role-policy-document "file://$workdir/${trustFile}"${boundary}${tagsArgument(stack)} >/dev/null`,
    `  echo ${shellQuote(`Created role ${role.name}.`)}`,
    'fi',
    `aws iam attach-role-policy --role-name ${roleName} --policy-arn "$${policyArnVar}"`,
  ].join('\n');
}

function instanceProfileSection(stack: AccountStack, profile: NonNullable<AccountStack['instanceProfile']>): string {
  const role = stack.roles.find((r) => r.key === profile.role);
  const roleName = role === undefined ? '' : role.name;
  const name = shellQuote(profile.name);
  return [
    `# --- Instance profile ${profile.name} carrying role ${roleName}`,
    `if aws iam get-instance-profile --instance-profile-name ${name} >/dev/null 2>&1; then`,
    `  echo ${shellQuote(`Instance profile ${profile.name} exists; kept as it is.`)}`,
    'else',
    `  aws iam create-instance-profile --instance-profile-name ${name} --path ${shellQuote(stack.path)}${tagsArgument(stack)} >/dev/null`,
    `  echo ${shellQuote(`Created instance profile ${profile.name}.`)}`,
    'fi',
    `roles_in_profile="$(aws iam get-instance-profile --instance-profile-name ${name} --query 'InstanceProfile.Roles[].RoleName' --output text)"`,
    'if [ -z "$roles_in_profile" ] || [ "$roles_in_profile" = "None" ]; then',
    `  aws iam add-role-to-instance-profile --instance-profile-name ${name} --role-name ${shellQuote(roleName)}`,
    `elif [ "$roles_in_profile" != ${shellQuote(roleName)} ]; then`,
    `  echo "keyless: instance profile ${profile.name} already carries role $roles_in_profile; a profile holds one role, and Keyless does not swap it silently." >&2`,
    `  echo ${shellQuote('  next: choose another instance profile name, or remove that role from the profile yourself.')} >&2`,
    '  exit 1',
    'fi',
    `aws iam wait instance-profile-exists --instance-profile-name ${name}`,
  ].join('\n');
}

function associationSection(stack: AccountStack, profileName: string, instanceId: string): string {
  const region = stack.region === undefined ? '' : ` --region ${shellQuote(stack.region)}`;
  const instance = shellQuote(instanceId);
  const profileArgument = shellQuote(JSON.stringify({ Name: profileName }));
  return [
    `# --- Associate the instance profile with the Secure Agent's instance ${instanceId}, or replace the current one`,
    `current_association="$(aws ec2 describe-iam-instance-profile-associations${region} --filters Name=instance-id,Values=${instance} Name=state,Values=associating,associated --query 'IamInstanceProfileAssociations[0].[AssociationId,IamInstanceProfile.Arn]' --output text)"`,
    'read -r association_id current_profile_arn <<<"$current_association" || true',
    'if [ -z "$association_id" ] || [ "$association_id" = "None" ]; then',
    `  retry_propagation aws ec2 associate-iam-instance-profile${region} --instance-id ${instance} --iam-instance-profile ${profileArgument} >/dev/null`,
    `  echo ${shellQuote(`Associated instance profile ${profileName} with ${instanceId}.`)}`,
    'else',
    '  case "$current_profile_arn" in',
    `    *:instance-profile${shellQuote(`${stack.path}${profileName}`)})`,
    `      echo ${shellQuote(`Instance ${instanceId} already uses instance profile ${profileName}; nothing to change.`)}`,
    '      ;;',
    '    *)',
    `      echo "WARNING: instance ${instanceId} already has instance profile $current_profile_arn. Replacing it with ${profileName} changes the AWS credentials of every other application on that instance." >&2`,
    `      retry_propagation aws ec2 replace-iam-instance-profile-association${region} --association-id "$association_id" --iam-instance-profile ${profileArgument} >/dev/null`,
    `      echo ${shellQuote(`Replaced the instance profile of ${instanceId} with ${profileName}.`)}`,
    '      ;;',
    '  esac',
    'fi',
  ].join('\n');
}

function renderStack(stack: AccountStack): string {
  const header = [
    '#!/usr/bin/env bash',
    `# ${stack.title}`,
    '# Generated by Keyless for the Informatica Cloud Amazon S3 v2 connection. Contains no credentials:',
    '# run it with your own AWS CLI profile, e.g. AWS_PROFILE=admin bash <this file>.',
    '# Re-runnable: resources that already exist are kept as they are, not changed.',
    'set -euo pipefail',
    '',
    'workdir="$(mktemp -d)"',
    'trap \'rm -rf "$workdir"\' EXIT',
  ].join('\n');
  const account = ['account_id="$(aws sts get-caller-identity --query Account --output text)"'];
  if (stack.accountId !== undefined) {
    account.push(
      `if [ "$account_id" != ${shellQuote(stack.accountId)} ]; then`,
      `  echo "keyless: these credentials are for account $account_id; this script is for account ${stack.accountId}." >&2`,
      `  echo ${shellQuote(`  next: switch to a profile of account ${stack.accountId} and run it again.`)} >&2`,
      '  exit 1',
      'fi',
    );
  }
  const sections = [header, RETRY_PROPAGATION_FUNCTION, account.join('\n')];
  for (const role of stack.roles) sections.push(roleSection(stack, role));
  const profile = stack.instanceProfile;
  if (profile !== undefined) {
    sections.push(instanceProfileSection(stack, profile));
    if (stack.instanceId !== undefined) sections.push(associationSection(stack, profile.name, stack.instanceId));
    else {
      const command = associateCommand(undefined, profile.name, stack.region);
      sections.push(`echo ${shellQuote(`Next: associate the instance profile with the Secure Agent's instance: ${command}`)}`);
    }
  }
  if (stack.connectionRoleArnNote !== undefined) sections.push(`echo ${shellQuote(stack.connectionRoleArnNote)}`);
  return `${sections.join('\n\n')}\n`;
}

export function exportAwsCliScript(input: ExportInput): readonly ExportFile[] {
  return planAccountStacks(input).map((stack) => ({
    name: stack.part === '' ? 'keyless-setup.sh' : `${stack.part}/keyless-setup.sh`,
    content: renderStack(stack),
  }));
}

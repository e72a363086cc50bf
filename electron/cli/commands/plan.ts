import type { Command } from 'commander';
import { inputError } from '../../../shared/errors';
import { DEFAULT_NAMES } from '../../../shared/export/default-names';
import type { Plan, PlanIssue, PlanResource } from '../../../shared/plan/plan-model';
import type { ExistingProfileChoice, ProvisionInput } from '../../../shared/plan/provision-input';
import type { AwsClientFactory } from '../../core/engine/aws-clients';
import { profileClientFactory } from '../../core/engine/profile-clients';
import { defaultAppDataDir } from '../../core/vault/app-data-folder';
import { openVault } from '../../core/vault/vault';
import { planRun } from '../../core/engine/plan-run';
import type { CliIo } from '../cli-io';
import { addPermissionsOptions, collect, parseAccess, parseSetup, parseTag, requireBucket, type PermissionsCliOptions } from './policy-options';

/**
 * `keyless plan`: read the accounts and show what apply would change. Also the home of what
 * plan, apply, resume and rollback share: the provisioning options and turning profile names
 * into AWS clients. Profiles resolve as in every Keyless command (electron/core/aws: all kinds,
 * the vault's credential cache, each profile's endpoint_url), or at `--endpoint-url` when given.
 */

export interface ProvisionCliOptions extends PermissionsCliOptions {
  readonly profile?: string;
  readonly bucketProfile?: string;
  readonly region?: string;
  readonly instanceId?: string;
  readonly setup: string;
  readonly roleName: string;
  readonly policyName: string;
  readonly instanceProfileName?: string;
  readonly connectorRoleName: string;
  readonly assumePolicyName: string;
  readonly path: string;
  readonly boundaryArn?: string;
  readonly tag: readonly string[];
  readonly externalId?: string;
  readonly existingProfile?: string;
  readonly endpointUrl?: string;
  readonly json?: boolean;
}

export function addProvisionOptions(cmd: Command): Command {
  return addPermissionsOptions(cmd)
    .option('--profile <name>', 'AWS profile of the agent account (default: AWS_PROFILE or "default")')
    .option('--bucket-profile <name>', 'setup c: AWS profile of the bucket account')
    .option('--region <region>', "the instance's region (default: AWS_REGION)")
    .option('--instance-id <id>', "the Secure Agent's EC2 instance (required)")
    .option('--setup <a|b|c>', 'a: instance role; b: instance role assumes a connector role; c: cross-account connector role', 'a')
    .option('--role-name <name>', 'the role in the instance profile', DEFAULT_NAMES.role)
    .option('--policy-name <name>', 'managed policy with the S3 permissions', DEFAULT_NAMES.policy)
    .option('--instance-profile-name <name>', 'instance profile name (default: the role name)')
    .option('--connector-role-name <name>', 'setups b and c: the role the connection assumes', DEFAULT_NAMES.connectorRole)
    .option('--assume-policy-name <name>', "setups b and c: the instance role's sts:AssumeRole policy", DEFAULT_NAMES.assumePolicy)
    .option('--path <path>', 'IAM path for roles, policies and the instance profile', DEFAULT_NAMES.path)
    .option('--boundary-arn <arn>', 'permissions boundary (managed policy ARN) for the roles Keyless creates')
    .option('--tag <key=value>', 'tag for everything Keyless creates (repeatable)', collect, [])
    .option('--external-id <id>', "setups b and c: External Id required by the connector role's trust policy")
    .option('--existing-profile <choice>', 'when the instance already has a profile: assume-connector-role | extend-existing-role | replace-association')
    .option('--endpoint-url <url>', 'send every AWS call here (e.g. the sandbox: http://127.0.0.1:4566)')
    .option('--json', 'print JSON');
}

const CHOICES: Readonly<Record<string, ExistingProfileChoice>> = {
  'assume-connector-role': 'assumeConnectorRole',
  'extend-existing-role': 'extendExistingRole',
  'replace-association': 'replaceAssociation',
};

export function provisionInputFromCli(options: ProvisionCliOptions, io: CliIo): ProvisionInput {
  const region = options.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION;
  if (region === undefined) throw inputError('INVALID_ARGUMENTS', 'The region is missing.', "Add --region <region>, the region of the agent's instance.");
  if (options.instanceId === undefined) throw inputError('INVALID_ARGUMENTS', 'The EC2 instance is missing.', "Add --instance-id <id>, the Secure Agent's instance.");
  let choice: ExistingProfileChoice | undefined;
  if (options.existingProfile !== undefined) {
    choice = CHOICES[options.existingProfile];
    if (choice === undefined) throw inputError('INVALID_EXISTING_PROFILE_CHOICE', `--existing-profile must be one of ${Object.keys(CHOICES).join(', ')}.`, 'Run `keyless plan` to see what each choice does.');
  }
  return {
    setup: parseSetup(options.setup),
    profile: options.profile ?? io.env.AWS_PROFILE ?? 'default',
    ...(options.bucketProfile !== undefined ? { bucketProfile: options.bucketProfile } : {}),
    region,
    bucket: requireBucket(options.bucket),
    ...(options.folder !== undefined ? { folder: options.folder } : {}),
    access: parseAccess(options.access),
    advancedMode: options.advanced === true,
    ...(options.kmsKeyArn !== undefined ? { kmsKeyArn: options.kmsKeyArn } : {}),
    instanceId: options.instanceId,
    names: {
      role: options.roleName,
      policy: options.policyName,
      instanceProfile: options.instanceProfileName ?? options.roleName,
      connectorRole: options.connectorRoleName,
      assumePolicy: options.assumePolicyName,
    },
    path: options.path,
    ...(options.boundaryArn !== undefined ? { permissionsBoundaryArn: options.boundaryArn } : {}),
    tags: options.tag.map(parseTag),
    ...(options.externalId !== undefined ? { externalId: options.externalId } : {}),
    ...(choice !== undefined ? { existingProfileChoice: choice } : {}),
  };
}

/** Clients for the plan's profiles; files and variables come from io.env so in-process runs can point elsewhere. */
export async function factoryForProfiles(
  input: Pick<ProvisionInput, 'profile' | 'bucketProfile' | 'region'>,
  endpointUrl: string | undefined,
  io: CliIo,
): Promise<AwsClientFactory & { destroy(): void }> {
  const deps = { env: io.env, vault: await openVault({ appDataDir: defaultAppDataDir(io.env) }) };
  return profileClientFactory(input, deps, { region: input.region, ...(endpointUrl === undefined ? {} : { endpointUrl }) });
}

const MARK: Readonly<Record<PlanResource['action'], string>> = { create: '+', update: '~', keep: '=', replace: '±' };

function issueText(kind: string, issue: PlanIssue): string {
  let text = `${kind}: ${issue.message}\n  next: ${issue.nextStep}\n`;
  for (const [index, option] of (issue.options ?? []).entries()) {
    text += `  (${index + 1}) ${option.title}${option.recommended ? ' [recommended]' : ''}\n      ${option.consequence}\n`;
  }
  return text;
}

export function renderPlan(plan: Plan): string {
  const setupLabel = { instanceRole: 'A (instance role)', assumeConnectorRole: 'B (instance role assumes a connector role)', crossAccount: 'C (cross-account)' }[plan.effectiveSetup];
  let text = `Plan ${plan.runId}: setup ${setupLabel}, account ${plan.accounts.agent}${plan.accounts.bucket ? ` (bucket account ${plan.accounts.bucket})` : ''}, ${plan.region}\n\n`;
  for (const resource of plan.resources) {
    text += `${MARK[resource.action]} ${resource.action.padEnd(7)} ${resource.kind} ${resource.name} [${resource.account}] — ${resource.reason}\n`;
    if (resource.diff?.changed === true && resource.action !== 'create') {
      text += `    before: ${JSON.stringify(resource.diff.before)}\n    after:  ${JSON.stringify(resource.diff.after)}\n`;
    }
  }
  if (plan.steps.length > 0) {
    text += '\nAPI calls:\n';
    plan.steps.forEach((step, index) => {
      const after = step.dependsOn.length > 0 ? ` (after ${step.dependsOn.join(', ')})` : '';
      text += `  ${String(index + 1).padStart(2)}. [${step.account}] ${step.service}:${step.operation} — ${step.summary}${after}\n`;
    });
  }
  text += '\n';
  for (const warning of plan.warnings) text += issueText('warning', warning);
  for (const blocker of plan.blockers) text += issueText('blocked', blocker);
  if (plan.blockers.length > 0) text += 'This plan cannot be applied until the blockers are resolved.\n';
  else text += plan.steps.length === 0 ? 'No changes: everything is already set up.\n' : `${plan.steps.length} change(s) to apply.\n`;
  return text;
}

export function register(cmd: Command, io: CliIo): void {
  addProvisionOptions(cmd)
    .addHelpText('after', '\nExamples:\n  keyless plan --profile agent --region us-east-1 --bucket acme-landing --folder sales --instance-id i-0123456789abcdef0\n  keyless plan --setup c --profile agent --bucket-profile data --region us-east-1 --bucket acme-landing --instance-id i-0123456789abcdef0 --json')
    .action(async (options: ProvisionCliOptions) => {
      const input = provisionInputFromCli(options, io);
      const plan = await planRun(await factoryForProfiles(input, options.endpointUrl, io), input);
      io.stdout(options.json === true ? `${JSON.stringify(plan, null, 2)}\n` : renderPlan(plan));
    });
}

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { inputError, KeylessFailure } from '../../../shared/errors';
import { DEFAULT_NAMES } from '../../../shared/export/default-names';
import { draftExportInput } from '../../../shared/export/draft-export';
import { EXPORT_FORMATS, type ExportFile, type ExportFormat } from '../../../shared/export/export-input';
import { renderExport } from '../../../shared/export/render-export';
import type { CliIo } from '../cli-io';
import { addPermissionsOptions, collect, parseSetup, parseTag, permissionsFromCli, type PermissionsCliOptions } from './policy-options';

interface ExportCliOptions extends PermissionsCliOptions {
  readonly format?: string;
  readonly out?: string;
  readonly setup: string;
  readonly roleName: string;
  readonly policyName: string;
  readonly profileName?: string;
  readonly path: string;
  readonly boundaryArn?: string;
  readonly tag: readonly string[];
  readonly accountId?: string;
  readonly trustedAccount?: string;
  readonly connectorRoleName?: string;
  readonly assumePolicyName: string;
  readonly externalId?: string;
  readonly instanceId?: string;
  readonly region?: string;
}

const DEFAULT_CONNECTOR_ROLE = DEFAULT_NAMES.connectorRole;

function parseFormat(value: string | undefined): ExportFormat {
  if (value === undefined) {
    throw inputError('INVALID_ARGUMENTS', 'The export format is missing.', `Add --format with one of: ${EXPORT_FORMATS.join(', ')}.`);
  }
  if ((EXPORT_FORMATS as readonly string[]).includes(value)) return value as ExportFormat;
  throw inputError('INVALID_EXPORT_FORMAT', `Unknown export format "${value}".`, `Use --format with one of: ${EXPORT_FORMATS.join(', ')}.`);
}

/** Standard output: one file as it is; several with a comment header each (valid in HCL, YAML and bash); JSON as one object. */
function printFiles(io: CliIo, format: ExportFormat, files: readonly ExportFile[]): void {
  if (format === 'json') {
    const map: Record<string, unknown> = {};
    for (const file of files) map[file.name] = JSON.parse(file.content) as unknown;
    io.stdout(`${JSON.stringify(map, null, 2)}\n`);
    return;
  }
  if (files.length === 1 && files[0] !== undefined) {
    io.stdout(files[0].content);
    return;
  }
  io.stdout(files.map((file) => `# ==== ${file.name} ====\n${file.content}`).join('\n'));
}

/** `--out` is the file for a one-file export, and a folder when the export has several files. */
async function writeFiles(io: CliIo, out: string, files: readonly ExportFile[], format: ExportFormat): Promise<void> {
  const single = files.length === 1 && format !== 'json';
  try {
    for (const file of files) {
      const target = single ? out : join(out, file.name);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.content, { mode: format === 'aws-cli' ? 0o755 : 0o644 });
      io.stdout(`wrote ${target}\n`);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new KeylessFailure({
      code: 'EXPORT_WRITE_FAILED',
      message: `Could not write the export to ${out}: ${reason}.`,
      nextStep: single ? 'Choose a file path in a folder you can write to.' : 'This export has several files: give --out a folder you can write to.',
    });
  }
}

export function register(cmd: Command, io: CliIo): void {
  addPermissionsOptions(cmd.option('--format <format>', `output format: ${EXPORT_FORMATS.join(' | ')} (required)`))
    .option('--out <path>', 'write here instead of standard output: a file, or a folder for json and for setup c (several files)')
    .option('--setup <a|b|c>', 'a: instance role; b: instance role assumes a connector role; c: cross-account connector role', 'a')
    .option('--role-name <name>', 'the role in the instance profile (setup a: it also holds the S3 policy)', DEFAULT_NAMES.role)
    .option('--policy-name <name>', 'managed policy with the S3 permissions', DEFAULT_NAMES.policy)
    .option('--profile-name <name>', 'instance profile name (default: the role name)')
    .option('--path <path>', 'IAM path for roles, policies and the instance profile, e.g. /informatica/', '/')
    .option('--boundary-arn <arn>', 'permissions boundary (managed policy ARN) set on every role')
    .option('--tag <key=value>', 'tag for every role, policy and instance profile (repeatable)', collect, [])
    .option('--account-id <id>', 'setup b: the account of both roles; setup c: the bucket\'s account (connector role)')
    .option('--trusted-account <id>', 'setup c: the agent\'s account, trusted by the connector role')
    .option('--connector-role-name <name>', `setups b and c: the role the connection assumes (default ${DEFAULT_CONNECTOR_ROLE})`)
    .option('--assume-policy-name <name>', 'setups b and c: the instance role\'s sts:AssumeRole policy', DEFAULT_NAMES.assumePolicy)
    .option('--external-id <id>', 'setups b and c: External Id required by the connector role\'s trust policy')
    .option('--instance-id <id>', 'the Secure Agent\'s EC2 instance: the aws-cli script associates (or replaces) its instance profile')
    .option('--region <region>', 'region of the instance, for the EC2 calls (default: the AWS CLI\'s configured region)')
    .addHelpText(
      'after',
      '\nExamples:\n  keyless export --format terraform --bucket acme-landing --folder sales --access write\n  keyless export --format aws-cli --setup b --account-id 111122223333 --bucket acme-landing --instance-id i-0123456789abcdef0 --out setup.sh\n  keyless export --format cloudformation --setup c --account-id 111122223333 --trusted-account 444455556666 --external-id acme-7f3a --bucket acme-landing --out cfn/',
    )
    .action(async (options: ExportCliOptions) => {
      const format = parseFormat(options.format);
      const setup = parseSetup(options.setup);
      const twoRoles = setup !== 'instanceRole';
      const input = draftExportInput({
        ...permissionsFromCli(options),
        setup,
        roleName: options.roleName,
        policyName: options.policyName,
        instanceProfileName: options.profileName ?? options.roleName,
        path: options.path,
        tags: options.tag.map(parseTag),
        ...(options.boundaryArn === undefined ? {} : { permissionsBoundaryArn: options.boundaryArn }),
        ...(twoRoles ? { connectorRoleName: options.connectorRoleName ?? DEFAULT_CONNECTOR_ROLE, assumePolicyName: options.assumePolicyName } : {}),
        ...(!twoRoles && options.connectorRoleName !== undefined ? { connectorRoleName: options.connectorRoleName } : {}),
        ...(options.accountId === undefined ? {} : { accountId: options.accountId }),
        ...(options.trustedAccount === undefined ? {} : { trustedAccountId: options.trustedAccount }),
        ...(options.externalId === undefined ? {} : { externalId: options.externalId }),
        ...(options.instanceId === undefined ? {} : { instanceId: options.instanceId }),
        ...(options.region === undefined ? {} : { region: options.region }),
      });
      const files = renderExport(format, input);
      if (options.out === undefined) printFiles(io, format, files);
      else await writeFiles(io, options.out, files, format);
    });
}

import type { Command } from 'commander';
import type { CliIo } from './cli-io';

/**
 * Every `keyless` command is registered from this one table. An entry names the command and
 * loads its implementation only when that command runs, so `keyless --version` and `--help`
 * load no AWS SDK, keyring or policy catalogue module.
 *
 * To add a command: write `electron/cli/commands/<name>.ts` exporting
 * `register(cmd, io)` and add one line below. An action reports failure by throwing a
 * KeylessFailure (exit 2 for `INVALID_*` codes, else 1), or sets `process.exitCode` for a
 * result that is not an error (e.g. `policy lint` found error-level findings → 1).
 */
export interface CommandModule {
  register: (cmd: Command, io: CliIo) => void;
}

export interface CommandEntry {
  /** As typed: `policy`, `sandbox`, `whoami`. */
  readonly name: string;
  readonly summary: string;
  readonly define: () => Promise<CommandModule>;
}

export const commandTable: readonly CommandEntry[] = [
  { name: 'info', summary: 'Show the version, platform and whether an OS keychain is available', define: () => import('./commands/info') },
  { name: 'vault', summary: 'Show where secrets are kept (OS keychain-backed vault or memory only)', define: () => import('./commands/vault') },
  { name: 'policy', summary: 'Draft IAM policies for the S3 v2 connection, lint and evaluate policy files (offline)', define: () => import('./commands/policy') },
  { name: 'export', summary: 'Export the IAM setup as JSON, Terraform, CloudFormation or an AWS CLI script (offline)', define: () => import('./commands/export') },
  { name: 'sandbox', summary: 'Run the local AWS (moto + gateway) and IICS sandbox until interrupted', define: () => import('./commands/sandbox') },
  { name: 'profiles', summary: 'List the AWS profiles (as the AWS CLI sees them) with their kind, region and status', define: () => import('./commands/profiles') },
  { name: 'whoami', summary: 'Show who an AWS profile is (account, ARN, kind), or why it cannot be used', define: () => import('./commands/whoami') },
  { name: 'sso', summary: 'Sign in to IAM Identity Center (SSO) and list its accounts and roles', define: () => import('./commands/sso') },
  { name: 'plan', summary: 'Read the AWS accounts and show what apply would create, change or keep (changes nothing)', define: () => import('./commands/plan') },
  { name: 'apply', summary: 'Plan, confirm and apply the IAM setup with live progress; journaled for resume and rollback', define: () => import('./commands/apply') },
  { name: 'resume', summary: 'Finish an interrupted apply run without creating duplicates', define: () => import('./commands/resume') },
  { name: 'rollback', summary: 'Remove what an apply run created and restore a replaced association', define: () => import('./commands/rollback') },
  { name: 'runs', summary: 'List apply runs and their status', define: () => import('./commands/runs') },
  { name: 'verify', summary: 'Check with IAM\'s policy simulator that a setup grants the connector its S3 access (read-only)', define: () => import('./commands/verify') },
  { name: 'doctor', summary: 'Walk an existing setup from the EC2 instance or IICS connection to the bucket and name the broken link', define: () => import('./commands/doctor') },
  { name: 'iics', summary: 'Log in to Informatica Cloud, list runtime environments, create and test the S3 v2 connection', define: () => import('./commands/iics') },
];

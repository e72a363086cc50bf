import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import { inputError } from '../../../shared/errors';
import type { CliIo } from '../cli-io';
import { selectedProfileName } from '../../core/aws/aws-env';
import { listSsoAccountRoles, listSsoAccounts, startSsoLogin } from '../../core/aws/sso/sso-service';
import type { SsoLoginProgress, SsoStartTarget } from '../../core/aws/types';
import { defaultAppDataDir } from '../../core/vault/app-data-folder';
import { openVault } from '../../core/vault/vault';
import type { Vault } from '../../core/vault/vault';

interface TargetOptions {
  profile?: string;
  startUrl?: string;
  region?: string;
}

function targetOf(options: TargetOptions, io: CliIo): string | SsoStartTarget {
  if (options.startUrl !== undefined || options.region !== undefined) {
    if (options.profile !== undefined) throw inputError('INVALID_SSO_TARGET', 'Give either --profile or --start-url with --region, not both.', 'Drop one of them.');
    if (options.startUrl === undefined || options.region === undefined) {
      throw inputError('INVALID_SSO_TARGET', '--start-url and --region go together.', 'Give both, e.g. --start-url https://my-company.awsapps.com/start --region us-east-1.');
    }
    return { startUrl: options.startUrl, region: options.region };
  }
  return options.profile ?? selectedProfileName(io.env);
}

const withTarget = (cmd: Command): Command =>
  cmd
    .option('--profile <name>', 'an SSO profile (default: AWS_PROFILE, else "default")')
    .option('--start-url <url>', 'the AWS access portal URL, instead of a profile')
    .option('--region <region>', 'the IAM Identity Center region, with --start-url');

/** Opens a page in the default browser the way each OS does; failures only mean the user opens it by hand. */
function openInBrowser(url: string): Promise<void> {
  const [command, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

function describeProgress(progress: SsoLoginProgress): string | undefined {
  switch (progress.state) {
    case 'authorizationStarted':
      return [
        'To sign in, open this page in a browser and confirm the code:',
        `  ${progress.verificationUriComplete ?? progress.verificationUri}`,
        `  code: ${progress.userCode}   (valid until ${progress.expiresAt})`,
        'Waiting for approval… (Ctrl-C cancels)',
        '',
      ].join('\n');
    case 'browserNotOpened':
      return `Could not open the browser (${progress.reason}); open the page above by hand.\n`;
    case 'slowDown':
      return `The SSO service asked to poll less often; now every ${String(progress.intervalSeconds)} s.\n`;
    case 'signedIn':
      return `Signed in. The token is valid until ${progress.expiresAt}.\n`;
    case 'pending':
      return undefined;
  }
}

function memoryWarning(vault: Vault): string {
  const status = vault.status();
  return status.mode === 'memory' ? `warning: ${status.warning.message}\n  next: ${status.warning.nextStep}\n` : '';
}

/** `keyless sso login|accounts|roles`: IAM Identity Center sign-in (device code) and the portal's accounts and roles. */
export function register(cmd: Command, io: CliIo): void {
  withTarget(cmd.command('login').description('Sign in to IAM Identity Center with a device code; the token goes to the Keyless vault'))
    .option('--open', 'open the verification page in the default browser')
    .action(async (options: TargetOptions & { open?: boolean }) => {
      const target = targetOf(options, io);
      const vault = await openVault({ appDataDir: defaultAppDataDir(io.env) });
      io.stderr(memoryWarning(vault));
      const login = await startSsoLogin(target, {
        env: io.env,
        vault,
        onProgress: (progress) => {
          const text = describeProgress(progress);
          if (text !== undefined) io.stdout(text);
        },
        ...(options.open === true ? { openUrl: openInBrowser } : {}),
      });
      const onInterrupt = (): void => login.cancel();
      process.once('SIGINT', onInterrupt);
      try {
        const result = await login.done;
        io.stdout(`Signed in to ${result.startUrl} (${result.region})${result.refreshable ? '; Keyless will refresh the token as needed' : ''}.\n`);
      } finally {
        process.removeListener('SIGINT', onInterrupt);
      }
    });

  withTarget(cmd.command('accounts').description('List the AWS accounts your SSO user may use'))
    .option('--json', 'print machine-readable JSON')
    .action(async (options: TargetOptions & { json?: boolean }) => {
      const vault = await openVault({ appDataDir: defaultAppDataDir(io.env) });
      const accounts = await listSsoAccounts(targetOf(options, io), { env: io.env, vault });
      if (options.json === true) io.stdout(`${JSON.stringify(accounts, null, 2)}\n`);
      else io.stdout(accounts.map((account) => `${account.accountId}  ${account.accountName ?? ''}${account.emailAddress === undefined ? '' : `  <${account.emailAddress}>`}`).join('\n') + '\n');
    });

  withTarget(cmd.command('roles').description('List the roles (permission sets) your SSO user has in one account'))
    .requiredOption('--account <id>', 'the 12-digit account ID')
    .option('--json', 'print machine-readable JSON')
    .action(async (options: TargetOptions & { account: string; json?: boolean }) => {
      const vault = await openVault({ appDataDir: defaultAppDataDir(io.env) });
      const roles = await listSsoAccountRoles(targetOf(options, io), options.account, { env: io.env, vault });
      if (options.json === true) io.stdout(`${JSON.stringify(roles, null, 2)}\n`);
      else io.stdout(roles.map((role) => `${role.accountId}  ${role.roleName}`).join('\n') + '\n');
    });
}

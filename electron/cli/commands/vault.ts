import type { Command } from 'commander';
import type { CliIo } from '../cli-io';
import { defaultAppDataDir } from '../../core/vault/app-data-folder';
import { openVault } from '../../core/vault/vault';
import type { VaultStatus } from '../../core/vault/vault-status';

function describe(status: VaultStatus, secretCount: number): string {
  const lines =
    status.mode === 'keychain'
      ? [`vault: encrypted file, data key in the OS keychain (${status.backend})`, `file: ${status.file}`, `secrets stored: ${secretCount}`]
      : [
          'vault: memory only — there is no OS keychain, so secrets are forgotten when this run ends and nothing is written to disk',
          `why: ${status.reason}`,
          `secrets stored: ${secretCount}`,
          `next: ${status.warning.nextStep}`,
        ];
  if (status.mode === 'keychain' && status.warning !== undefined) {
    lines.push(`warning (${status.warning.code}): ${status.warning.message}`, `  next: ${status.warning.nextStep}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `keyless vault status`: where secrets are kept and how many there are — never their names or values. */
export function register(cmd: Command, io: CliIo): void {
  cmd
    .command('status')
    .description('Show whether secrets are kept in the OS keychain-backed vault or in memory only, and how many are stored')
    .option('--json', 'print machine-readable JSON')
    .action(async (options: { json?: boolean }) => {
      const vault = await openVault({ appDataDir: defaultAppDataDir(io.env) });
      const status = vault.status();
      const secretCount = (await vault.names()).length;
      if (options.json === true) {
        io.stdout(`${JSON.stringify({ ...status, secretCount }, null, 2)}\n`);
        return;
      }
      io.stdout(describe(status, secretCount));
    });
}

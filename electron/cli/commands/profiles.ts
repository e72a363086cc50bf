import type { Command } from 'commander';
import type { CliIo } from '../cli-io';
import { listProfileListing } from '../../core/aws/profiles/list-profiles';
import type { ProfileSummary } from '../../core/aws/types';
import { defaultAppDataDir } from '../../core/vault/app-data-folder';
import { openVault } from '../../core/vault/vault';

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ')).join('\n');
}

function render(profiles: readonly ProfileSummary[], configFile: string, credentialsFile: string): string {
  if (profiles.length === 0) {
    return `No AWS profiles in ${configFile} or ${credentialsFile}, and no AWS_ACCESS_KEY_ID.\n  next: run \`aws configure\` or \`aws configure sso\`, or set AWS_CONFIG_FILE to your config file.\n`;
  }
  const rows = [['', 'NAME', 'KIND', 'REGION', 'STATUS'], ...profiles.map((profile) => [profile.isDefault ? '*' : '', profile.name, profile.kind, profile.region ?? '-', profile.status])];
  const notes = profiles.filter((profile) => profile.status !== 'ready').map((profile) => `  ${profile.name}: ${profile.statusDetail}`);
  return `${table(rows)}\n${notes.length === 0 ? '' : `\n${notes.join('\n')}\n`}\n(* = used when no --profile is given; files: ${configFile}, ${credentialsFile})\n`;
}

/** `keyless profiles`: every AWS profile the AWS CLI would list, with its kind and whether it can be used now. */
export function register(cmd: Command, io: CliIo): void {
  cmd
    .option('--json', 'print machine-readable JSON')
    .option('--probe-ec2', 'also ask the EC2 instance metadata service whether this machine has a role (1 s timeout)')
    .action(async (options: { json?: boolean; probeEc2?: boolean }) => {
      const vault = await openVault({ appDataDir: defaultAppDataDir(io.env) });
      const listing = await listProfileListing(io.env, { vault }, { probeInstanceMetadata: options.probeEc2 === true });
      if (options.json === true) {
        io.stdout(`${JSON.stringify(listing, null, 2)}\n`);
        return;
      }
      io.stdout(render(listing.profiles, listing.configFile, listing.credentialsFile));
    });
}

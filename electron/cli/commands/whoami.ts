import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { inputError } from '../../../shared/errors';
import type { CliIo } from '../cli-io';
import { whoami } from '../../core/aws/identity/whoami';
import { defaultProfileName } from '../../core/aws/profiles/synthetic-profiles';
import type { Identity } from '../../core/aws/types';
import { defaultAppDataDir } from '../../core/vault/app-data-folder';
import { openVault } from '../../core/vault/vault';

/**
 * Asks for the MFA code: on a terminal with readline (the answer ends at Enter), otherwise from
 * the first line of standard input, so `echo 123456 | keyless whoami ...` and in-process tests work.
 */
async function promptLine(io: CliIo, question: string): Promise<string> {
  if (process.stdin.isTTY) {
    const reader = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return (await reader.question(question)).trim();
    } finally {
      reader.close();
    }
  }
  io.stderr(question);
  const text = await io.readStdin();
  return (text.split(/\r?\n/)[0] ?? '').trim();
}

function render(identity: Identity): string {
  const credentials =
    identity.credentialsExpireAt === undefined ? 'long-term keys' : `temporary, expire ${identity.credentialsExpireAt}${identity.fromCache ? ' (from the vault cache)' : ''}`;
  return [
    `profile:     ${identity.profile} (${identity.kind})`,
    `account:     ${identity.account}`,
    `arn:         ${identity.arn}`,
    `user id:     ${identity.userId}`,
    `partition:   ${identity.partition}`,
    `region:      ${identity.region}`,
    `credentials: ${credentials}`,
    '',
  ].join('\n');
}

/** `keyless whoami`: who a profile is at AWS (STS GetCallerIdentity), or why it cannot be used. */
export function register(cmd: Command, io: CliIo): void {
  cmd
    .option('--profile <name>', 'the AWS profile (default: as the SDK picks: AWS_ACCESS_KEY_ID, then AWS_PROFILE, then "default"); @environment and @instance-role also work')
    .option('--json', 'print machine-readable JSON')
    .action(async (options: { profile?: string; json?: boolean }) => {
      const profile = options.profile ?? defaultProfileName(io.env);
      const vault = await openVault({ appDataDir: defaultAppDataDir(io.env) });
      const identity = await whoami(profile, {
        env: io.env,
        vault,
        mfaCodeProvider: async (serial) => {
          const code = await promptLine(io, `MFA code for ${serial}: `);
          if (!/^\d{6}$/.test(code)) throw inputError('INVALID_MFA_CODE', 'An MFA code is the 6 digits your device shows.', 'Run the command again and type the current code.');
          return code;
        },
      });
      io.stdout(options.json === true ? `${JSON.stringify(identity, null, 2)}\n` : render(identity));
    });
}

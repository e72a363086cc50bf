import type { Command } from 'commander';
import { inputError } from '../../../shared/errors';
import { validateExternalId } from '../../../shared/validation/external-id';
import { validateInstanceId } from '../../../shared/validation/instance-id';
import { validateKmsKeyArn, validateRoleArn } from '../../../shared/validation/arns';
import { requireValid } from '../../../shared/validation/require-valid';
import type { CliIo } from '../cli-io';
import { selectedProfileName } from '../../core/aws/aws-env';
import type { DoctorConnection } from '../../core/engine/doctor/connection-links';
import { readIicsConnection } from '../../core/engine/doctor/iics-connection-reader';
import { runDoctor } from '../../core/engine/doctor/run-doctor';
import { clientsForAccounts } from '../../core/engine/profile-clients';
import { defaultAppDataDir } from '../../core/vault/app-data-folder';
import { openVault } from '../../core/vault/vault';
import { endpointOptions, printReport, targetFromFlags } from './verify';

/**
 * `keyless doctor`: why does the connection test fail? Walks the chain from an EC2 instance (or
 * from an IICS connection: runtime environment → agent → instance) down to the bucket/folder and
 * names the first broken link with its fix. Read-only.
 */

interface DoctorFlags {
  readonly profile?: string;
  readonly bucketProfile?: string;
  readonly region?: string;
  readonly endpointUrl?: string;
  readonly instance?: string;
  readonly bucket?: string;
  readonly folder?: string;
  readonly access: string;
  readonly advanced?: boolean;
  readonly kmsKeyArn?: string;
  readonly roleArn?: string;
  readonly externalId?: string;
  readonly agentInContainer?: boolean;
  readonly agentOnHost?: boolean;
  readonly connection?: string;
  readonly iicsLoginUrl?: string;
  readonly iicsUsername?: string;
  readonly json?: boolean;
}

/** The IICS password comes from KEYLESS_IICS_PASSWORD or the first line of standard input, never a flag (shell history). */
async function iicsPassword(io: CliIo): Promise<string> {
  const fromEnv = io.env.KEYLESS_IICS_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const line = ((await io.readStdin()).split(/\r?\n/)[0] ?? '').trim();
  if (line === '') throw inputError('INVALID_IICS_LOGIN', 'No IICS password was given.', 'Set KEYLESS_IICS_PASSWORD, or pipe the password on standard input.');
  return line;
}

async function connectionOf(flags: DoctorFlags, io: CliIo): Promise<DoctorConnection | undefined> {
  if (flags.connection === undefined) return undefined;
  if (flags.iicsLoginUrl === undefined || flags.iicsUsername === undefined) {
    throw inputError('INVALID_IICS_LOGIN', '--connection needs the IICS login host and user.', 'Add --iics-login-url https://dm-us.informaticacloud.com (your POD\'s) and --iics-username NAME.');
  }
  return readIicsConnection({ loginUrl: flags.iicsLoginUrl, username: flags.iicsUsername, password: await iicsPassword(io) }, flags.connection);
}

function agentInContainer(flags: DoctorFlags): boolean | undefined {
  if (flags.agentInContainer === true && flags.agentOnHost === true) throw inputError('INVALID_ARGUMENTS', '--agent-in-container and --agent-on-host contradict each other.', 'Pass the one that is true.');
  return flags.agentInContainer === true ? true : flags.agentOnHost === true ? false : undefined;
}

export function register(cmd: Command, io: CliIo): void {
  cmd
    .description('Walk an existing setup from the EC2 instance (or IICS connection) to the bucket and name the broken link (read-only)')
    .option('--profile <name>', 'AWS profile of the agent\'s account (default: AWS_PROFILE, else "default")')
    .option('--bucket-profile <name>', 'setup C: AWS profile of the account of the assumed role')
    .option('--region <region>', 'region of the instance (default: the profile\'s)')
    .option('--instance <id>', 'the Secure Agent\'s EC2 instance')
    .option('--bucket <name>', 'the bucket to check (default: from the connection\'s Folder Path)')
    .option('--folder <path>', 'the folder in the bucket, no slash at either end')
    .option('--access <level>', 'read or write', 'read')
    .option('--advanced', 'mappings in advanced mode (multipart uploads)')
    .option('--kms-key-arn <arn>', 'the bucket\'s SSE-KMS key')
    .option('--role-arn <arn>', 'setups B/C without --connection: the role the agent assumes ("IAM Role ARN")')
    .option('--external-id <id>', 'setups B/C without --connection: the connection\'s "External Id"')
    .option('--agent-in-container', 'the Secure Agent runs in a container (decides the IMDS hop-limit check)')
    .option('--agent-on-host', 'the Secure Agent is installed directly on the instance')
    .option('--connection <name>', 'start from this IICS connection (needs --iics-login-url and --iics-username)')
    .option('--iics-login-url <url>', 'IICS login host of your POD')
    .option('--iics-username <name>', 'IICS user; the password comes from KEYLESS_IICS_PASSWORD or standard input')
    .option('--endpoint-url <url>', 'send every AWS call here (e.g. the sandbox: http://127.0.0.1:4566)')
    .option('--json', 'print machine-readable JSON')
    .action(async (flags: DoctorFlags) => {
      if (flags.instance === undefined && flags.connection === undefined) throw inputError('INVALID_ARGUMENTS', 'Tell the doctor where to start.', 'Pass --instance i-… (the agent\'s EC2 instance), or --connection NAME with the IICS login flags.');
      const instanceId = flags.instance === undefined ? undefined : requireValid(validateInstanceId(flags.instance));
      const roleArn = flags.roleArn === undefined ? undefined : requireValid(validateRoleArn(flags.roleArn)).arn;
      const externalId = flags.externalId === undefined ? undefined : requireValid(validateExternalId(flags.externalId));
      if (externalId !== undefined && roleArn === undefined && flags.connection === undefined) throw inputError('INVALID_ARGUMENTS', '--external-id goes with --role-arn.', 'Add --role-arn ARN of the role the agent assumes.');
      const inContainer = agentInContainer(flags);
      if (flags.access !== 'read' && flags.access !== 'write') throw inputError('INVALID_ACCESS_LEVEL', `Access must be "read" or "write", not "${flags.access}".`, 'Pass --access read or --access write.');
      const kmsKeyArn = flags.kmsKeyArn === undefined ? undefined : requireValid(validateKmsKeyArn(flags.kmsKeyArn));
      const target = flags.bucket === undefined ? undefined : targetFromFlags(flags, undefined);
      const connection = await connectionOf(flags, io);
      const deps = { env: io.env, vault: await openVault({ appDataDir: defaultAppDataDir(io.env) }) };
      const accounts = await clientsForAccounts({ profile: flags.profile ?? selectedProfileName(io.env), bucketProfile: flags.bucketProfile }, deps, endpointOptions(flags, flags.region));
      try {
        const { agent, bucket } = accounts;
        const report = await runDoctor(
          {
            region: agent.region,
            ...(instanceId === undefined ? {} : { instanceId }),
            ...(connection === undefined ? {} : { connection }),
            ...(target === undefined ? {} : { bucket: target.bucket, ...(target.folder === undefined ? {} : { folder: target.folder }) }),
            access: flags.access,
            advancedMode: flags.advanced === true,
            ...(kmsKeyArn === undefined ? {} : { kmsKeyArn }),
            ...(roleArn === undefined ? {} : { assumeRole: { roleArn, ...(externalId === undefined ? {} : { externalId }) } }),
            ...(inContainer === undefined ? {} : { agentInContainer: inContainer }),
          },
          { agent: agent.clients, ...(bucket === undefined ? {} : { bucket: bucket.clients }) },
        );
        printReport(report, flags.json, io);
      } finally {
        accounts.destroy();
      }
    });
}

import type { Command } from 'commander';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { inputError, KeylessFailure } from '../../../shared/errors';
import { DEFAULT_NAMES } from '../../../shared/export/default-names';
import { chainReportLines, firstBrokenLink, overallStatus } from '../../../shared/plan/chain-report';
import type { ChainReport } from '../../../shared/plan/chain-report';
import { validateExternalId } from '../../../shared/validation/external-id';
import { validateInstanceId } from '../../../shared/validation/instance-id';
import { requireValid } from '../../../shared/validation/require-valid';
import type { CliIo } from '../cli-io';
import { selectedProfileName } from '../../core/aws/aws-env';
import type { EngineAwsClients } from '../../core/engine/aws-clients';
import { connectorTarget } from '../../core/engine/verify/connector-access';
import type { ConnectorTarget } from '../../core/engine/verify/connector-access';
import type { Partition } from '../../../shared/policy/model';
import { partitionOfArn } from '../../core/engine/verify/role-links';
import { clientsForAccounts } from '../../core/engine/profile-clients';
import type { ProfileClientOptions } from '../../core/engine/profile-clients';
import { verifySetup } from '../../core/engine/verify/verify-setup';
import { currentInstanceRole } from '../../core/engine/verify/verify-plan';
import type { SetupKind } from '../../core/engine/verify/verify-setup';
import { defaultAppDataDir } from '../../core/vault/app-data-folder';
import { openVault } from '../../core/vault/vault';

/**
 * `keyless verify`: after apply, asks IAM's policy simulator whether the role that uses the
 * bucket may do what the connector does there, and for setups B and C whether the AssumeRole
 * path holds. Prints a checklist (✓ ✗ ?); exit 1 when a link is broken. Changes nothing.
 */

interface VerifyFlags {
  readonly profile?: string;
  readonly bucketProfile?: string;
  readonly region?: string;
  readonly endpointUrl?: string;
  readonly instanceId?: string;
  readonly role?: string;
  readonly connectorRole?: string;
  readonly externalId?: string;
  readonly bucket?: string;
  readonly folder?: string;
  readonly access: string;
  readonly advanced?: boolean;
  readonly kmsKeyArn?: string;
  readonly setup?: string;
  readonly json?: boolean;
}

function setupOf(flags: VerifyFlags): SetupKind {
  if (flags.setup === undefined) return flags.bucketProfile !== undefined ? 'c' : flags.connectorRole !== undefined ? 'b' : 'a';
  const setup = flags.setup.toLowerCase();
  if (setup === 'a' || setup === 'b' || setup === 'c') return setup;
  throw inputError('INVALID_SETUP', `--setup must be a, b or c, not "${flags.setup}".`, 'a: instance role; b: instance role assumes a connector role; c: the connector role is in the bucket\'s account.');
}

/** The role on the instance now, so verify checks what the agent really uses. */
async function instanceRoleOf(clients: EngineAwsClients, instanceId: string, region: string): Promise<string> {
  const found = await currentInstanceRole(clients, instanceId, region);
  if ('roleArn' in found) return found.roleArn;
  throw new KeylessFailure({
    code: found.link.status === 'unknown' ? 'AWS_ACCESS_DENIED' : 'INSTANCE_ROLE_MISSING',
    message: `EC2 instance ${instanceId} has no role to verify: ${found.link.reason}`,
    nextStep: `Run \`keyless doctor --instance ${instanceId}\` to see the chain, or pass --role.`,
  });
}

async function connectorRoleArn(flags: VerifyFlags, clients: EngineAwsClients): Promise<string> {
  const given = flags.connectorRole ?? DEFAULT_NAMES.connectorRole;
  if (given.startsWith('arn:')) return given;
  const { Arn, Account } = await clients.sts.send(new GetCallerIdentityCommand({}));
  return `arn:${partitionOfArn(Arn ?? '')}:iam::${Account ?? ''}:role/${given}`;
}

/**
 * Bucket, folder, access, advanced mode and key from the flags, checked (`--bucket` is required by
 * commander). Without a partition (before the caller is known) the key ARN is not checked yet.
 */
export function targetFromFlags(flags: Pick<VerifyFlags, 'bucket' | 'folder' | 'access' | 'advanced' | 'kmsKeyArn'>, partition: Partition | undefined): ConnectorTarget {
  return connectorTarget({
    bucket: flags.bucket ?? '',
    ...(flags.folder === undefined ? {} : { folder: flags.folder }),
    access: flags.access,
    advancedMode: flags.advanced === true,
    ...(flags.kmsKeyArn === undefined || partition === undefined ? {} : { kmsKeyArn: flags.kmsKeyArn }),
    partition: partition ?? 'aws',
  });
}

export function endpointOptions(flags: { endpointUrl?: string }, region: string | undefined): ProfileClientOptions {
  return { ...(region === undefined ? {} : { region }), ...(flags.endpointUrl === undefined ? {} : { endpointUrl: flags.endpointUrl }) };
}

export function printReport(report: ChainReport, json: boolean | undefined, io: CliIo): void {
  const status = overallStatus(report);
  if (json === true) io.stdout(`${JSON.stringify({ status, firstBroken: firstBrokenLink(report)?.id ?? null, ...report }, null, 2)}\n`);
  else io.stdout(`${chainReportLines(report).join('\n')}\n`);
  if (status === 'broken') process.exitCode = 1;
}

export function register(cmd: Command, io: CliIo): void {
  cmd
    .description('Check with IAM\'s policy simulator that the setup grants the connector its access (read-only)')
    .option('--profile <name>', 'AWS profile of the agent\'s account (default: AWS_PROFILE, else "default")')
    .option('--bucket-profile <name>', 'setup C: AWS profile of the bucket\'s account')
    .option('--region <region>', 'region of the instance (default: the profile\'s)')
    .option('--instance-id <id>', 'the Secure Agent\'s EC2 instance: its role is the one verified')
    .option('--role <name|arn>', `the instance role (default: the instance's, else ${DEFAULT_NAMES.role})`)
    .option('--connector-role <name|arn>', `setups B/C: the connection's "IAM Role ARN" (default name ${DEFAULT_NAMES.connectorRole})`)
    .option('--external-id <id>', 'setups B/C: the connection\'s "External Id"')
    .requiredOption('--bucket <name>', 'the bucket the connection uses')
    .option('--folder <path>', 'the folder in the bucket, no slash at either end')
    .option('--access <level>', 'read or write', 'read')
    .option('--advanced', 'mappings in advanced mode (multipart uploads)')
    .option('--kms-key-arn <arn>', 'the bucket\'s SSE-KMS key')
    .option('--setup <a|b|c>', 'a: instance role; b: assume a connector role; c: connector role in the bucket account')
    .option('--endpoint-url <url>', 'send every AWS call here (e.g. the sandbox: http://127.0.0.1:4566)')
    .option('--json', 'print machine-readable JSON')
    .action(async (flags: VerifyFlags) => {
      const setup = setupOf(flags);
      const instanceId = flags.instanceId === undefined ? undefined : requireValid(validateInstanceId(flags.instanceId));
      const externalId = flags.externalId === undefined ? undefined : requireValid(validateExternalId(flags.externalId));
      targetFromFlags(flags, undefined);
      if (setup === 'c' && flags.bucketProfile === undefined) throw inputError('INVALID_ARGUMENTS', 'Setup C needs the bucket account\'s profile.', 'Add --bucket-profile NAME.');
      const deps = { env: io.env, vault: await openVault({ appDataDir: defaultAppDataDir(io.env) }) };
      const accounts = await clientsForAccounts({ profile: flags.profile ?? selectedProfileName(io.env), bucketProfile: flags.bucketProfile }, deps, endpointOptions(flags, flags.region));
      try {
        const { agent, bucket } = accounts;
        const instanceRole = flags.role ?? (instanceId === undefined ? DEFAULT_NAMES.role : await instanceRoleOf(agent.clients, instanceId, agent.region));
        const { Arn } = await agent.clients.sts.send(new GetCallerIdentityCommand({}));
        const report = await verifySetup(
          {
            setup,
            instanceRole,
            ...(setup === 'a' ? {} : { connectorRoleArn: await connectorRoleArn(flags, (bucket ?? agent).clients) }),
            ...(externalId === undefined ? {} : { externalId }),
            ...(instanceId === undefined ? {} : { instanceId }),
            target: targetFromFlags(flags, partitionOfArn(Arn ?? '')),
          },
          { agent: agent.clients, ...(bucket === undefined ? {} : { bucket: bucket.clients }) },
        );
        printReport(report, flags.json, io);
      } finally {
        accounts.destroy();
      }
    });
}

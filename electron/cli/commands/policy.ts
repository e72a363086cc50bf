import type { Command } from 'commander';
import { inputError } from '../../../shared/errors';
import { buildAssumeRolePolicy } from '../../../shared/policy/build/assume-role-policy';
import { buildPermissionsPolicy } from '../../../shared/policy/build/permissions-policy';
import { buildTrustPolicy, type TrustedEntity } from '../../../shared/policy/build/trust-policy';
import type { PolicyDocument } from '../../../shared/policy/model';
import { toPolicyJson } from '../../../shared/policy/serialize';
import type { CliIo } from '../cli-io';
import { registerEval } from './policy-eval';
import { registerLint } from './policy-lint';
import { addPermissionsOptions, parsePartition, permissionsFromCli, type PermissionsCliOptions } from './policy-options';

function print(io: CliIo, document: PolicyDocument): void {
  io.stdout(`${toPolicyJson(document)}\n`);
}

interface TrustCliOptions {
  readonly trustedAccount?: string;
  readonly trustedRoleArn?: string;
  readonly externalId?: string;
  readonly partition: string;
}

function trustedEntity(options: TrustCliOptions): TrustedEntity {
  if (options.trustedAccount !== undefined && options.trustedRoleArn !== undefined) {
    throw inputError(
      'INVALID_ARGUMENTS',
      '--trusted-account and --trusted-role-arn were both given; a trust policy here trusts one of them.',
      'Keep --trusted-role-arn for setup B (instance role → connector role) or --trusted-account for setup C (cross-account).',
    );
  }
  if (options.trustedAccount !== undefined) return { kind: 'account', accountId: options.trustedAccount };
  if (options.trustedRoleArn !== undefined) return { kind: 'role', roleArn: options.trustedRoleArn };
  return { kind: 'ec2Service' };
}

export function register(cmd: Command, io: CliIo): void {
  cmd.description('Draft, check and evaluate IAM policies offline (no network, no credentials)');

  addPermissionsOptions(
    cmd
      .command('permissions')
      .description('Print the S3 permissions policy the Amazon S3 v2 connection needs (JSON)')
      .addHelpText(
        'after',
        '\nExamples:\n  keyless policy permissions --bucket acme-landing --folder sales/in --access write --advanced\n  keyless policy permissions --bucket acme-cn --partition aws-cn --kms-key-arn arn:aws-cn:kms:cn-north-1:111122223333:key/<key-id>',
      ),
  ).action((options: PermissionsCliOptions) => {
    print(io, buildPermissionsPolicy(permissionsFromCli(options)));
  });

  cmd
    .command('trust')
    .description('Print a role trust policy (JSON): the EC2 service by default, or an account or a role')
    .option('--trusted-account <id>', 'trust a 12-digit AWS account (setup C, cross-account: the agent\'s account)')
    .option('--trusted-role-arn <arn>', 'trust one role, e.g. the agent\'s instance role (setup B: the connector role\'s trust)')
    .option('--external-id <id>', 'require this External Id (sts:ExternalId); not allowed for the EC2 service, which sends none')
    .option('--partition <partition>', 'AWS partition: aws, aws-cn (EC2 principal ec2.amazonaws.com.cn) or aws-us-gov', 'aws')
    .action((options: TrustCliOptions) => {
      const partition = parsePartition(options.partition);
      const trusted = trustedEntity(options);
      print(io, buildTrustPolicy({ trusted, partition, ...(options.externalId === undefined ? {} : { externalId: options.externalId }) }));
    });

  cmd
    .command('assume')
    .description('Print the instance role\'s policy for setup B: sts:AssumeRole on exactly the connector role (JSON)')
    .option('--connector-role-arn <arn>', 'ARN of the connector role, the connection\'s "IAM Role ARN" (required)')
    .option('--partition <partition>', 'when given, the role ARN must be in this partition (aws, aws-cn, aws-us-gov)')
    .action((options: { connectorRoleArn?: string; partition?: string }) => {
      if (options.connectorRoleArn === undefined) {
        throw inputError('INVALID_ARGUMENTS', 'The connector role ARN is missing.', 'Add --connector-role-arn arn:aws:iam::<account>:role/<name>.');
      }
      const partition = options.partition === undefined ? {} : { partition: parsePartition(options.partition) };
      print(io, buildAssumeRolePolicy({ connectorRoleArn: options.connectorRoleArn, ...partition }));
    });

  registerLint(cmd, io);
  registerEval(cmd, io);
}

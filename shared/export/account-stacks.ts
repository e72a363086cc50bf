import type { Partition, PolicyDocument } from '../policy/model';
import type { ResourceTag } from '../validation/tags';
import type { ExportInput } from './export-input';
import { validateExportInput } from './validate-export-input';

/**
 * The export model split by AWS account: what one Terraform root, one CloudFormation stack or one
 * shell script creates. Setups A and B are one stack; C is two (bucket account, agent account),
 * because one template or one set of credentials cannot reach two accounts.
 */
export type RoleKey = 'instanceRole' | 'connectorRole';

export interface ManagedPolicySpec {
  readonly key: 's3Access' | 'assumeConnectorRole';
  readonly name: string;
  readonly description: string;
  readonly document: PolicyDocument;
}

export interface RoleSpec {
  readonly key: RoleKey;
  readonly name: string;
  readonly description: string;
  readonly trust: PolicyDocument;
  readonly policy: ManagedPolicySpec;
  /** A role named in this role's trust policy must exist first ("Invalid principal" otherwise). */
  readonly after?: RoleKey;
}

export interface AccountStack {
  /** File-name stem: `''` for the only stack, else `bucket-account` / `agent-account`. */
  readonly part: '' | 'bucket-account' | 'agent-account';
  readonly title: string;
  readonly partition: Partition;
  /** When known, scripts refuse to run with credentials of another account. */
  readonly accountId?: string;
  readonly path: string;
  readonly permissionsBoundaryArn?: string;
  readonly tags: readonly ResourceTag[];
  readonly roles: readonly RoleSpec[];
  /** The instance profile and the role it carries (always the instance role). */
  readonly instanceProfile?: { readonly name: string; readonly role: RoleKey };
  readonly instanceId?: string;
  readonly region?: string;
  /** The role ARN the IICS connection's "IAM Role ARN" takes (B and C), for outputs. */
  readonly connectionRoleArnNote?: string;
}

const S3_DESCRIPTION = 'Informatica Cloud Amazon S3 v2 connection: least-privilege S3 access (Keyless)';
const ASSUME_DESCRIPTION = 'Lets the Secure Agent instance role assume the S3 connector role, and nothing else (Keyless)';

export function planAccountStacks(input: ExportInput): readonly AccountStack[] {
  validateExportInput(input);
  const { names, documents } = input;
  const common = {
    partition: input.partition,
    path: input.path,
    tags: input.tags,
    ...(input.permissionsBoundaryArn === undefined ? {} : { permissionsBoundaryArn: input.permissionsBoundaryArn }),
  };
  const agentSide = {
    instanceProfile: { name: names.instanceProfile, role: 'instanceRole' as const },
    ...(input.instanceId === undefined ? {} : { instanceId: input.instanceId }),
    ...(input.region === undefined ? {} : { region: input.region }),
  };
  const s3Policy: ManagedPolicySpec = { key: 's3Access', name: names.policy, description: S3_DESCRIPTION, document: documents.permissions };

  if (input.setup === 'instanceRole') {
    const role: RoleSpec = {
      key: 'instanceRole',
      name: names.role,
      description: 'Secure Agent instance role for the Amazon S3 v2 connection (Keyless)',
      trust: documents.instanceRoleTrust,
      policy: s3Policy,
    };
    return [{ part: '', title: 'Setup A: EC2 instance role with S3 access', ...common, roles: [role], ...agentSide }];
  }

  // validateExportInput has checked that B and C carry these parts.
  const connectorName = names.connectorRole as string;
  const assumePolicy: ManagedPolicySpec = {
    key: 'assumeConnectorRole',
    name: names.assumePolicy as string,
    description: ASSUME_DESCRIPTION,
    document: documents.assume as PolicyDocument,
  };
  const instanceRole: RoleSpec = {
    key: 'instanceRole',
    name: names.role,
    description: 'Secure Agent instance role: may only assume the S3 connector role (Keyless)',
    trust: documents.instanceRoleTrust,
    policy: assumePolicy,
  };
  const connectorArn = `arn:${input.partition}:iam::${input.accountId as string}:role${input.path}${connectorName}`;
  const connectorRole: RoleSpec = {
    key: 'connectorRole',
    name: connectorName,
    description: 'Role the Amazon S3 v2 connection assumes ("IAM Role ARN"); holds the S3 access (Keyless)',
    trust: documents.connectorRoleTrust as PolicyDocument,
    policy: s3Policy,
    ...(input.setup === 'assumeConnectorRole' ? { after: 'instanceRole' as const } : {}),
  };
  const note = `Set the connection's "IAM Role ARN" to ${connectorArn} and tick "Use EC2 Role to Assume Role".`;

  if (input.setup === 'assumeConnectorRole') {
    return [
      {
        part: '',
        title: 'Setup B: EC2 instance role that assumes a dedicated S3 connector role',
        ...common,
        ...(input.accountId === undefined ? {} : { accountId: input.accountId }),
        roles: [instanceRole, connectorRole],
        ...agentSide,
        connectionRoleArnNote: note,
      },
    ];
  }
  return [
    {
      part: 'bucket-account',
      title: `Setup C, bucket account ${input.accountId as string}: S3 connector role trusted by the agent's account`,
      ...common,
      ...(input.accountId === undefined ? {} : { accountId: input.accountId }),
      roles: [connectorRole],
      connectionRoleArnNote: note,
    },
    {
      part: 'agent-account',
      title: `Setup C, agent account ${input.agentAccountId as string}: EC2 instance role that assumes the connector role`,
      ...common,
      ...(input.agentAccountId === undefined ? {} : { accountId: input.agentAccountId }),
      roles: [instanceRole],
      ...agentSide,
      connectionRoleArnNote: note,
    },
  ];
}

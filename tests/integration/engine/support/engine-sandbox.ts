import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeIamInstanceProfileAssociationsCommand } from '@aws-sdk/client-ec2';
import { ListAttachedRolePoliciesCommand, ListInstanceProfilesCommand, ListPoliciesCommand, ListPolicyVersionsCommand, ListRolesCommand } from '@aws-sdk/client-iam';
import { DEFAULT_NAMES } from '../../../../shared/export/default-names';
import type { ProvisionInput } from '../../../../shared/plan/provision-input';
import type { AccountRole } from '../../../../shared/plan/plan-model';
import { clientFactory, type AwsClientFactory } from '../../../../electron/core/engine/aws-clients';
import type { Sandbox } from '../../../../electron/core/sandbox/start-sandbox';
import { asOperator } from '../../../support/sandbox';

/** Engine tests' view of the sandbox: clients as the seeded operators, inputs, and account snapshots. */

export function operatorFactory(sandbox: Sandbox, options: { agentUser?: string; maxAttempts?: number } = {}): AwsClientFactory {
  const agent = asOperator(sandbox, options.agentUser ?? 'keyless-admin');
  const bucket = asOperator(sandbox, 'keyless-data-admin');
  return clientFactory({ region: sandbox.region, endpoint: sandbox.awsEndpoint, credentials: { agent: agent.credentials, bucket: bucket.credentials }, ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}) });
}

export function instanceId(sandbox: Sandbox, name: string): string {
  const instance = sandbox.seed.instances.find((candidate) => candidate.name === name);
  if (instance === undefined) throw new Error(`the seed has no instance ${name}`);
  return instance.instanceId;
}

export function provisionInput(sandbox: Sandbox, overrides: Partial<ProvisionInput> & { instanceName?: string }): ProvisionInput {
  const { instanceName, ...rest } = overrides;
  return {
    setup: 'instanceRole',
    profile: 'sandbox-admin',
    region: sandbox.region,
    bucket: 'keyless-sandbox-sales',
    folder: 'sales',
    access: 'read',
    advancedMode: false,
    instanceId: instanceId(sandbox, instanceName ?? 'infa-secure-agent-01'),
    names: { role: DEFAULT_NAMES.role, policy: DEFAULT_NAMES.policy, instanceProfile: DEFAULT_NAMES.role, connectorRole: DEFAULT_NAMES.connectorRole, assumePolicy: DEFAULT_NAMES.assumePolicy },
    path: '/',
    tags: [{ key: 'team', value: 'data-platform' }],
    ...rest,
  };
}

export function tempAppData(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'keyless-engine-'));
}

export interface AccountSnapshot {
  readonly roles: readonly string[];
  readonly policies: readonly string[];
  readonly profiles: readonly string[];
  readonly associations: readonly string[];
}

/** Everything a run could touch, as sorted strings, so "as before the run" is one toEqual. */
export async function snapshot(factory: AwsClientFactory, account: AccountRole = 'agent'): Promise<AccountSnapshot> {
  const { iam, ec2 } = factory.clients(account);
  const roles = (await iam.send(new ListRolesCommand({ MaxItems: 1000 }))).Roles ?? [];
  const roleLines = await Promise.all(
    roles.map(async (role) => {
      const attached = (await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: role.RoleName }))).AttachedPolicies ?? [];
      return `${role.Arn ?? ''} trust=${decodeURIComponent(role.AssumeRolePolicyDocument ?? '')} attached=${attached.map((policy) => policy.PolicyArn).sort().join(',')}`;
    }),
  );
  const policies = (await iam.send(new ListPoliciesCommand({ Scope: 'Local', MaxItems: 1000 }))).Policies ?? [];
  const policyLines = await Promise.all(
    policies.map(async (policy) => {
      const versions = (await iam.send(new ListPolicyVersionsCommand({ PolicyArn: policy.Arn }))).Versions ?? [];
      return `${policy.Arn ?? ''} default=${policy.DefaultVersionId ?? ''} versions=${versions.map((version) => version.VersionId).sort().join(',')}`;
    }),
  );
  const profiles = (await iam.send(new ListInstanceProfilesCommand({ MaxItems: 1000 }))).InstanceProfiles ?? [];
  const associations = account === 'agent' ? ((await ec2.send(new DescribeIamInstanceProfileAssociationsCommand({}))).IamInstanceProfileAssociations ?? []) : [];
  return {
    roles: roleLines.sort(),
    policies: policyLines.sort(),
    profiles: profiles.map((profile) => `${profile.Arn ?? ''} roles=${(profile.Roles ?? []).map((role) => role.RoleName).sort().join(',')}`).sort(),
    associations: associations
      .filter((association) => association.State === 'associated' || association.State === 'associating')
      .map((association) => `${association.InstanceId ?? ''} → ${association.IamInstanceProfile?.Arn ?? ''}`)
      .sort(),
  };
}

import { createHash } from 'node:crypto';
import { AssociateIamInstanceProfileCommand, DescribeImagesCommand, DescribeInstancesCommand, RunInstancesCommand, StopInstancesCommand } from '@aws-sdk/client-ec2';
import { AddRoleToInstanceProfileCommand, CreateAccessKeyCommand, CreateInstanceProfileCommand, CreateRoleCommand, CreateUserCommand, PutRolePolicyCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { SsoAccount } from '../sso/sso-directory';
import { CONTROL_ACCOUNT, CONTROL_USER_NAME, SYSTEM_ROLE_NAME } from '../gateway/moto-system-access';
import type { AwsCredentialIdentity } from '../gateway/moto-system-access';
import { motoAdminClients } from './moto-admin-clients';
import type { AccountRef, Seed } from './seed-schema';

/**
 * Builds the seeded world in moto while its authentication is still off, then the caller switches
 * authentication on. Besides the seed's own resources it creates the gateway's control user (in
 * a separate control account) and, in every sandbox account, the system role the gateway reads
 * through (see gateway/moto-system-access.ts).
 */

export interface SeededOperator {
  readonly userName: string;
  readonly account: string;
  readonly arn: string;
  readonly profile: string;
  readonly description?: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export interface SeededInstance {
  readonly name: string;
  readonly instanceId: string;
  readonly account: string;
  readonly state: 'running' | 'stopped';
  readonly hostsSecureAgent: boolean;
  readonly privateDnsName: string;
  readonly privateIpAddress: string;
  readonly instanceProfileArn?: string;
}

export interface SeedSummary {
  readonly region: string;
  readonly accounts: Readonly<Record<AccountRef, { readonly id: string; readonly name: string }>>;
  readonly operators: readonly SeededOperator[];
  readonly roles: readonly { readonly account: string; readonly name: string; readonly arn: string; readonly instanceProfileArn?: string }[];
  readonly buckets: readonly { readonly account: string; readonly name: string; readonly keys: readonly string[] }[];
  readonly instances: readonly SeededInstance[];
  readonly sso: { readonly startUrl: string; readonly region: string; readonly userName: string; readonly profile: string; readonly accounts: readonly SsoAccount[] };
}

export interface AppliedSeed {
  readonly summary: SeedSummary;
  /** The gateway's own user in the control account; never printed. */
  readonly control: AwsCredentialIdentity;
}

const allowEverything = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });

export async function applySeed(motoEndpoint: string, seed: Seed): Promise<AppliedSeed> {
  const accountId = (ref: AccountRef): string => seed.accounts[ref].id;
  const clients = (account: string) => motoAdminClients(motoEndpoint, account, seed.region);

  const control = clients(CONTROL_ACCOUNT);
  await control.iam.send(new CreateUserCommand({ UserName: CONTROL_USER_NAME }));
  await control.iam.send(new PutUserPolicyCommand({ UserName: CONTROL_USER_NAME, PolicyName: 'sandbox-gateway', PolicyDocument: allowEverything }));
  const controlKey = (await control.iam.send(new CreateAccessKeyCommand({ UserName: CONTROL_USER_NAME }))).AccessKey!;

  for (const ref of ['agent', 'bucket'] as const) {
    const { iam } = clients(accountId(ref));
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${CONTROL_ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] };
    await iam.send(new CreateRoleCommand({ RoleName: SYSTEM_ROLE_NAME, AssumeRolePolicyDocument: JSON.stringify(trust), Description: 'Keyless sandbox: lets the gateway read this account. Not part of the scenario.' }));
    await iam.send(new PutRolePolicyCommand({ RoleName: SYSTEM_ROLE_NAME, PolicyName: 'sandbox-system', PolicyDocument: allowEverything }));
  }

  const operators: SeededOperator[] = [];
  for (const operator of seed.operators) {
    const account = accountId(operator.account);
    const { iam } = clients(account);
    await iam.send(new CreateUserCommand({ UserName: operator.userName }));
    await iam.send(new PutUserPolicyCommand({ UserName: operator.userName, PolicyName: `${operator.userName}-rights`, PolicyDocument: JSON.stringify(operator.policy) }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: operator.userName }))).AccessKey!;
    operators.push({
      userName: operator.userName,
      account,
      arn: `arn:aws:iam::${account}:user/${operator.userName}`,
      profile: operator.profile,
      ...(operator.description !== undefined ? { description: operator.description } : {}),
      accessKeyId: key.AccessKeyId!,
      secretAccessKey: key.SecretAccessKey!,
    });
  }

  const roles: { account: string; name: string; arn: string; instanceProfileArn?: string }[] = [];
  for (const role of seed.roles) {
    const account = accountId(role.account);
    const { iam } = clients(account);
    const created = await iam.send(new CreateRoleCommand({ RoleName: role.name, AssumeRolePolicyDocument: JSON.stringify(role.trustPolicy), ...(role.description !== undefined ? { Description: role.description } : {}) }));
    for (const [policyName, document] of Object.entries(role.inlinePolicies)) {
      await iam.send(new PutRolePolicyCommand({ RoleName: role.name, PolicyName: policyName, PolicyDocument: JSON.stringify(document) }));
    }
    let instanceProfileArn: string | undefined;
    if (role.instanceProfile !== undefined) {
      instanceProfileArn = (await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: role.instanceProfile }))).InstanceProfile?.Arn;
      await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: role.instanceProfile, RoleName: role.name }));
    }
    roles.push({ account, name: role.name, arn: created.Role?.Arn ?? '', ...(instanceProfileArn !== undefined ? { instanceProfileArn } : {}) });
  }

  const ssoAccounts = new Map<string, SsoAccount & { roles: { roleName: string; iamRoleName: string }[] }>();
  for (const permissionSet of seed.sso.permissionSets) {
    for (const ref of permissionSet.accounts) {
      const account = accountId(ref);
      const iamRoleName = `AWSReservedSSO_${permissionSet.name}_${createHash('sha1').update(`${permissionSet.name}/${account}`).digest('hex').slice(0, 16)}`;
      const { iam } = clients(account);
      const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::${account}:saml-provider/AWSSSO_keyless_sandbox_DO_NOT_DELETE` }, Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'] }] };
      await iam.send(new CreateRoleCommand({ RoleName: iamRoleName, AssumeRolePolicyDocument: JSON.stringify(trust), Description: `IAM Identity Center permission set ${permissionSet.name}` }));
      await iam.send(new PutRolePolicyCommand({ RoleName: iamRoleName, PolicyName: permissionSet.name, PolicyDocument: JSON.stringify(permissionSet.policy) }));
      const entry = ssoAccounts.get(account) ?? { accountId: account, accountName: seed.accounts[ref].name, emailAddress: seed.accounts[ref].email, roles: [] };
      entry.roles.push({ roleName: permissionSet.name, iamRoleName });
      ssoAccounts.set(account, entry);
    }
  }

  const buckets: { account: string; name: string; keys: string[] }[] = [];
  for (const bucket of seed.buckets) {
    const account = accountId(bucket.account);
    const { s3 } = clients(account);
    await s3.send(new CreateBucketCommand({ Bucket: bucket.name, ...(seed.region !== 'us-east-1' ? { CreateBucketConfiguration: { LocationConstraint: seed.region as never } } : {}) }));
    for (const object of bucket.objects) await s3.send(new PutObjectCommand({ Bucket: bucket.name, Key: object.key, Body: object.body }));
    buckets.push({ account, name: bucket.name, keys: bucket.objects.map((object) => object.key) });
  }

  const instances: SeededInstance[] = [];
  const imageByAccount = new Map<string, string>();
  for (const instance of seed.instances) {
    const account = accountId(instance.account);
    const { ec2 } = clients(account);
    let imageId = imageByAccount.get(account);
    if (imageId === undefined) {
      imageId = (await ec2.send(new DescribeImagesCommand({ Owners: ['amazon'], MaxResults: 5 }))).Images?.[0]?.ImageId;
      if (imageId === undefined) throw new Error(`moto offers no Amazon machine image in account ${account} to launch ${instance.name} from`);
      imageByAccount.set(account, imageId);
    }
    const tags = [{ Key: 'Name', Value: instance.name }, ...(instance.hostsSecureAgent ? [{ Key: 'informatica:secure-agent', Value: 'true' }] : [])];
    const run = await ec2.send(new RunInstancesCommand({ ImageId: imageId, InstanceType: 't3.large', MinCount: 1, MaxCount: 1, TagSpecifications: [{ ResourceType: 'instance', Tags: tags }] }));
    const instanceId = run.Instances?.[0]?.InstanceId ?? '';
    let instanceProfileArn: string | undefined;
    if (instance.instanceProfile !== undefined) {
      const association = await ec2.send(new AssociateIamInstanceProfileCommand({ InstanceId: instanceId, IamInstanceProfile: { Name: instance.instanceProfile } }));
      instanceProfileArn = association.IamInstanceProfileAssociation?.IamInstanceProfile?.Arn;
    }
    if (instance.state === 'stopped') await ec2.send(new StopInstancesCommand({ InstanceIds: [instanceId] }));
    const described = (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }))).Reservations?.[0]?.Instances?.[0];
    instances.push({
      name: instance.name,
      instanceId,
      account,
      state: instance.state,
      hostsSecureAgent: instance.hostsSecureAgent,
      privateDnsName: described?.PrivateDnsName ?? '',
      privateIpAddress: described?.PrivateIpAddress ?? '',
      ...(instanceProfileArn !== undefined ? { instanceProfileArn } : {}),
    });
  }

  const summary: SeedSummary = {
    region: seed.region,
    accounts: { agent: { id: seed.accounts.agent.id, name: seed.accounts.agent.name }, bucket: { id: seed.accounts.bucket.id, name: seed.accounts.bucket.name } },
    operators,
    roles,
    buckets,
    instances,
    sso: { startUrl: seed.sso.startUrl, region: seed.sso.region, userName: seed.sso.userName, profile: seed.sso.profile, accounts: [...ssoAccounts.values()] },
  };
  return { summary, control: { accessKeyId: controlKey.AccessKeyId!, secretAccessKey: controlKey.SecretAccessKey! } };
}

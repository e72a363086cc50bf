import { AssociateIamInstanceProfileCommand, DescribeImagesCommand, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { AddRoleToInstanceProfileCommand, CreateAccessKeyCommand, CreateInstanceProfileCommand, CreateRoleCommand, CreateUserCommand, PutRolePolicyCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { createEngineAwsClients } from '../../../electron/core/engine/aws-clients';
import type { OwnedAwsClients } from '../../../electron/core/engine/aws-clients';
import type { Sandbox } from '../../../electron/core/sandbox/start-sandbox';
import { buildAssumeRolePolicy, buildPermissionsPolicy, buildTrustPolicy } from '../../../shared/policy/build';
import type { PermissionsPolicyOptions, TrustedEntity } from '../../../shared/policy/build';
import type { PolicyDocument } from '../../../shared/policy/model';
import { toPolicyJson } from '../../../shared/policy/serialize';
import { asOperator } from '../../support/sandbox';

/**
 * Builds setups A, B and C in the sandbox with the real SDK as the seeded administrators would
 * (the engine's apply is not under test here), for the doctor and verify suites.
 */

export const STAGING = { bucket: 'keyless-sandbox-staging', folder: 'inbound' } as const;
export const SALES = { bucket: 'keyless-sandbox-sales', folder: 'sales' } as const;

export function operatorClients(sandbox: Sandbox, userName: string): OwnedAwsClients {
  const setup = asOperator(sandbox, userName);
  return createEngineAwsClients({ region: setup.region, endpoint: setup.endpoint, credentials: setup.credentials });
}

/** A new IAM user in the admin's account with exactly `policy`, and clients signed as it. */
export async function userWithPolicy(sandbox: Sandbox, admin: OwnedAwsClients, userName: string, policy: PolicyDocument): Promise<{ arn: string; clients: OwnedAwsClients }> {
  const { User } = await admin.iam.send(new CreateUserCommand({ UserName: userName }));
  await admin.iam.send(new PutUserPolicyCommand({ UserName: userName, PolicyName: `${userName}-rights`, PolicyDocument: json(policy) }));
  const { AccessKey } = await admin.iam.send(new CreateAccessKeyCommand({ UserName: userName }));
  const clients = createEngineAwsClients({ region: sandbox.region, endpoint: sandbox.awsEndpoint, credentials: { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! } });
  return { arn: User!.Arn!, clients };
}

let imageId: Promise<string> | undefined;

export async function launchInstance(clients: OwnedAwsClients): Promise<{ instanceId: string; privateDnsName: string }> {
  imageId ??= clients.ec2.send(new DescribeImagesCommand({ MaxResults: 5 })).then((images) => images.Images![0]!.ImageId!);
  const run = await clients.ec2.send(new RunInstancesCommand({ ImageId: await imageId, MinCount: 1, MaxCount: 1, InstanceType: 't3.micro' }));
  const instance = run.Instances![0]!;
  return { instanceId: instance.InstanceId!, privateDnsName: instance.PrivateDnsName! };
}

export const json = (document: PolicyDocument): string => toPolicyJson(document);

export async function createRole(clients: OwnedAwsClients, roleName: string, trusted: TrustedEntity, externalId?: string): Promise<string> {
  const trust = buildTrustPolicy({ trusted, partition: 'aws', ...(externalId === undefined ? {} : { externalId }) });
  const { Role } = await clients.iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: json(trust) }));
  return Role!.Arn!;
}

export async function putPolicy(clients: OwnedAwsClients, roleName: string, policyName: string, document: PolicyDocument): Promise<void> {
  await clients.iam.send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: policyName, PolicyDocument: json(document) }));
}

export function s3Policy(options: Partial<PermissionsPolicyOptions> & Pick<PermissionsPolicyOptions, 'bucket'>): PolicyDocument {
  return buildPermissionsPolicy({ access: 'read', advancedMode: false, partition: 'aws', ...options });
}

export async function attachToInstance(clients: OwnedAwsClients, instanceId: string, profileName: string, roleName: string): Promise<void> {
  await clients.iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: profileName }));
  await clients.iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: profileName, RoleName: roleName }));
  await clients.ec2.send(new AssociateIamInstanceProfileCommand({ InstanceId: instanceId, IamInstanceProfile: { Name: profileName } }));
}

/** Setup A: an instance role with the S3 policy, in a profile on a new instance. */
export async function setUpA(clients: OwnedAwsClients, prefix: string, policy: PolicyDocument): Promise<{ instanceId: string; privateDnsName: string; roleArn: string; roleName: string }> {
  const instance = await launchInstance(clients);
  const roleName = `${prefix}-role`;
  const roleArn = await createRole(clients, roleName, { kind: 'ec2Service' });
  await putPolicy(clients, roleName, `${prefix}-s3`, policy);
  await attachToInstance(clients, instance.instanceId, `${prefix}-profile`, roleName);
  return { ...instance, roleArn, roleName };
}

/**
 * Setup B (same account) or C (connector role in `connectorClients`' account): the instance role may
 * only assume the connector role, which trusts it (with `externalId`) and holds the S3 policy.
 */
export async function setUpAssumeRole(
  agent: OwnedAwsClients,
  connectorClients: OwnedAwsClients,
  prefix: string,
  options: { externalId?: string; policy: PolicyDocument; connectorAccount: string },
): Promise<{ instanceId: string; instanceRoleArn: string; connectorRoleArn: string }> {
  const instance = await launchInstance(agent);
  const instanceRoleName = `${prefix}-instance-role`;
  const connectorRoleName = `${prefix}-connector-role`;
  const connectorRoleArn = `arn:aws:iam::${options.connectorAccount}:role/${connectorRoleName}`;
  const instanceRoleArn = await createRole(agent, instanceRoleName, { kind: 'ec2Service' });
  await putPolicy(agent, instanceRoleName, `${prefix}-assume`, buildAssumeRolePolicy({ connectorRoleArn }));
  await createRole(connectorClients, connectorRoleName, { kind: 'role', roleArn: instanceRoleArn }, options.externalId);
  await putPolicy(connectorClients, connectorRoleName, `${prefix}-s3`, options.policy);
  await attachToInstance(agent, instance.instanceId, `${prefix}-profile`, instanceRoleName);
  return { instanceId: instance.instanceId, instanceRoleArn, connectorRoleArn };
}

import {
  AssociateIamInstanceProfileCommand,
  DescribeImagesCommand,
  EC2Client,
  RunInstancesCommand,
  StopInstancesCommand,
} from '@aws-sdk/client-ec2';
import {
  AddRoleToInstanceProfileCommand,
  AttachRolePolicyCommand,
  CreateAccessKeyCommand,
  CreateInstanceProfileCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateBucketCommand, PutBucketPolicyCommand, S3Client } from '@aws-sdk/client-s3';
import type { BucketLocationConstraint } from '@aws-sdk/client-s3';
import type { BuildHandler, BuildHandlerArguments, MiddlewareStack } from '@smithy/types';
import { buildTrustPolicy } from '../../../shared/policy/build';
import type { PolicyDocument } from '../../../shared/policy/model';
import { toPolicyJson } from '../../../shared/policy/serialize';

/**
 * Builds the AWS side of a connection test in moto with the real SDK clients, the way an
 * operator (or the engine) would: instances, roles, instance profiles and their association,
 * policies and buckets. moto's server runs without authentication here.
 */

export const AGENT_ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const AGENT_CREDENTIALS = { accessKeyId: 'AKIAAGENTACCOUNT0001', secretAccessKey: 'agent-account-secret' };

export interface AwsAccount {
  readonly ec2: EC2Client;
  readonly iam: IAMClient;
  readonly s3: S3Client;
  destroy(): void;
}

function tagAccount<I extends object, O extends object>(stack: MiddlewareStack<I, O>, accountId: string): void {
  stack.add(
    (next: BuildHandler<I, O>) => (args: BuildHandlerArguments<I>) => {
      const request = args.request as { headers?: Record<string, string> };
      if (request.headers !== undefined) request.headers['x-moto-account-id'] = accountId;
      return next(args);
    },
    { step: 'build', name: 'motoAccount' },
  );
}

/**
 * Clients for one account. moto picks the account from the access key it issued, or from the
 * `x-moto-account-id` header, which is how a test creates the first resources of a second account.
 */
export function awsAccount(endpoint: string, accountId?: string): AwsAccount {
  const config = { endpoint, region: REGION, credentials: AGENT_CREDENTIALS };
  const ec2 = new EC2Client(config);
  const iam = new IAMClient(config);
  const s3 = new S3Client({ ...config, forcePathStyle: true });
  if (accountId !== undefined) {
    tagAccount(ec2.middlewareStack, accountId);
    tagAccount(iam.middlewareStack, accountId);
    tagAccount(s3.middlewareStack, accountId);
  }
  return {
    ec2,
    iam,
    s3,
    destroy() {
      ec2.destroy();
      iam.destroy();
      s3.destroy();
    },
  };
}

/** Access keys issued in the account, so moto attributes calls made with them to it. */
export async function accountCredentials(account: AwsAccount, userName: string): Promise<{ accessKeyId: string; secretAccessKey: string }> {
  await account.iam.send(new CreateUserCommand({ UserName: userName }));
  const { AccessKey } = await account.iam.send(new CreateAccessKeyCommand({ UserName: userName }));
  return { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
}

export interface LaunchedInstance {
  readonly instanceId: string;
  readonly privateDnsName: string;
  readonly privateIpAddress: string;
}

/** moto lists hundreds of stock AMIs; asking once per run keeps launches fast. */
let stockImageId: Promise<string> | undefined;

export async function launchInstance(account: AwsAccount): Promise<LaunchedInstance> {
  stockImageId ??= account.ec2.send(new DescribeImagesCommand({})).then((images) => {
    const id = images.Images?.[0]?.ImageId;
    if (id === undefined) throw new Error('moto offers no AMI');
    return id;
  });
  const imageId = await stockImageId;
  const run = await account.ec2.send(new RunInstancesCommand({ ImageId: imageId, MinCount: 1, MaxCount: 1, InstanceType: 't3.micro' }));
  const instance = run.Instances![0]!;
  return { instanceId: instance.InstanceId!, privateDnsName: instance.PrivateDnsName!, privateIpAddress: instance.PrivateIpAddress! };
}

export async function stopInstance(account: AwsAccount, instanceId: string): Promise<void> {
  await account.ec2.send(new StopInstancesCommand({ InstanceIds: [instanceId] }));
}

export const json = (document: PolicyDocument): string => toPolicyJson(document);

export async function createRole(account: AwsAccount, roleName: string, trustPolicy: string): Promise<string> {
  const { Role } = await account.iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: trustPolicy }));
  return Role!.Arn!;
}

export async function createInstanceRole(account: AwsAccount, roleName: string): Promise<string> {
  return createRole(account, roleName, json(buildTrustPolicy({ trusted: { kind: 'ec2Service' }, partition: 'aws' })));
}

export async function putInlinePolicy(account: AwsAccount, roleName: string, policyName: string, document: string): Promise<void> {
  await account.iam.send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: policyName, PolicyDocument: document }));
}

export async function attachManagedPolicy(account: AwsAccount, roleName: string, policyName: string, document: string): Promise<void> {
  const { Policy } = await account.iam.send(new CreatePolicyCommand({ PolicyName: policyName, PolicyDocument: document }));
  await account.iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: Policy!.Arn! }));
}

/** Creates an instance profile (holding the role, if one is named) and associates it with the instance. */
export async function associateProfile(account: AwsAccount, instanceId: string, profileName: string, roleName?: string): Promise<void> {
  await account.iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: profileName }));
  if (roleName !== undefined) {
    await account.iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: profileName, RoleName: roleName }));
  }
  await account.ec2.send(new AssociateIamInstanceProfileCommand({ InstanceId: instanceId, IamInstanceProfile: { Name: profileName } }));
}

export async function createBucket(account: AwsAccount, bucket: string, region = REGION): Promise<void> {
  await account.s3.send(
    new CreateBucketCommand({
      Bucket: bucket,
      ...(region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }),
    }),
  );
}

export async function putBucketPolicy(account: AwsAccount, bucket: string, policy: string): Promise<void> {
  await account.s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policy }));
}

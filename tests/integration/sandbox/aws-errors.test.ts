import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddRoleToInstanceProfileCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  CreateAccessKeyCommand,
  CreateUserCommand,
  GetRoleCommand,
  IAMClient,
  PutUserPolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { AssociateIamInstanceProfileCommand, DescribeIamInstanceProfileAssociationsCommand, EC2Client, RunInstancesCommand, DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { Sandbox } from '../../../electron/core/sandbox/start-sandbox';
import { asOperator, sandboxAdmin, startTestSandbox } from '../../support/sandbox';

/** The errors the provisioning engine must handle, as the real SDK v3 clients see them through the gateway. */

let sandbox: Sandbox;
let iam: IAMClient;
let ec2: EC2Client;
let sts: STSClient;
const trustEc2 = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const trustAccount = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sts:AssumeRole' }] });

async function failure(promise: Promise<unknown>): Promise<Error & { $metadata: { httpStatusCode?: number; requestId?: string; attempts?: number } }> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error)) throw new Error('expected the call to fail, and it succeeded');
  return outcome as Error & { $metadata: { httpStatusCode?: number; requestId?: string; attempts?: number } };
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  iam = new IAMClient({ ...asOperator(sandbox, 'keyless-admin'), maxAttempts: 1 });
  ec2 = new EC2Client({ ...asOperator(sandbox, 'keyless-admin'), maxAttempts: 1 });
  sts = new STSClient(asOperator(sandbox, 'keyless-admin'));
});

afterAll(async () => {
  await sandbox.stop();
});

describe('IAM errors through the gateway', () => {
  it('answers EntityAlreadyExists for a second role of the same name, with a request id', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'dup-role', AssumeRolePolicyDocument: trustEc2 }));
    const error = await failure(iam.send(new CreateRoleCommand({ RoleName: 'dup-role', AssumeRolePolicyDocument: trustEc2 })));
    expect(error.name).toBe('EntityAlreadyExistsException');
    expect(error.$metadata.httpStatusCode).toBe(409);
    expect(error.$metadata.requestId).toMatch(/\S{8,}/);
  });

  it('answers NoSuchEntity for a missing role', async () => {
    const error = await failure(iam.send(new GetRoleCommand({ RoleName: 'no-such-role' })));
    expect(error.name).toBe('NoSuchEntityException');
    expect(error.$metadata.httpStatusCode).toBe(404);
  });

  it('answers LimitExceeded when a second role goes into an instance profile', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'limit-a', AssumeRolePolicyDocument: trustEc2 }));
    await iam.send(new CreateRoleCommand({ RoleName: 'limit-b', AssumeRolePolicyDocument: trustEc2 }));
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'limit-profile' }));
    await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'limit-profile', RoleName: 'limit-a' }));
    const error = await failure(iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'limit-profile', RoleName: 'limit-b' })));
    expect(error.name).toBe('LimitExceededException');
    expect(error.message).toBe('Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1');
  });

  it('refuses the restricted operator instance-profile rights with AccessDenied', async () => {
    const restricted = new IAMClient({ ...asOperator(sandbox, 'keyless-restricted'), maxAttempts: 1 });
    const error = await failure(restricted.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'not-allowed' })));
    expect(error.name).toBe('AccessDenied');
    expect(error.$metadata.httpStatusCode).toBe(403);
    await expect(restricted.send(new CreateRoleCommand({ RoleName: 'restricted-may-create', AssumeRolePolicyDocument: trustEc2 }))).resolves.toBeDefined();
  });

  it('answers SignatureDoesNotMatch when the secret is wrong', async () => {
    const setup = asOperator(sandbox, 'keyless-admin');
    const wrong = new IAMClient({ ...setup, credentials: { ...setup.credentials, secretAccessKey: 'not-the-secret' }, maxAttempts: 1 });
    const error = await failure(wrong.send(new GetRoleCommand({ RoleName: 'dup-role' })));
    expect(error.name).toBe('SignatureDoesNotMatch');
    expect(error.$metadata.httpStatusCode).toBe(403);
  });
});

describe('EC2 instance profile association', () => {
  let instanceId: string;

  beforeAll(() => {
    instanceId = sandbox.seed.instances.find((instance) => instance.name === 'infa-secure-agent-01')!.instanceId;
  });

  it('answers IncorrectState for a second association on the shared-profile instance', async () => {
    const shared = sandbox.seed.instances.find((instance) => instance.instanceProfileArn !== undefined)!;
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'second-profile' }));
    const error = await failure(ec2.send(new AssociateIamInstanceProfileCommand({ InstanceId: shared.instanceId, IamInstanceProfile: { Name: 'second-profile' } })));
    expect(error.name).toBe('IncorrectState');
    expect(error.message).toBe(`There is an existing association for instance ${shared.instanceId}`);
  });

  it("answers EC2's InvalidParameterValue (not IAM's NoSuchEntity) for an unknown profile", async () => {
    const error = await failure(ec2.send(new AssociateIamInstanceProfileCommand({ InstanceId: instanceId, IamInstanceProfile: { Name: 'never-created' } })));
    expect(error.name).toBe('InvalidParameterValue');
    expect(error.message).toBe('Value (never-created) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('rejects a fresh profile until IAM has propagated to EC2, then associates it', async () => {
    const image = (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }))).Reservations![0]!.Instances![0]!.ImageId!;
    await sandboxAdmin(sandbox, 'PUT', '/propagation', { propagationMs: 2000 });
    try {
      await iam.send(new CreateRoleCommand({ RoleName: 'fresh-role', AssumeRolePolicyDocument: trustEc2 }));
      await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'fresh-profile' }));
      await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'fresh-profile', RoleName: 'fresh-role' }));
      const visibleAt = Date.now() + 2000;
      const early = await failure(ec2.send(new AssociateIamInstanceProfileCommand({ InstanceId: instanceId, IamInstanceProfile: { Name: 'fresh-profile' } })));
      expect(early.name).toBe('InvalidParameterValue');
      expect(early.message).toBe('Value (fresh-profile) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name');
      const launch = await failure(ec2.send(new RunInstancesCommand({ ImageId: image, MinCount: 1, MaxCount: 1, IamInstanceProfile: { Name: 'fresh-profile' } })));
      expect(launch.name).toBe('InvalidParameterValue');
      const pending = await sandboxAdmin(sandbox, 'GET', '/propagation');
      expect(JSON.stringify(pending.json)).toContain('fresh-profile');

      await new Promise((resolve) => setTimeout(resolve, visibleAt - Date.now() + 100));
      const associated = await ec2.send(new AssociateIamInstanceProfileCommand({ InstanceId: instanceId, IamInstanceProfile: { Name: 'fresh-profile' } }));
      expect(associated.IamInstanceProfileAssociation?.IamInstanceProfile?.Arn).toBe('arn:aws:iam::111111111111:instance-profile/fresh-profile');
      const listed = await ec2.send(new DescribeIamInstanceProfileAssociationsCommand({ Filters: [{ Name: 'instance-id', Values: [instanceId] }] }));
      expect(listed.IamInstanceProfileAssociations?.[0]?.State).toBe('associated');
    } finally {
      await sandboxAdmin(sandbox, 'PUT', '/propagation', { propagationMs: 0 });
    }
  });

  it("answers EC2's UnauthorizedOperation to an operator without EC2 rights", async () => {
    const restricted = new EC2Client({ ...asOperator(sandbox, 'keyless-restricted'), maxAttempts: 1 });
    const error = await failure(restricted.send(new AssociateIamInstanceProfileCommand({ InstanceId: instanceId, IamInstanceProfile: { Name: 'reporting-app-profile' } })));
    expect(error.name).toBe('UnauthorizedOperation');
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.message).toContain('is not authorized to perform: ec2:AssociateIamInstanceProfile');
  });

  it('requires iam:PassRole on the profile role, which moto does not check', async () => {
    const stopped = sandbox.seed.instances.find((instance) => instance.state === 'stopped')!.instanceId;
    await iam.send(new CreateUserCommand({ UserName: 'ec2-only' }));
    await iam.send(new PutUserPolicyCommand({ UserName: 'ec2-only', PolicyName: 'ec2', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }] }) }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'ec2-only' }))).AccessKey!;
    const ec2Only = new EC2Client({ endpoint: sandbox.awsEndpoint, region: sandbox.region, credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! }, maxAttempts: 1 });
    const refused = await failure(ec2Only.send(new AssociateIamInstanceProfileCommand({ InstanceId: stopped, IamInstanceProfile: { Name: 'reporting-app-profile' } })));
    expect(refused.name).toBe('UnauthorizedOperation');
    expect(refused.message).toBe(
      'You are not authorized to perform this operation. User: arn:aws:iam::111111111111:user/ec2-only is not authorized to perform: iam:PassRole on resource: arn:aws:iam::111111111111:role/reporting-app-role',
    );
    await iam.send(
      new PutUserPolicyCommand({ UserName: 'ec2-only', PolicyName: 'pass', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111111111111:role/reporting-app-role' }] }) }),
    );
    const associated = await ec2Only.send(new AssociateIamInstanceProfileCommand({ InstanceId: stopped, IamInstanceProfile: { Name: 'reporting-app-profile' } }));
    expect(associated.IamInstanceProfileAssociation?.InstanceId).toBe(stopped);
  });

  it('will not let a just-created role be assumed until it has propagated', async () => {
    await sandboxAdmin(sandbox, 'PUT', '/propagation', { propagationMs: 1000 });
    try {
      const created = await iam.send(new CreateRoleCommand({ RoleName: 'fresh-assumable', AssumeRolePolicyDocument: trustAccount }));
      const early = await failure(sts.send(new AssumeRoleCommand({ RoleArn: created.Role!.Arn!, RoleSessionName: 'too-soon' })));
      expect(early.name).toBe('AccessDenied');
      expect(early.message).toBe(`User: arn:aws:iam::111111111111:user/keyless-admin is not authorized to perform: sts:AssumeRole on resource: ${created.Role!.Arn!}`);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: created.Role!.Arn!, RoleSessionName: 'in-time' }));
      expect(assumed.AssumedRoleUser?.Arn).toBe('arn:aws:sts::111111111111:assumed-role/fresh-assumable/in-time');
    } finally {
      await sandboxAdmin(sandbox, 'PUT', '/propagation', { propagationMs: 0 });
    }
  });
});

describe('trust policies and propagation', () => {
  it('refuses a trust policy naming a just-created role with MalformedPolicyDocument "Invalid principal", then accepts it', async () => {
    await sandboxAdmin(sandbox, 'PUT', '/propagation', { propagationMs: 1000 });
    try {
      const instanceRole = await iam.send(new CreateRoleCommand({ RoleName: 'new-instance-role', AssumeRolePolicyDocument: trustEc2 }));
      const visibleAt = Date.now() + 1000;
      const trustInstanceRole = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: instanceRole.Role!.Arn! }, Action: 'sts:AssumeRole' }] });
      const early = await failure(iam.send(new CreateRoleCommand({ RoleName: 'new-connector-role', AssumeRolePolicyDocument: trustInstanceRole })));
      expect(early.name).toBe('MalformedPolicyDocumentException');
      expect(early.message).toBe(`Invalid principal in policy: "AWS":"${instanceRole.Role!.Arn!}"`);
      await new Promise((resolve) => setTimeout(resolve, visibleAt - Date.now() + 100));
      await expect(iam.send(new CreateRoleCommand({ RoleName: 'new-connector-role', AssumeRolePolicyDocument: trustInstanceRole }))).resolves.toBeDefined();
    } finally {
      await sandboxAdmin(sandbox, 'PUT', '/propagation', { propagationMs: 0 });
    }
  });

  it('does not let a rewritten trust policy admit its new principal until it has propagated', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'retrusted-role', AssumeRolePolicyDocument: trustEc2 }));
    const roleArn = 'arn:aws:iam::111111111111:role/retrusted-role';
    const notTrusted = await failure(sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'not-trusted' })));
    expect(notTrusted.name).toBe('AccessDenied');
    await sandboxAdmin(sandbox, 'PUT', '/propagation', { propagationMs: 1000 });
    try {
      await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'retrusted-role', PolicyDocument: trustAccount }));
      const visibleAt = Date.now() + 1000;
      expect((await failure(sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'too-soon' })))).name).toBe('AccessDenied');
      await new Promise((resolve) => setTimeout(resolve, visibleAt - Date.now() + 100));
      await expect(sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'trusted' }))).resolves.toBeDefined();
    } finally {
      await sandboxAdmin(sandbox, 'PUT', '/propagation', { propagationMs: 0 });
    }
  });
});

describe('role sessions', () => {
  it('answers ExpiredToken once a session has expired', async () => {
    const created = await iam.send(new CreateRoleCommand({ RoleName: 'expiring-role', AssumeRolePolicyDocument: trustAccount }));
    const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: created.Role!.Arn!, RoleSessionName: 'expiring', DurationSeconds: 900 }));
    const credentials = { accessKeyId: assumed.Credentials!.AccessKeyId!, secretAccessKey: assumed.Credentials!.SecretAccessKey!, sessionToken: assumed.Credentials!.SessionToken! };
    const asSession = new STSClient({ endpoint: sandbox.awsEndpoint, region: sandbox.region, credentials, maxAttempts: 1 });
    const identity = await asSession.send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toBe('arn:aws:sts::111111111111:assumed-role/expiring-role/expiring');

    expect(sandbox.admin.expireSession(credentials.accessKeyId)).toBe(true);
    const error = await failure(asSession.send(new GetCallerIdentityCommand({})));
    expect(error.name).toBe('ExpiredToken');
    expect(error.message).toBe('The security token included in the request is expired');
    const ec2AsSession = new EC2Client({ endpoint: sandbox.awsEndpoint, region: sandbox.region, credentials, maxAttempts: 1 });
    expect((await failure(ec2AsSession.send(new DescribeIamInstanceProfileAssociationsCommand({})))).name).toBe('RequestExpired');
  });

  it('refuses DurationSeconds beyond the role maximum with ValidationError', async () => {
    const error = await failure(sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111111111111:role/expiring-role', RoleSessionName: 'long', DurationSeconds: 7200 })));
    expect(error.name).toBe('ValidationError');
  });
});

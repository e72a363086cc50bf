import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateRoleCommand, GetRoleCommand, IAMClient, ListRolesCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Sandbox } from '../../../electron/core/sandbox/start-sandbox';
import type { FaultReport } from '../../../electron/core/sandbox/gateway/fault-injector';
import { asOperator, sandboxAdmin, startTestSandbox } from '../../support/sandbox';

/** Fault knobs, set through the admin endpoint, as the SDK's retry machinery experiences them. */

let sandbox: Sandbox;

async function failure(promise: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number; attempts?: number } }> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error)) throw new Error('expected the call to fail, and it succeeded');
  return outcome;
}

async function report(): Promise<FaultReport> {
  return (await sandboxAdmin(sandbox, 'GET', '/faults')).json as FaultReport;
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
});

afterAll(async () => {
  await sandbox.stop();
});

describe('fault injection', () => {
  it('throttles the next IAM calls with Throttling, which the SDK retries to success', async () => {
    const added = await sandboxAdmin(sandbox, 'POST', '/faults', { kind: 'throttle', service: 'iam', action: 'GetRole', count: 2 });
    expect(added.status).toBe(201);
    const iam = new IAMClient(asOperator(sandbox, 'keyless-admin'));
    const out = await iam.send(new GetRoleCommand({ RoleName: 'reporting-app-role' }));
    expect(out.Role?.RoleName).toBe('reporting-app-role');
    expect(out.$metadata.attempts).toBe(3);
    const after = await report();
    expect(after.injected.throttle).toBe(2);
    expect(after.rules.find((rule) => rule.action === 'GetRole')).toMatchObject({ hits: 2, remaining: 0 });
  });

  it('throttles EC2 with RequestLimitExceeded (HTTP 503), retried by the SDK', async () => {
    await sandboxAdmin(sandbox, 'POST', '/faults', { kind: 'throttle', service: 'ec2', action: 'DescribeInstances', count: 1 });
    const ec2 = new EC2Client(asOperator(sandbox, 'keyless-admin'));
    const out = await ec2.send(new DescribeInstancesCommand({}));
    expect(out.$metadata.attempts).toBe(2);
    const single = new EC2Client({ ...asOperator(sandbox, 'keyless-admin'), maxAttempts: 1 });
    await sandboxAdmin(sandbox, 'POST', '/faults', { kind: 'throttle', service: 'ec2', action: 'DescribeInstances', count: 1 });
    const error = await failure(single.send(new DescribeInstancesCommand({})));
    expect(error.name).toBe('RequestLimitExceeded');
    expect(error.$metadata?.httpStatusCode).toBe(503);
  });

  it('answers 500 and 503 for chosen actions in each protocol', async () => {
    await sandboxAdmin(sandbox, 'POST', '/faults', { kind: 'error', service: 'iam', action: 'ListRoles', status: 500, count: 1 });
    const iam = new IAMClient({ ...asOperator(sandbox, 'keyless-admin'), maxAttempts: 1 });
    const iamError = await failure(iam.send(new ListRolesCommand({})));
    expect(iamError.name).toBe('ServiceFailureException');
    expect(iamError.$metadata?.httpStatusCode).toBe(500);

    await sandboxAdmin(sandbox, 'POST', '/faults', { kind: 'error', service: 'ec2', status: 503, count: 1 });
    const ec2 = new EC2Client({ ...asOperator(sandbox, 'keyless-admin'), maxAttempts: 1 });
    const ec2Error = await failure(ec2.send(new DescribeInstancesCommand({})));
    expect(ec2Error.name).toBe('Unavailable');
    expect(ec2Error.$metadata?.httpStatusCode).toBe(503);
  });

  it('drops the connection for a chosen action; the SDK retries it as a transient network error', async () => {
    await sandboxAdmin(sandbox, 'POST', '/faults', { kind: 'drop', service: 'sts', action: 'GetCallerIdentity', count: 1 });
    const single = new STSClient({ ...asOperator(sandbox, 'keyless-admin'), maxAttempts: 1 });
    const error = await failure(single.send(new GetCallerIdentityCommand({})));
    expect(`${error.name} ${error.message} ${String((error as { code?: string }).code)}`).toMatch(/ECONNRESET|socket hang up/);

    await sandboxAdmin(sandbox, 'POST', '/faults', { kind: 'drop', service: 'sts', action: 'GetCallerIdentity', count: 1 });
    const retrying = new STSClient(asOperator(sandbox, 'keyless-admin'));
    const out = await retrying.send(new GetCallerIdentityCommand({}));
    expect(out.$metadata.attempts).toBe(2);
    expect((await report()).injected.drop).toBe(2);
  });

  it('answers AccessDenied for a chosen action even to the admin', async () => {
    await sandboxAdmin(sandbox, 'POST', '/faults', { kind: 'accessDenied', service: 'iam', action: 'GetRole', count: 1 });
    const iam = new IAMClient({ ...asOperator(sandbox, 'keyless-admin'), maxAttempts: 1 });
    const error = await failure(iam.send(new GetRoleCommand({ RoleName: 'reporting-app-role' })));
    expect(error.name).toBe('AccessDenied');
    expect(error.message).toContain('User: arn:aws:iam::111111111111:user/keyless-admin is not authorized to perform: iam:GetRole');
    await expect(iam.send(new GetRoleCommand({ RoleName: 'reporting-app-role' }))).resolves.toBeDefined();
  });

  it('adds latency to every call, settable at runtime', async () => {
    await sandboxAdmin(sandbox, 'PUT', '/faults', { latencyMs: 400 });
    try {
      const sts = new STSClient(asOperator(sandbox, 'keyless-admin'));
      const started = Date.now();
      await sts.send(new GetCallerIdentityCommand({}));
      expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    } finally {
      await sandboxAdmin(sandbox, 'PUT', '/faults', { latencyMs: 0 });
    }
    expect((await report()).latencyMs).toBe(0);
  });

  it('rejects a malformed fault with a specific error and changes nothing', async () => {
    const before = await report();
    const answer = await sandboxAdmin(sandbox, 'POST', '/faults', { kind: 'explode', service: 'iam' });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code: 'INVALID_FAULT_RULE' });
    expect((await report()).rules).toHaveLength(before.rules.length);
  });
});

describe('S3 through the gateway', () => {
  it('streams objects both ways unchanged and throttles with SlowDown', async () => {
    const s3 = new S3Client({ ...asOperator(sandbox, 'keyless-admin'), forcePathStyle: true });
    const body = Buffer.alloc(3 * 1024 * 1024, 7);
    body.write('keyless', 12345);
    await s3.send(new PutObjectCommand({ Bucket: 'keyless-sandbox-staging', Key: 'inbound/large.bin', Body: body }));
    const got = await s3.send(new GetObjectCommand({ Bucket: 'keyless-sandbox-staging', Key: 'inbound/large.bin' }));
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(body)).toBe(true);
    expect(got.$metadata.requestId).toBeDefined();

    await sandboxAdmin(sandbox, 'POST', '/faults', { kind: 'throttle', service: 's3', action: 'GetObject', count: 1 });
    const single = new S3Client({ ...asOperator(sandbox, 'keyless-admin'), forcePathStyle: true, maxAttempts: 1 });
    const error = await failure(single.send(new GetObjectCommand({ Bucket: 'keyless-sandbox-staging', Key: 'inbound/ready.txt' })));
    expect(error.name).toBe('SlowDown');
  });

  it('lists a folder prefix with a slash, which moto alone refuses, and still refuses a wrong secret', async () => {
    const dataAdmin = (endpoint: string, secret?: string): S3Client => {
      const setup = asOperator(sandbox, 'keyless-data-admin', endpoint);
      return new S3Client({ ...setup, credentials: { ...setup.credentials, ...(secret !== undefined ? { secretAccessKey: secret } : {}) }, forcePathStyle: true, maxAttempts: 1 });
    };
    const listed = await dataAdmin(sandbox.awsEndpoint).send(new ListObjectsV2Command({ Bucket: 'keyless-sandbox-sales', Prefix: 'sales/' }));
    expect(listed.Contents?.map((object) => object.Key).sort()).toEqual(['sales/2026/q1.csv', 'sales/2026/q2.csv', 'sales/README.txt']);
    const direct = await failure(dataAdmin(sandbox.motoEndpoint).send(new ListObjectsV2Command({ Bucket: 'keyless-sandbox-sales', Prefix: 'sales/' })));
    expect(direct.name).toBe('SignatureDoesNotMatch');
    const wrongSecret = await failure(dataAdmin(sandbox.awsEndpoint, 'wrong-secret').send(new ListObjectsV2Command({ Bucket: 'keyless-sandbox-sales', Prefix: 'sales/' })));
    expect(wrongSecret.name).toBe('SignatureDoesNotMatch');

    const sts = new STSClient(asOperator(sandbox, 'keyless-admin'));
    await new IAMClient(asOperator(sandbox, 'keyless-admin')).send(
      new CreateRoleCommand({ RoleName: 'prefix-lister', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sts:AssumeRole' }] }) }),
    );
    await new IAMClient(asOperator(sandbox, 'keyless-admin')).send(
      new PutRolePolicyCommand({ RoleName: 'prefix-lister', PolicyName: 'list', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }] }) }),
    );
    const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111111111111:role/prefix-lister', RoleSessionName: 'lister' }));
    const asSession = new S3Client({
      endpoint: sandbox.awsEndpoint,
      region: sandbox.region,
      forcePathStyle: true,
      credentials: { accessKeyId: assumed.Credentials!.AccessKeyId!, secretAccessKey: assumed.Credentials!.SecretAccessKey!, sessionToken: assumed.Credentials!.SessionToken! },
    });
    const staged = await asSession.send(new ListObjectsV2Command({ Bucket: 'keyless-sandbox-staging', Prefix: 'inbound/' }));
    expect(staged.Contents?.map((object) => object.Key)).toContain('inbound/ready.txt');
  });

  it('puts x-amzn-requestid on every answer, including pass-through and errors', async () => {
    const probes = [
      fetch(`${sandbox.awsEndpoint}/moto-api/`),
      fetch(`${sandbox.awsEndpoint}/`, { method: 'POST', body: 'Action=GetCallerIdentity&Version=2011-06-15', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      fetch(`${sandbox.awsEndpoint}/assignment/accounts`),
      fetch(`${sandbox.admin.url}/faults`),
    ];
    for (const response of await Promise.all(probes)) {
      await response.arrayBuffer();
      expect(response.headers.get('x-amzn-requestid')).toMatch(/\S{8,}/);
    }
  });
});

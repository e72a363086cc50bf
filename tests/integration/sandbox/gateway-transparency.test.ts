import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateRoleCommand, IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Sandbox } from '../../../electron/core/sandbox/start-sandbox';
import { asOperator, startTestSandbox } from '../../support/sandbox';

/**
 * The gateway is transparent: the machine's `aws` CLI (a client we did not write) gets the same
 * answers through it as from moto directly; and concurrent writes through it all land.
 */

const run = promisify(execFile);
let sandbox: Sandbox;

interface CliAnswer {
  readonly exitCode: number;
  readonly output: unknown;
  readonly error: string;
}

async function aws(endpoint: string, userName: string, args: readonly string[]): Promise<CliAnswer> {
  const operator = asOperator(sandbox, userName);
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    AWS_ACCESS_KEY_ID: operator.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: operator.credentials.secretAccessKey,
    AWS_DEFAULT_REGION: sandbox.region,
    AWS_CONFIG_FILE: '/nonexistent/keyless-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/keyless-credentials',
    AWS_MAX_ATTEMPTS: '1',
  };
  try {
    const { stdout } = await run('aws', ['--endpoint-url', endpoint, '--output', 'json', ...args], { env });
    return { exitCode: 0, output: stdout.trim() === '' ? null : (JSON.parse(stdout) as unknown), error: '' };
  } catch (caught) {
    const failed = caught as { code?: number; stderr?: string };
    return { exitCode: failed.code ?? -1, output: null, error: (failed.stderr ?? '').trim() };
  }
}

/** Request ids differ per call by design; everything else must match. */
function withoutRequestIds(answer: CliAnswer): CliAnswer {
  return { ...answer, error: answer.error.replace(/[0-9a-f-]{36}|[A-Za-z0-9]{52}/g, '<request-id>') };
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
});

afterAll(async () => {
  await sandbox.stop();
});

describe('transparency to the aws CLI', () => {
  const agentInstance = (): string => sandbox.seed.instances[0]!.instanceId;
  const operations: { readonly name: string; readonly user: string; readonly args: () => string[] }[] = [
    { name: 'GetCallerIdentity', user: 'keyless-admin', args: () => ['sts', 'get-caller-identity'] },
    { name: 'GetRole NoSuchEntity', user: 'keyless-admin', args: () => ['iam', 'get-role', '--role-name', 'missing-role'] },
    { name: 'CreateRole EntityAlreadyExists', user: 'keyless-admin', args: () => ['iam', 'create-role', '--role-name', 'reporting-app-role', '--assume-role-policy-document', '{"Version":"2012-10-17","Statement":[]}'] },
    { name: 'CreateInstanceProfile AccessDenied', user: 'keyless-restricted', args: () => ['iam', 'create-instance-profile', '--instance-profile-name', 'cli-denied'] },
    { name: 'DescribeInstances', user: 'keyless-admin', args: () => ['ec2', 'describe-instances', '--instance-ids', agentInstance()] },
    { name: 'GetInstanceProfile', user: 'keyless-admin', args: () => ['iam', 'get-instance-profile', '--instance-profile-name', 'reporting-app-profile'] },
    // No slash in the prefix: with one, moto alone refuses the signature and the gateway fixes that (faults.test.ts).
    { name: 'ListObjectsV2', user: 'keyless-data-admin', args: () => ['s3api', 'list-objects-v2', '--bucket', 'keyless-sandbox-sales', '--prefix', 'sales'] },
  ];

  for (const operation of operations) {
    it(`${operation.name}: same answer through the gateway as from moto`, async () => {
      const [viaGateway, direct] = await Promise.all([aws(sandbox.awsEndpoint, operation.user, operation.args()), aws(sandbox.motoEndpoint, operation.user, operation.args())]);
      expect(withoutRequestIds(viaGateway)).toEqual(withoutRequestIds(direct));
      if (operation.name.includes(' ')) expect(viaGateway.exitCode).not.toBe(0);
      else expect(viaGateway.output).not.toBeNull();
    });
  }
});

describe('concurrency', () => {
  it('loses none of 50 concurrent writes (25 CreateRole, 25 PutObject)', async () => {
    const iam = new IAMClient(asOperator(sandbox, 'keyless-admin'));
    const s3 = new S3Client({ ...asOperator(sandbox, 'keyless-admin'), forcePathStyle: true });
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    const indexes = Array.from({ length: 25 }, (_, index) => index);
    const answers = await Promise.all([
      ...indexes.map((index) => iam.send(new CreateRoleCommand({ RoleName: `concurrent-role-${String(index)}`, AssumeRolePolicyDocument: trust }))),
      ...indexes.map((index) => s3.send(new PutObjectCommand({ Bucket: 'keyless-sandbox-staging', Key: `concurrent/object-${String(index)}.txt`, Body: `object ${String(index)}` }))),
    ]);
    expect(answers.every((answer) => answer.$metadata.httpStatusCode === 200)).toBe(true);

    const roles = (await iam.send(new ListRolesCommand({ MaxItems: 1000 }))).Roles!.map((role) => role.RoleName!).filter((name) => name.startsWith('concurrent-role-'));
    expect(roles.sort()).toEqual(indexes.map((index) => `concurrent-role-${String(index)}`).sort());
    const objects = (await s3.send(new ListObjectsV2Command({ Bucket: 'keyless-sandbox-staging', Prefix: 'concurrent/' }))).Contents!.map((object) => object.Key!);
    expect(objects.sort()).toEqual(indexes.map((index) => `concurrent/object-${String(index)}.txt`).sort());
  });
});

import { DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OwnedAwsClients } from '../../../electron/core/engine/aws-clients';
import { applyS3v2Connection } from '../../../electron/core/iics/apply-s3v2-connection';
import type { S3v2ConnectionInput } from '../../../electron/core/iics/s3v2-connection-request';
import { IicsClient } from '../../../electron/core/iics/iics-client';
import { loginIics } from '../../../electron/core/iics/login';
import { listRuntimeEnvironments } from '../../../electron/core/iics/runtime-environments';
import { testConnectionByName } from '../../../electron/core/iics/test-s3v2-connection';
import type { Sandbox } from '../../../electron/core/sandbox/start-sandbox';
import type { Vault } from '../../../electron/core/vault/vault';
import { buildAssumeRolePolicy } from '../../../shared/policy/build';
import { KeylessFailure } from '../../../shared/errors';
import { startTestSandbox } from '../../support/sandbox';
import { attachToInstance, createRole, operatorClients, putPolicy, s3Policy, STAGING } from '../engine/doctor-world';
import type { WireRequest } from './iics-test-support';
import { recordingFetch, testVault } from './iics-test-support';

/**
 * The S3 v2 connection as Keyless creates it, tested by the emulator that walks the real IAM
 * chain in moto: the operator builds the role through the gateway with the AWS SDK, Keyless
 * creates or updates the connection, IICS's test says whether the agent gets to the bucket.
 */

const MASK = '********';

describe('S3 v2 connection in the sandbox', () => {
  let sandbox: Sandbox;
  let admin: OwnedAwsClients;
  let vault: Vault;
  let wire: { fetch: typeof fetch; requests: WireRequest[] };
  let client: IicsClient;
  let agentInstanceId: string;
  let instanceRoleName: string;

  const setupA = (name: string, overrides: Partial<S3v2ConnectionInput> = {}): S3v2ConnectionInput => ({
    name,
    runtimeEnvironment: 'aws-ec2-agents',
    bucket: STAGING.bucket,
    folder: STAGING.folder,
    regionName: 'us-east-1',
    settings: { useEc2RoleToAssumeRole: false },
    ...overrides,
  });

  async function failure(promise: Promise<unknown>): Promise<KeylessFailure> {
    try {
      await promise;
    } catch (error) {
      if (error instanceof KeylessFailure) return error;
      throw error;
    }
    throw new Error('expected a KeylessFailure');
  }

  beforeAll(async () => {
    sandbox = await startTestSandbox({ iics: true });
    admin = operatorClients(sandbox, 'keyless-admin');
    ({ vault } = await testVault());
    wire = recordingFetch();
    const login = sandbox.iicsLogin!;
    const session = await loginIics({ loginUrl: login.loginUrl, username: login.username, password: login.password, version: 'v2' }, { vault, fetch: wire.fetch });
    client = new IicsClient(session, { vault, fetch: wire.fetch });
  });

  afterAll(async () => {
    admin?.destroy();
    await sandbox?.stop();
  });

  it('lists the environments with agent status, and the active agent\'s host finds its EC2 instance', async () => {
    const environments = await listRuntimeEnvironments(client);
    expect(environments.map((e) => [e.name, e.kind, e.status])).toEqual([
      ['aws-ec2-agents', 'secureAgentGroup', 'active'],
      ['aws-ec2-agents-down', 'secureAgentGroup', 'inactive'],
      ['serverless-aws', 'serverless', 'serverless'],
    ]);
    const agent = environments[0]!.agents[0]!;
    expect(agent).toMatchObject({ name: 'ec2-agent-1', active: true, readyToRun: true });
    const found = await admin.ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'private-dns-name', Values: [...agent.ec2Candidates.privateDnsNames] }] }));
    const instances = found.Reservations?.flatMap((r) => r.Instances ?? []) ?? [];
    expect(instances).toHaveLength(1);
    agentInstanceId = instances[0]!.InstanceId!;
  });

  it('refuses a serverless runtime environment before writing anything', async () => {
    const before = wire.requests.length;
    const error = await failure(applyS3v2Connection(client, setupA('Serverless try', { runtimeEnvironment: 'serverless-aws' })));
    expect(error.detail.code).toBe('INVALID_IICS_SERVERLESS_RUNTIME');
    expect(error.detail.message).toContain('"serverless-aws" is serverless');
    expect(wire.requests.slice(before).map((r) => r.method)).toEqual(['GET']);
  });

  it('refuses a trailing slash and a non-role ARN before any call', async () => {
    const before = wire.requests.length;
    expect((await failure(applyS3v2Connection(client, setupA('Bad folder', { folder: 'inbound/' })))).detail.code).toBe('INVALID_FOLDER_PATH');
    const userArn = { iamRoleArn: 'arn:aws:iam::111111111111:user/etl', useEc2RoleToAssumeRole: true };
    expect((await failure(applyS3v2Connection(client, setupA('Bad role', { settings: userArn })))).detail.code).toBe('INVALID_ROLE_ARN');
    expect(wire.requests.length).toBe(before);
  });

  it('setup A on the agent\'s instance: created, tested ok, and a second apply changes nothing', async () => {
    instanceRoleName = 'keyless-iics-a-role';
    await createRole(admin, instanceRoleName, { kind: 'ec2Service' });
    await putPolicy(admin, instanceRoleName, 'keyless-iics-a-s3', s3Policy({ bucket: STAGING.bucket, folder: STAGING.folder }));
    await attachToInstance(admin, agentInstanceId, 'keyless-iics-a-profile', instanceRoleName);

    const created = await applyS3v2Connection(client, setupA('Keyless staging A'));
    expect(created).toMatchObject({ action: 'created', name: 'Keyless staging A', runtimeEnvironment: { name: 'aws-ec2-agents', status: 'active' }, assumedKeys: [], warnings: [] });
    expect(created.properties).toContainEqual({ label: 'Folder Path', value: 'keyless-sandbox-staging/inbound' });
    expect(created.properties).toContainEqual({ label: 'Region Name', value: 'US East(N. Virginia)' });
    const test = await testConnectionByName(client, 'Keyless staging A');
    expect(test.result).toBe('ok');
    expect(test.message).toContain(agentInstanceId);
    expect(test.message).toContain(`role/${instanceRoleName}`);

    const before = wire.requests.length;
    const again = await applyS3v2Connection(client, setupA('Keyless staging A'));
    expect(again).toMatchObject({ action: 'unchanged', id: created.id, changes: [] });
    expect(wire.requests.slice(before).filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('a broken setup fails the test with the emulator\'s message: the role grants only the inbound folder', async () => {
    const moved = await applyS3v2Connection(client, setupA('Keyless staging A', { folder: 'outbound' }));
    expect(moved.action).toBe('updated');
    expect(moved.changes.map((c) => `${c.label}: ${c.from} → ${c.to}`)).toEqual(['Folder Path: keyless-sandbox-staging/inbound → keyless-sandbox-staging/outbound']);
    const test = await testConnectionByName(client, 'Keyless staging A');
    expect(test).toMatchObject({ result: 'failed', status: 400, code: 'S3_ACCESS_DENIED' });
    expect(test.message).toContain('outbound');
    expect((await applyS3v2Connection(client, setupA('Keyless staging A'))).action).toBe('updated');
    expect((await testConnectionByName(client, 'Keyless staging A')).result).toBe('ok');
  });

  it('an agent that is down: the apply warns, the test fails naming the agent', async () => {
    const applied = await applyS3v2Connection(client, setupA('Keyless on the down agent', { runtimeEnvironment: 'aws-ec2-agents-down' }));
    expect(applied.warnings.join(' ')).toContain('No Secure Agent of runtime environment "aws-ec2-agents-down" is active');
    const test = await testConnectionByName(client, 'Keyless on the down agent');
    expect(test).toMatchObject({ result: 'failed', code: 'AGENT_INACTIVE' });
    expect(test.message).toContain('ec2-agent-2');
  });

  it('PARTIAL update of a key-based connection clears the keys and leaves the other masked secret untouched', async () => {
    const metadata = (await (await client.get('/api/v2/connector/metadata?connectorName=Amazon%20S3%20v2', { what: 'test' })).body) as { attributes: Array<{ name: string; label: string }> };
    const key = (label: string): string => metadata.attributes.find((a) => a.label === label)!.name;
    const legacy = await client.post('/api/v2/connection', {
      what: 'test',
      body: {
        '@type': 'connection',
        name: 'Legacy keys',
        type: 'TOOLKIT_CCI',
        instanceName: 'Amazon S3 v2',
        runtimeEnvironmentId: '01000325000000000005',
        connParams: {
          [key('Access Key')]: 'AKIALEGACY0000000001',
          [key('Secret Key')]: 'legacy-secret-value',
          [key('Master Symmetric Key')]: 'bWFzdGVyLXN5bW1ldHJpYy1rZXktMzItYnl0ZXMhIQ==',
          [key('Customer Master Key ID')]: 'kms-key-1',
          [key('Folder Path')]: `${STAGING.bucket}/${STAGING.folder}`,
          [key('Region Name')]: 'US East(N. Virginia)',
        },
      },
    });
    const id = (legacy.body as { id: string }).id;
    expect((await testConnectionByName(client, 'Legacy keys')).result).toBe('failed');

    const before = wire.requests.length;
    const updated = await applyS3v2Connection(client, setupA('Legacy keys'));
    expect(updated).toMatchObject({ action: 'updated', id });
    expect(updated.changes.map((c) => `${c.label}: ${c.from} → ${c.to}`)).toEqual(['Access Key: (set) → (empty)', 'Secret Key: (set) → (empty)']);
    const posts = wire.requests.slice(before).filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.url.endsWith(`/api/v2/connection/${id}`)).toBe(true);
    expect(posts[0]!.headers['update-mode']).toBe('PARTIAL');
    expect(posts[0]!.body).not.toContain(MASK);
    expect(JSON.parse(posts[0]!.body!)).toEqual({ '@type': 'connection', connParams: { [key('Access Key')]: '', [key('Secret Key')]: '' } });

    const after = (await client.get(`/api/v2/connection/${id}`, { what: 'test' })).body as { connParams: Record<string, string> };
    expect(after.connParams[key('Master Symmetric Key')]).toBe(MASK);
    expect(after.connParams[key('Customer Master Key ID')]).toBe('kms-key-1');
    expect(after.connParams[key('Access Key')]).toBe('');
    expect((await testConnectionByName(client, 'Legacy keys')).result).toBe('ok');
  });

  it('setup B: a wrong External Id fails the AssumeRole in the test; the right one, applied as an update, passes', async () => {
    const agentAccount = sandbox.seed.accounts.agent.id;
    const connectorRoleName = 'keyless-iics-b-connector';
    const connectorRoleArn = `arn:aws:iam::${agentAccount}:role/${connectorRoleName}`;
    const instanceRoleArn = `arn:aws:iam::${agentAccount}:role/${instanceRoleName}`;
    await putPolicy(admin, instanceRoleName, 'keyless-iics-b-assume', buildAssumeRolePolicy({ connectorRoleArn }));
    await createRole(admin, connectorRoleName, { kind: 'role', roleArn: instanceRoleArn }, 'keyless-right-id');
    await putPolicy(admin, connectorRoleName, 'keyless-iics-b-s3', s3Policy({ bucket: STAGING.bucket, folder: STAGING.folder }));

    const settings = { iamRoleArn: connectorRoleArn, useEc2RoleToAssumeRole: true, externalId: 'keyless-wrong-id' };
    expect((await applyS3v2Connection(client, setupA('Keyless staging B', { settings }))).action).toBe('created');
    const wrong = await testConnectionByName(client, 'Keyless staging B');
    expect(wrong).toMatchObject({ result: 'failed', code: 'ASSUME_ROLE_TRUST_DENIED' });

    const fixed = await applyS3v2Connection(client, setupA('Keyless staging B', { settings: { ...settings, externalId: 'keyless-right-id' } }));
    expect(fixed.changes.map((c) => c.label)).toEqual(['External Id']);
    const right = await testConnectionByName(client, 'Keyless staging B');
    expect(right.result).toBe('ok');
    expect(right.message).toContain(`assuming ${connectorRoleArn}`);
  });
});

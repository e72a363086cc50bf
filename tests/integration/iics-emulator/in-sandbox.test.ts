import {
  AddRoleToInstanceProfileCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  IAMClient,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { AssociateIamInstanceProfileCommand, DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../electron/core/sandbox/start-sandbox';
import { buildPermissionsPolicy, buildTrustPolicy } from '../../../shared/policy/build';
import { toPolicyJson } from '../../../shared/policy/serialize';
import { asOperator, startTestSandbox } from '../../support/sandbox';
import { call, loginV3, v2 } from './iics-http';

/**
 * The emulator as the sandbox runs it: moto with authentication on, the agent hosts taken from
 * the seeded instances, AWS read with the sandbox's system credentials. An operator repairs the
 * broken link through the gateway, and the next connection test passes.
 */

describe('IICS emulator inside the sandbox', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ iics: true });
  });

  afterAll(async () => {
    await sandbox.stop();
  });

  it('fails on the seeded agent without an instance profile, and passes once an operator sets up role A through the gateway', async () => {
    const login = sandbox.iicsLogin!;
    const { sessionId, baseApiUrl } = await loginV3(login.loginUrl, login.username, login.password);
    const api = `${baseApiUrl}/api/v2`;
    const headers = v2(sessionId);
    const environments = (await call('GET', `${api}/runtimeEnvironment`, { headers })).body as Array<{ id: string; agents: Array<{ active: boolean; agentHost: string }> }>;
    const group = environments.find((e) => e.agents.some((a) => a.active))!;
    const agentHost = group.agents.find((a) => a.active)!.agentHost;

    const admin = asOperator(sandbox, 'keyless-admin');
    const ec2 = new EC2Client(admin);
    const iam = new IAMClient(admin);
    try {
      const found = await ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'private-dns-name', Values: [agentHost] }] }));
      const instanceId = found.Reservations?.[0]?.Instances?.[0]?.InstanceId;
      expect(instanceId).toBeDefined();

      const create = await call('POST', `${api}/connection`, {
        headers,
        body: {
          '@type': 'connection',
          name: 'Sandbox staging',
          type: 'TOOLKIT_CCI',
          instanceName: 'Amazon S3 v2',
          runtimeEnvironmentId: group.id,
          connParams: { FolderPath: 'keyless-sandbox-staging/inbound', RegionName: 'US East(N. Virginia)' },
        },
      });
      const id = (create.body as { id: string }).id;
      const before = await call('GET', `${api}/connection/test/${id}`, { headers });
      expect(before.status).toBe(400);
      expect(before.body).toMatchObject({ code: 'INSTANCE_PROFILE_MISSING' });
      expect((before.body as { description: string }).description).toContain(instanceId!);

      await iam.send(new CreateRoleCommand({ RoleName: 'infa-staging-reader', AssumeRolePolicyDocument: toPolicyJson(buildTrustPolicy({ trusted: { kind: 'ec2Service' }, partition: 'aws' })) }));
      await iam.send(
        new PutRolePolicyCommand({
          RoleName: 'infa-staging-reader',
          PolicyName: 's3-read',
          PolicyDocument: toPolicyJson(buildPermissionsPolicy({ bucket: 'keyless-sandbox-staging', folder: 'inbound', access: 'read', advancedMode: false, partition: 'aws' })),
        }),
      );
      await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'infa-staging-reader' }));
      await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'infa-staging-reader', RoleName: 'infa-staging-reader' }));
      await ec2.send(new AssociateIamInstanceProfileCommand({ InstanceId: instanceId!, IamInstanceProfile: { Name: 'infa-staging-reader' } }));

      const after = await call('GET', `${api}/connection/test/${id}`, { headers });
      expect(after.status, after.text).toBe(200);
      expect((after.body as { description: string }).description).toContain('role/infa-staging-reader');

      // The data account's bucket has no bucket policy for this role: cross-account needs one.
      await call('POST', `${api}/connection/${id}`, {
        headers: { ...headers, 'Update-Mode': 'PARTIAL' },
        body: { '@type': 'connection', connParams: { FolderPath: 'keyless-sandbox-sales/sales' } },
      });
      const crossAccount = await call('GET', `${api}/connection/test/${id}`, { headers });
      expect(crossAccount.body).toMatchObject({ code: 'S3_ACCESS_DENIED' });
      expect((crossAccount.body as { description: string }).description).toContain('account 222222222222');
    } finally {
      ec2.destroy();
      iam.destroy();
    }
  });
});

import { DeleteInstanceProfileCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IICS_IDS } from '../../../electron/core/sandbox/iics/default-world';
import { startMoto } from '../../../electron/core/sandbox/moto-process';
import type { MotoServer } from '../../../electron/core/sandbox/moto-process';
import { buildAssumeRolePolicy, buildPermissionsPolicy } from '../../../shared/policy/build';
import type { AwsAccount, LaunchedInstance } from './aws-setup';
import {
  AGENT_ACCOUNT,
  associateProfile,
  awsAccount,
  createBucket,
  createInstanceRole,
  json,
  launchInstance,
  putBucketPolicy,
  putInlinePolicy,
  stopInstance,
} from './aws-setup';
import type { ConnectionTestHarness } from './connection-test-harness';
import { failure, startHarness } from './connection-test-harness';
import { call } from './iics-http';

/** Each link of connection → environment → agent → instance → profile → role → policy → bucket, broken on its own. */

describe('IICS connection test over moto: each broken link fails with its name', () => {
  let moto: MotoServer;
  let agent: AwsAccount;
  let counter = 0;
  const unique = (prefix: string): string => `${prefix}-${String(++counter)}`;

  beforeAll(async () => {
    moto = await startMoto({ port: 0 });
    agent = awsAccount(moto.endpoint);
  });

  afterAll(async () => {
    agent.destroy();
    await moto.stop();
  });

  /** A working setup A on a fresh instance, to break one piece of. */
  async function workingInstance(bucket: string, folder: string): Promise<{ instance: LaunchedInstance; role: string }> {
    const instance = await launchInstance(agent);
    const role = unique('infa-s3-role');
    await createInstanceRole(agent, role);
    await putInlinePolicy(agent, role, 's3-read', json(buildPermissionsPolicy({ bucket, folder, access: 'read', advancedMode: false, partition: 'aws' })));
    await associateProfile(agent, instance.instanceId, unique('infa-profile'), role);
    return { instance, role };
  }

  async function withHarness(agentHost: string, run: (harness: ConnectionTestHarness) => Promise<void>): Promise<void> {
    const harness = await startHarness({ motoEndpoint: moto.endpoint, hosts: { activeAgentHost: agentHost, inactiveAgentHost: agentHost } });
    try {
      await run(harness);
    } finally {
      await harness.close();
    }
  }

  it('names the runtime environment links: inactive agent, serverless environment', async () => {
    const bucket = unique('rte-bucket');
    await createBucket(agent, bucket);
    const { instance } = await workingInstance(bucket, 'in');
    await withHarness(instance.privateDnsName, async (harness) => {
      const inactive = failure(await harness.createAndTest('down', { 'Folder Path': `${bucket}/in` }, DEFAULT_IICS_IDS.inactiveGroup));
      expect(inactive).toMatchObject({ status: 400, code: 'AGENT_INACTIVE' });
      expect(inactive.description).toContain('"aws-ec2-agents-down"');
      expect(inactive.description).toContain('"ec2-agent-2"');

      const serverless = failure(await harness.createAndTest('serverless', { 'Folder Path': `${bucket}/in` }, DEFAULT_IICS_IDS.serverless));
      expect(serverless).toMatchObject({ status: 400, code: 'SERVERLESS_IAM_UNSUPPORTED' });
      expect(serverless.description).toContain('"serverless-aws" is serverless');

      const serverlessAssume = failure(
        await harness.createAndTest(
          'serverless assume',
          { 'Folder Path': `${bucket}/in`, 'Use EC2 Role to Assume Role': 'true', 'IAM Role ARN': `arn:aws:iam::${AGENT_ACCOUNT}:role/x` },
          DEFAULT_IICS_IDS.serverless,
        ),
      );
      expect(serverlessAssume.description).toContain('"Use EC2 Role to Assume Role"');
    });
  });

  it('names the EC2 links: no instance for the agent host, a stopped instance, no instance profile, a profile without a role', async () => {
    const bucket = unique('ec2-bucket');
    await createBucket(agent, bucket);
    const params = { 'Folder Path': `${bucket}/in` };

    await withHarness('ip-10-99-99-99.ec2.internal', async (harness) => {
      const missing = failure(await harness.createAndTest('nowhere', params));
      expect(missing).toMatchObject({ status: 400, code: 'EC2_INSTANCE_NOT_FOUND' });
      expect(missing.description).toContain('"ip-10-99-99-99.ec2.internal"');
      expect(missing.description).toContain('agent "ec2-agent-1"');
    });

    const stopped = await workingInstance(bucket, 'in');
    await stopInstance(agent, stopped.instance.instanceId);
    await withHarness(stopped.instance.privateDnsName, async (harness) => {
      const answer = failure(await harness.createAndTest('stopped', params));
      expect(answer).toMatchObject({ code: 'EC2_INSTANCE_NOT_RUNNING' });
      expect(answer.description).toMatch(new RegExp(`${stopped.instance.instanceId} hosting agent "ec2-agent-1" is (stopping|stopped)`));
    });

    const bare = await launchInstance(agent);
    await withHarness(bare.privateDnsName, async (harness) => {
      const answer = failure(await harness.createAndTest('no profile', params));
      expect(answer).toMatchObject({ status: 400, code: 'INSTANCE_PROFILE_MISSING' });
      expect(answer.description).toBe(`The EC2 instance ${bare.instanceId} hosting agent "ec2-agent-1" has no IAM instance profile.`);
    });

    const empty = await launchInstance(agent);
    const emptyProfile = unique('empty-profile');
    await associateProfile(agent, empty.instanceId, emptyProfile);
    await withHarness(empty.privateDnsName, async (harness) => {
      const answer = failure(await harness.createAndTest('empty profile', params));
      expect(answer).toMatchObject({ code: 'INSTANCE_PROFILE_WITHOUT_ROLE' });
      expect(answer.description).toContain(`instance-profile/${emptyProfile}`);
      expect(answer.description).toContain(empty.instanceId);
    });

    await agent.iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: emptyProfile }));
    await withHarness(empty.privateDnsName, async (harness) => {
      const answer = failure(await harness.createAndTest('deleted profile', params));
      expect(answer).toMatchObject({ code: 'INSTANCE_PROFILE_NOT_FOUND' });
      expect(answer.description).toContain(`instance-profile/${emptyProfile} associated with EC2 instance ${empty.instanceId}`);
    });
  });

  it('names the AssumeRole links: the instance role may not assume, the role does not exist', async () => {
    const bucket = unique('assume-bucket');
    await createBucket(agent, bucket);
    const { instance, role } = await workingInstance(bucket, 'in');
    const target = `arn:aws:iam::${AGENT_ACCOUNT}:role/${unique('not-created-yet')}`;
    const params = { 'Folder Path': `${bucket}/in`, 'Use EC2 Role to Assume Role': 'true', 'IAM Role ARN': target };
    await withHarness(instance.privateDnsName, async (harness) => {
      const notAllowed = failure(await harness.createAndTest('no assume', params));
      expect(notAllowed).toMatchObject({ status: 400, code: 'ASSUME_ROLE_NOT_ALLOWED' });
      expect(notAllowed.description).toContain(`instance role arn:aws:iam::${AGENT_ACCOUNT}:role/${role} is not allowed sts:AssumeRole on the IAM Role ARN ${target}`);

      await putInlinePolicy(agent, role, 'assume', json(buildAssumeRolePolicy({ connectorRoleArn: target, partition: 'aws' })));
      const noRole = failure(await harness.createAndTest('no role', params));
      expect(noRole).toMatchObject({ code: 'ROLE_NOT_FOUND' });
      expect(noRole.description).toBe(`The IAM Role ARN ${target} names a role that does not exist.`);

      const checkboxOnly = failure(await harness.createAndTest('checkbox only', { 'Folder Path': `${bucket}/in`, 'Use EC2 Role to Assume Role': 'true' }));
      expect(checkboxOnly).toMatchObject({ code: 'IAM_ROLE_ARN_UNUSED' });
      const arnOnly = failure(await harness.createAndTest('arn only', { 'Folder Path': `${bucket}/in`, 'IAM Role ARN': target }));
      expect(arnOnly).toMatchObject({ code: 'IAM_ROLE_ARN_UNUSED' });
    });
  });

  it('names the S3 links: wrong folder in the policy, explicit deny in the bucket policy, missing bucket, wrong region, bad Folder Path', async () => {
    const bucket = unique('s3-bucket');
    await createBucket(agent, bucket);
    const { instance, role } = await workingInstance(bucket, 'in');
    const roleArn = `arn:aws:iam::${AGENT_ACCOUNT}:role/${role}`;
    await withHarness(instance.privateDnsName, async (harness) => {
      expect((await harness.createAndTest('works', { 'Folder Path': `${bucket}/in` })).status).toBe(200);

      const otherFolder = failure(await harness.createAndTest('other folder', { 'Folder Path': `${bucket}/out` }));
      expect(otherFolder).toMatchObject({ status: 400, code: 'S3_ACCESS_DENIED' });
      expect(otherFolder.description).toContain(`Role ${roleArn} may not s3:ListBucket on arn:aws:s3:::${bucket} with prefix "out/"`);

      const missing = failure(await harness.createAndTest('no bucket', { 'Folder Path': `${bucket}-gone/in` }));
      expect(missing).toMatchObject({ code: 'BUCKET_NOT_FOUND' });
      expect(missing.description).toContain(`"${bucket}-gone"`);

      const region = failure(await harness.createAndTest('wrong region', { 'Folder Path': `${bucket}/in`, 'Region Name': 'EU(Frankfurt)' }));
      expect(region).toMatchObject({ code: 'BUCKET_REGION_MISMATCH' });
      expect(region.description).toContain('choose "US East(N. Virginia)"');

      const slash = failure(await harness.createAndTest('trailing slash', { 'Folder Path': `${bucket}/in/` }));
      expect(slash).toMatchObject({ code: 'FOLDER_PATH_INVALID' });

      const keys = failure(await harness.createAndTest('keys', { 'Folder Path': `${bucket}/in`, 'Access Key': 'AKIAEXAMPLE', 'Secret Key': 'x' }));
      expect(keys).toMatchObject({ code: 'AUTHENTICATION_NOT_EMULATED' });

      await putBucketPolicy(
        agent,
        bucket,
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Sid: 'NoReads', Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/in/*` }],
        }),
      );
      const denied = failure(await harness.createAndTest('bucket deny', { 'Folder Path': `${bucket}/in` }));
      expect(denied).toMatchObject({ code: 'S3_ACCESS_DENIED' });
      expect(denied.description).toContain('s3:GetObject');
      expect(denied.description).toContain(`bucket policy of ${bucket}`);
    });
  });

  it('answers 404 for a connection that does not exist and 502 naming the endpoint when AWS cannot be read', async () => {
    const harness = await startHarness({ motoEndpoint: 'http://127.0.0.1:9', hosts: { activeAgentHost: 'ip-10-0-0-1.ec2.internal' } });
    try {
      expect((await harness.test('010003OBNOPE00000000')).status).toBe(404);
      const unreachable = failure(await harness.createAndTest('no aws', { 'Folder Path': 'bucket/in' }));
      expect(unreachable).toMatchObject({ status: 502, code: 'AWS_UNREACHABLE' });
      expect(unreachable.description).toContain('http://127.0.0.1:9');
      expect(unreachable.description).toContain('EC2 instance of agent "ec2-agent-1"');
    } finally {
      await harness.close();
    }
    expect((await call('GET', `${harness.emulator.serverUrl}/api/v2/agent`).catch(() => ({ status: 0 }))).status).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMoto } from '../../../electron/core/sandbox/moto-process';
import type { MotoServer } from '../../../electron/core/sandbox/moto-process';
import { buildAssumeRolePolicy, buildPermissionsPolicy, buildTrustPolicy } from '../../../shared/policy/build';
import type { AwsAccount } from './aws-setup';
import {
  AGENT_ACCOUNT,
  accountCredentials,
  associateProfile,
  attachManagedPolicy,
  awsAccount,
  createBucket,
  createInstanceRole,
  createRole,
  json,
  launchInstance,
  putBucketPolicy,
  putInlinePolicy,
} from './aws-setup';
import { failure, startHarness } from './connection-test-harness';

/**
 * The setups Keyless builds (DESIGN §2), made in moto with the policies the app's own builders
 * draft, pass IICS's connection test in the sandbox; the evaluator decides over moto's state.
 */

const BUCKET_ACCOUNT = '210987654321';

describe('IICS connection test over moto: the supported setups', () => {
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

  const readPolicy = (bucket: string, folder: string, access: 'read' | 'write' = 'read'): string =>
    json(buildPermissionsPolicy({ bucket, folder, access, advancedMode: false, partition: 'aws' }));

  it('passes setup A (instance role with the drafted permissions policy), and checks PutObject once the connection is for write', async () => {
    const bucket = unique('landing-a');
    const instance = await launchInstance(agent);
    const role = unique('infa-s3-role');
    await createInstanceRole(agent, role);
    await putInlinePolicy(agent, role, 's3-read', readPolicy(bucket, 'in'));
    await associateProfile(agent, instance.instanceId, unique('infa-profile'), role);
    await createBucket(agent, bucket);

    const harness = await startHarness({ motoEndpoint: moto.endpoint, hosts: { activeAgentHost: instance.privateDnsName } });
    try {
      const passed = await harness.createAndTest('S3 A', { 'Folder Path': `${bucket}/in` });
      expect(passed.status, passed.text).toBe(200);
      expect(passed.body).toMatchObject({ '@type': 'success' });
      const description = (passed.body as { description: string }).description;
      expect(description).toContain(instance.instanceId);
      expect(description).toContain(`arn:aws:iam::${AGENT_ACCOUNT}:role/${role}`);
      // Warm (SDK loaded, clients built), a test is a handful of reads against moto.
      const started = performance.now();
      const again = await harness.test((await harness.connectionId('S3 A'))!);
      const elapsedMs = performance.now() - started;
      expect(again.status).toBe(200);
      console.info(`warm connection test (setup A): ${elapsedMs.toFixed(0)} ms`);
      expect(elapsedMs).toBeLessThan(3000);

      harness.emulator.setConnectionTestAccess('S3 A write', 'write');
      const readOnly = failure(await harness.createAndTest('S3 A write', { 'Folder Path': `${bucket}/in` }));
      expect(readOnly).toMatchObject({ status: 400, code: 'S3_ACCESS_DENIED' });
      expect(readOnly.description).toContain(`s3:PutObject on arn:aws:s3:::${bucket}/in/`);

      // The write policy, attached as a managed policy this time.
      await attachManagedPolicy(agent, role, unique('s3-write'), readPolicy(bucket, 'in', 'write'));
      harness.emulator.setConnectionTestAccess('S3 A write 2', 'write');
      const written = await harness.createAndTest('S3 A write 2', { 'Folder Path': `${bucket}/in` });
      expect(written.status, written.text).toBe(200);
      expect((written.body as { description: string }).description).toContain('s3:PutObject');
    } finally {
      await harness.close();
    }
  });

  it('finds the agent\'s instance by its private IP as well as its DNS name', async () => {
    const bucket = unique('landing-ip');
    const instance = await launchInstance(agent);
    const role = unique('infa-s3-role');
    await createInstanceRole(agent, role);
    await putInlinePolicy(agent, role, 's3-read', readPolicy(bucket, 'data'));
    await associateProfile(agent, instance.instanceId, unique('infa-profile'), role);
    await createBucket(agent, bucket);
    const harness = await startHarness({ motoEndpoint: moto.endpoint, hosts: { activeAgentHost: instance.privateIpAddress } });
    try {
      const passed = await harness.createAndTest('S3 by IP', { 'Folder Path': `${bucket}/data` });
      expect(passed.status, passed.text).toBe(200);
    } finally {
      await harness.close();
    }
  });

  it('passes setup B (EC2 role assumes the connector role with an External Id) and fails without the right External Id', async () => {
    const bucket = unique('landing-b');
    const instance = await launchInstance(agent);
    const instanceRole = unique('shared-app-role');
    const instanceRoleArn = await createInstanceRole(agent, instanceRole);
    const connectorRole = unique('infa-connector-role');
    const connectorRoleArn = await createRole(
      agent,
      connectorRole,
      json(buildTrustPolicy({ trusted: { kind: 'role', roleArn: instanceRoleArn }, externalId: 'keyless-ext-42', partition: 'aws' })),
    );
    await putInlinePolicy(agent, instanceRole, 'assume-connector', json(buildAssumeRolePolicy({ connectorRoleArn, partition: 'aws' })));
    await putInlinePolicy(agent, connectorRole, 's3-read', readPolicy(bucket, 'landing'));
    await associateProfile(agent, instance.instanceId, unique('shared-profile'), instanceRole);
    await createBucket(agent, bucket);

    const harness = await startHarness({ motoEndpoint: moto.endpoint, hosts: { activeAgentHost: instance.privateDnsName } });
    try {
      const assume = { 'Folder Path': `${bucket}/landing`, 'Use EC2 Role to Assume Role': 'true', 'IAM Role ARN': connectorRoleArn };
      const passed = await harness.createAndTest('S3 B', { ...assume, 'External Id': 'keyless-ext-42' });
      expect(passed.status, passed.text).toBe(200);
      expect((passed.body as { description: string }).description).toContain(`assuming ${connectorRoleArn}`);

      const wrongId = failure(await harness.createAndTest('S3 B wrong id', { ...assume, 'External Id': 'guess' }));
      expect(wrongId).toMatchObject({ status: 400, code: 'ASSUME_ROLE_TRUST_DENIED' });
      expect(wrongId.description).toContain(`trust policy of role ${connectorRoleArn}`);
      expect(wrongId.description).toContain('External Id "guess"');

      const noId = failure(await harness.createAndTest('S3 B no id', assume));
      expect(noId.code).toBe('ASSUME_ROLE_TRUST_DENIED');
      expect(noId.description).toContain('no External Id');
      expect(noId.description).toContain('sts:ExternalId condition');

      // The instance role itself has no S3 access: without the assume step the test fails at S3.
      const direct = failure(await harness.createAndTest('S3 B direct', { 'Folder Path': `${bucket}/landing` }));
      expect(direct).toMatchObject({ code: 'S3_ACCESS_DENIED' });
      expect(direct.description).toContain(instanceRoleArn);
    } finally {
      await harness.close();
    }
  });

  it('honours cross-account: the bucket in another account needs a bucket policy that admits the role', async () => {
    const bucketAccount = awsAccount(moto.endpoint, BUCKET_ACCOUNT);
    try {
      const bucket = unique('partner-bucket');
      await createBucket(bucketAccount, bucket);
      const bucketAccountKeys = await accountCredentials(bucketAccount, unique('keyless-reader'));

      const instance = await launchInstance(agent);
      const role = unique('infa-s3-role');
      const roleArn = await createInstanceRole(agent, role);
      await putInlinePolicy(agent, role, 's3-read', readPolicy(bucket, 'shared'));
      await associateProfile(agent, instance.instanceId, unique('infa-profile'), role);

      const harness = await startHarness({
        motoEndpoint: moto.endpoint,
        hosts: { activeAgentHost: instance.privateDnsName },
        accountCredentials: { [BUCKET_ACCOUNT]: bucketAccountKeys },
      });
      try {
        const denied = failure(await harness.createAndTest('S3 C no bucket policy', { 'Folder Path': `${bucket}/shared` }));
        expect(denied).toMatchObject({ status: 400, code: 'S3_ACCESS_DENIED' });
        expect(denied.description).toContain(`account ${BUCKET_ACCOUNT}`);
        expect(denied.description).toContain('(there is none)');

        await putBucketPolicy(
          bucketAccount,
          bucket,
          JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              { Sid: 'AgentList', Effect: 'Allow', Principal: { AWS: roleArn }, Action: 's3:ListBucket', Resource: `arn:aws:s3:::${bucket}` },
              { Sid: 'AgentRead', Effect: 'Allow', Principal: { AWS: roleArn }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/shared/*` },
            ],
          }),
        );
        const passed = await harness.createAndTest('S3 C', { 'Folder Path': `${bucket}/shared` });
        expect(passed.status, passed.text).toBe(200);
      } finally {
        await harness.close();
      }
    } finally {
      bucketAccount.destroy();
    }
  });

  it('passes setup B across accounts: the connector role and bucket live in the bucket account', async () => {
    const bucketAccount = awsAccount(moto.endpoint, BUCKET_ACCOUNT);
    try {
      const bucket = unique('partner-landing');
      await createBucket(bucketAccount, bucket);
      const keys = await accountCredentials(bucketAccount, unique('keyless-reader'));
      const instance = await launchInstance(agent);
      const instanceRole = unique('agent-role');
      const instanceRoleArn = await createInstanceRole(agent, instanceRole);
      const connectorRole = unique('partner-connector-role');
      const connectorRoleArn = await createRole(
        bucketAccount,
        connectorRole,
        json(buildTrustPolicy({ trusted: { kind: 'role', roleArn: instanceRoleArn }, externalId: 'partner-ext', partition: 'aws' })),
      );
      expect(connectorRoleArn).toContain(`:${BUCKET_ACCOUNT}:`);
      await putInlinePolicy(bucketAccount, connectorRole, 's3-read', readPolicy(bucket, 'drop'));
      await putInlinePolicy(agent, instanceRole, 'assume-partner', json(buildAssumeRolePolicy({ connectorRoleArn, partition: 'aws' })));
      await associateProfile(agent, instance.instanceId, unique('agent-profile'), instanceRole);
      const params = {
        'Folder Path': `${bucket}/drop`,
        'Use EC2 Role to Assume Role': 'true',
        'IAM Role ARN': connectorRoleArn,
        'External Id': 'partner-ext',
      };

      const blind = await startHarness({ motoEndpoint: moto.endpoint, hosts: { activeAgentHost: instance.privateDnsName } });
      try {
        const blindFailure = failure(await blind.createAndTest('S3 BC blind', params));
        expect(blindFailure.code, blindFailure.description).toBe('ROLE_ACCOUNT_UNREADABLE');
      } finally {
        await blind.close();
      }
      const harness = await startHarness({
        motoEndpoint: moto.endpoint,
        hosts: { activeAgentHost: instance.privateDnsName },
        accountCredentials: { [BUCKET_ACCOUNT]: keys },
      });
      try {
        const passed = await harness.createAndTest('S3 BC', params);
        expect(passed.status, passed.text).toBe(200);
      } finally {
        await harness.close();
      }
    } finally {
      bucketAccount.destroy();
    }
  });
});

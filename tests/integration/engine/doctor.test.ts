import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModifyInstanceMetadataOptionsCommand } from '@aws-sdk/client-ec2';
import { runDoctor } from '../../../electron/core/engine/doctor/run-doctor';
import type { DoctorInput } from '../../../electron/core/engine/doctor/run-doctor';
import type { OwnedAwsClients } from '../../../electron/core/engine/aws-clients';
import type { Sandbox } from '../../../electron/core/sandbox/start-sandbox';
import { firstBrokenLink, overallStatus } from '../../../shared/plan/chain-report';
import type { ChainReport } from '../../../shared/plan/chain-report';
import { startTestSandbox } from '../../support/sandbox';
import { operatorClients, s3Policy, SALES, setUpA, setUpAssumeRole, STAGING } from './doctor-world';

let sandbox: Sandbox;
let admin: OwnedAwsClients;
let dataAdmin: OwnedAwsClients;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  admin = operatorClients(sandbox, 'keyless-admin');
  dataAdmin = operatorClients(sandbox, 'keyless-data-admin');
});

afterAll(async () => {
  admin?.destroy();
  dataAdmin?.destroy();
  await sandbox?.stop();
});

const seededInstance = (name: string): string => sandbox.seed.instances.find((instance) => instance.name === name)!.instanceId;
const doctor = (input: Omit<DoctorInput, 'region'>, bucketClients?: OwnedAwsClients): Promise<ChainReport> =>
  runDoctor({ region: sandbox.region, ...input }, { agent: admin, ...(bucketClients === undefined ? {} : { bucket: bucketClients }) });
const statuses = (report: ChainReport): Record<string, string> => Object.fromEntries(report.links.map((link) => [link.id, link.status]));

describe('doctor against the sandbox', () => {
  it('names the missing instance profile of the seeded agent instance, with the associate command', async () => {
    const instanceId = seededInstance('infa-secure-agent-01');
    const report = await doctor({ instanceId, ...STAGING });
    const broken = firstBrokenLink(report);
    expect(broken?.id).toBe('association');
    expect(broken?.reason).toMatch(/No instance profile is associated/);
    expect(broken?.fix?.command).toContain(`aws ec2 associate-iam-instance-profile --region 'us-east-1' --instance-id '${instanceId}'`);
    expect(statuses(report).instance).toBe('ok');
  });

  it('on the shared-role instance, names the role\'s missing S3 access and recommends setup B instead of widening it', async () => {
    const report = await doctor({ instanceId: seededInstance('infa-secure-agent-shared'), ...STAGING });
    expect(statuses(report)).toMatchObject({ instance: 'ok', association: 'ok', 'instance-profile': 'ok', role: 'ok', trust: 'ok', policies: 'ok' });
    const broken = firstBrokenLink(report);
    expect(broken?.id).toBe('s3:ListBucket');
    expect(broken?.title).toContain('reporting-app-role');
    expect(broken?.reason).toMatch(/Denied/);
    expect(broken?.fix?.summary).toMatch(/reporting-app-cloudwatch/);
    expect(broken?.fix?.command).toMatch(/^keyless plan --instance-id '.*' --bucket 'keyless-sandbox-staging' --folder 'inbound' --access read --existing-profile assume-connector-role$/);
  });

  it('names a stopped instance first, with the start command', async () => {
    const instanceId = seededInstance('infa-secure-agent-old');
    const report = await doctor({ instanceId });
    expect(firstBrokenLink(report)).toMatchObject({ id: 'instance', fix: { command: `aws ec2 start-instances --region 'us-east-1' --instance-ids '${instanceId}'` } });
    expect(firstBrokenLink(report)?.reason).toMatch(/stopped/);
  });

  it('finds a correct setup A all ok, down to every connector action on the folder', async () => {
    const a = await setUpA(admin, 'doctor-a', s3Policy({ ...STAGING, access: 'write' }));
    const report = await doctor({ instanceId: a.instanceId, ...STAGING, access: 'write' });
    expect(overallStatus(report)).toBe('ok');
    expect(report.links.map((link) => link.id)).toEqual(['instance', 'imds', 'association', 'instance-profile', 'role', 'trust', 'policies', 's3:ListBucket', 's3:GetObject', 's3:PutObject', 's3:DeleteObject']);
    // another folder of the same bucket is not granted
    const elsewhere = await doctor({ instanceId: a.instanceId, bucket: STAGING.bucket, folder: 'outbound' });
    expect(firstBrokenLink(elsewhere)?.id).toBe('s3:ListBucket');
  });

  it('setup B with the wrong External Id names the connector role\'s trust link', async () => {
    const b = await setUpAssumeRole(admin, admin, 'doctor-b', { externalId: 'informatica-4711', policy: s3Policy(STAGING), connectorAccount: sandbox.seed.accounts.agent.id });
    const right = await doctor({ instanceId: b.instanceId, ...STAGING, assumeRole: { roleArn: b.connectorRoleArn, externalId: 'informatica-4711' } });
    expect(overallStatus(right)).toBe('ok');
    const wrong = await doctor({ instanceId: b.instanceId, ...STAGING, assumeRole: { roleArn: b.connectorRoleArn, externalId: 'informatica-0000' } });
    const broken = firstBrokenLink(wrong);
    expect(broken?.id).toBe('connector-trust');
    expect(broken?.reason).toMatch(/different External Id/);
    expect(broken?.fix?.command).toContain("aws iam update-assume-role-policy --role-name 'doctor-b-connector-role'");
    expect(statuses(wrong)['assume-permission']).toBe('ok');
  });

  it('setup C reads the connector role in the bucket account with that account\'s profile', async () => {
    const c = await setUpAssumeRole(admin, dataAdmin, 'doctor-c', { policy: s3Policy(SALES), connectorAccount: sandbox.seed.accounts.bucket.id });
    const report = await doctor({ instanceId: c.instanceId, ...SALES, assumeRole: { roleArn: c.connectorRoleArn } }, dataAdmin);
    expect(overallStatus(report)).toBe('ok');
    expect(report.links.find((link) => link.id === 'connector-trust')?.status).toBe('ok');
  });

  it('IMDSv2 required with hop limit 1 (set through EC2) breaks a containerised agent, with the modify command', async () => {
    const a = await setUpA(admin, 'doctor-imds', s3Policy(STAGING));
    await admin.ec2.send(new ModifyInstanceMetadataOptionsCommand({ InstanceId: a.instanceId, HttpTokens: 'required', HttpPutResponseHopLimit: 1, HttpEndpoint: 'enabled' }));
    const inContainer = await doctor({ instanceId: a.instanceId, ...STAGING, agentInContainer: true });
    expect(firstBrokenLink(inContainer)).toMatchObject({ id: 'imds', fix: { command: `aws ec2 modify-instance-metadata-options --region 'us-east-1' --instance-id '${a.instanceId}' --http-put-response-hop-limit 2 --http-endpoint enabled` } });
    const unsaid = await doctor({ instanceId: a.instanceId, ...STAGING });
    expect(statuses(unsaid).imds).toBe('unknown');
    expect(overallStatus(unsaid)).toBe('unknown');
  });

  it('starts from a connection: agent host → instance, and refuses a serverless runtime environment', async () => {
    const a = await setUpA(admin, 'doctor-conn', s3Policy(STAGING));
    const viaConnection = await doctor({
      connection: {
        name: 'S3 staging',
        runtimeEnvironment: { name: 'aws-ec2-agents', serverless: false, agents: [{ name: 'ec2-agent-1', active: true, agentHost: a.privateDnsName }] },
        auth: { kind: 'instanceRole' },
        folderPath: `${STAGING.bucket}/${STAGING.folder}`,
      },
    });
    expect(overallStatus(viaConnection)).toBe('ok');
    expect(viaConnection.links.find((link) => link.id === 'agent-instance')?.reason).toContain(a.instanceId);

    const serverless = await doctor({
      connection: { name: 'S3 serverless', runtimeEnvironment: { name: 'serverless-aws', serverless: true, agents: [] }, auth: { kind: 'instanceRole' }, folderPath: STAGING.bucket },
    });
    expect(firstBrokenLink(serverless)?.id).toBe('runtime-environment');
    expect(firstBrokenLink(serverless)?.reason).toMatch(/serverless runtime environment.*cannot work/);
  });

  it('with a connection and --instance, says when the instance is not the agent\'s', async () => {
    const a = await setUpA(admin, 'doctor-mismatch', s3Policy(STAGING));
    const connection = {
      name: 'S3 staging',
      runtimeEnvironment: { name: 'aws-ec2-agents', serverless: false, agents: [{ name: 'ec2-agent-1', active: true, agentHost: a.privateDnsName }] },
      auth: { kind: 'instanceRole' as const },
      folderPath: `${STAGING.bucket}/${STAGING.folder}`,
    };
    expect(statuses(await doctor({ connection, instanceId: a.instanceId }))['agent-instance']).toBe('ok');
    const other = await doctor({ connection, instanceId: seededInstance('infa-secure-agent-shared') });
    expect(firstBrokenLink(other)?.id).toBe('agent-instance');
    expect(firstBrokenLink(other)?.reason).toMatch(/the instance checked is not the agent's/);
  });

  it('a connector role in another account without that account\'s profile is unknown, not "missing"', async () => {
    const c = await setUpAssumeRole(admin, dataAdmin, 'doctor-c2', { policy: s3Policy(SALES), connectorAccount: sandbox.seed.accounts.bucket.id });
    const report = await doctor({ instanceId: c.instanceId, ...SALES, assumeRole: { roleArn: c.connectorRoleArn } });
    expect(report.links.at(-1)).toMatchObject({ id: 'connector-role', status: 'unknown', fix: { summary: expect.stringContaining('--bucket-profile') as unknown } });
    expect(firstBrokenLink(report)).toBeUndefined();
  });

  it('an unknown instance id is broken at the first link', async () => {
    const report = await doctor({ instanceId: 'i-0000000000000dead' });
    expect(report.links).toHaveLength(1);
    expect(firstBrokenLink(report)?.id).toBe('instance');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySetup } from '../../../electron/core/engine/verify/verify-setup';
import type { VerifyInput } from '../../../electron/core/engine/verify/verify-setup';
import type { OwnedAwsClients } from '../../../electron/core/engine/aws-clients';
import type { Sandbox } from '../../../electron/core/sandbox/start-sandbox';
import { firstBrokenLink, overallStatus } from '../../../shared/plan/chain-report';
import type { ChainReport } from '../../../shared/plan/chain-report';
import type { PolicyDocument } from '../../../shared/policy/model';
import { startTestSandbox } from '../../support/sandbox';
import { createRole, operatorClients, putPolicy, s3Policy, SALES, setUpA, setUpAssumeRole, STAGING, userWithPolicy } from './doctor-world';

let sandbox: Sandbox;
let admin: OwnedAwsClients;
let dataAdmin: OwnedAwsClients;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  admin = operatorClients(sandbox, 'keyless-admin');
  dataAdmin = operatorClients(sandbox, 'keyless-data-admin');
});

afterAll(async () => {
  for (const clients of [admin, dataAdmin]) clients?.destroy();
  await sandbox?.stop();
});

const target = (overrides: Partial<VerifyInput['target']> = {}): VerifyInput['target'] => ({ ...STAGING, access: 'read', advancedMode: false, partition: 'aws', ...overrides });
const statuses = (report: ChainReport): Record<string, string> => Object.fromEntries(report.links.map((link) => [link.id, link.status]));

describe('verify against the sandbox (SimulatePrincipalPolicy through the gateway)', () => {
  it('a correct setup A is all ok, for write in advanced mode', async () => {
    const a = await setUpA(admin, 'verify-a', s3Policy({ ...STAGING, access: 'write', advancedMode: true }));
    const report = await verifySetup({ setup: 'a', instanceRole: a.roleName, instanceId: a.instanceId, target: target({ access: 'write', advancedMode: true }) }, { agent: admin });
    expect(overallStatus(report)).toBe('ok');
    expect(report.links.map((link) => link.id)).toEqual(['role', 'trust', 's3:ListBucket', 's3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:ListBucketMultipartUploads']);
    expect(report.links.find((link) => link.id === 's3:ListBucket')?.reason).toContain('s3:prefix "inbound/"');
  });

  it('a role missing ListBucket names that link, and the fix puts the full least-privilege policy on the role', async () => {
    const roleName = 'verify-no-list-role';
    await createRole(admin, roleName, { kind: 'ec2Service' });
    const full = s3Policy(STAGING);
    const withoutList: PolicyDocument = { ...full, Statement: full.Statement.filter((statement) => !(statement.Action ?? []).includes('s3:ListBucket')) };
    await putPolicy(admin, roleName, 'objects-only', withoutList);
    const report = await verifySetup({ setup: 'a', instanceRole: roleName, target: target() }, { agent: admin });
    expect(statuses(report)).toEqual({ role: 'ok', trust: 'ok', 's3:ListBucket': 'broken', 's3:GetObject': 'ok' });
    const broken = firstBrokenLink(report)!;
    expect(broken.reason).toMatch(/implicitly denied/);
    expect(broken.fix?.command).toContain("aws iam put-role-policy --role-name 'verify-no-list-role'");
    expect(broken.fix?.command).toContain('s3:ListBucket');
  });

  it('a read-only policy checked for write names PutObject and DeleteObject', async () => {
    const a = await setUpA(admin, 'verify-read', s3Policy(STAGING));
    const report = await verifySetup({ setup: 'a', instanceRole: a.roleArn, target: target({ access: 'write' }) }, { agent: admin });
    expect(statuses(report)).toMatchObject({ 's3:GetObject': 'ok', 's3:PutObject': 'broken', 's3:DeleteObject': 'broken' });
  });

  it('setup B: the AssumeRole path and the connector role\'s access are ok; a wrong External Id breaks the trust link', async () => {
    const b = await setUpAssumeRole(admin, admin, 'verify-b', { externalId: 'ext-123', policy: s3Policy(STAGING), connectorAccount: sandbox.seed.accounts.agent.id });
    const input: VerifyInput = { setup: 'b', instanceRole: b.instanceRoleArn, connectorRoleArn: b.connectorRoleArn, externalId: 'ext-123', instanceId: b.instanceId, target: target() };
    const report = await verifySetup(input, { agent: admin });
    expect(overallStatus(report)).toBe('ok');
    expect(report.links.map((link) => link.id)).toEqual(['role', 'trust', 'assume-permission', 'connector-role', 'connector-trust', 's3:ListBucket', 's3:GetObject']);
    const wrong = await verifySetup({ ...input, externalId: 'ext-999' }, { agent: admin });
    expect(firstBrokenLink(wrong)?.id).toBe('connector-trust');
    const { externalId: _given, ...withoutExternalId } = input;
    const none = await verifySetup(withoutExternalId, { agent: admin });
    expect(firstBrokenLink(none)?.reason).toMatch(/requires an External Id, and none is given/);
  });

  it('setup C: the connector role in the bucket account, simulated with that account\'s credentials', async () => {
    const c = await setUpAssumeRole(admin, dataAdmin, 'verify-c', { externalId: 'cross-1', policy: s3Policy(SALES), connectorAccount: sandbox.seed.accounts.bucket.id });
    const report = await verifySetup(
      { setup: 'c', instanceRole: c.instanceRoleArn, connectorRoleArn: c.connectorRoleArn, externalId: 'cross-1', instanceId: c.instanceId, target: target(SALES) },
      { agent: admin, bucket: dataAdmin },
    );
    expect(overallStatus(report)).toBe('ok');
    expect(report.links.find((link) => link.id === 'assume-permission')?.reason).toMatch(/Evaluated locally/);
  });

  it('an instance role without sts:AssumeRole names the assume-permission link', async () => {
    const roleName = 'verify-b-noassume-role';
    const roleArn = await createRole(admin, roleName, { kind: 'ec2Service' });
    const connectorArn = await createRole(admin, 'verify-b-noassume-connector', { kind: 'role', roleArn });
    await putPolicy(admin, 'verify-b-noassume-connector', 's3', s3Policy(STAGING));
    const report = await verifySetup({ setup: 'b', instanceRole: roleName, connectorRoleArn: connectorArn, target: target() }, { agent: admin });
    expect(firstBrokenLink(report)?.id).toBe('assume-permission');
    expect(firstBrokenLink(report)?.fix?.command).toContain('sts:AssumeRole');
  });

  it('an operator who may not simulate gets unknown links that say so, not a false ok or broken', async () => {
    const a = await setUpA(admin, 'verify-unsim', s3Policy(STAGING));
    const reader = await userWithPolicy(sandbox, admin, 'verify-reader', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['iam:Get*', 'iam:List*', 'ec2:Describe*'], Resource: ['*'] }],
    });
    try {
      const report = await verifySetup({ setup: 'a', instanceRole: a.roleName, target: target() }, { agent: reader.clients });
      expect(statuses(report)).toEqual({ role: 'ok', trust: 'ok', 's3:ListBucket': 'unknown', 's3:GetObject': 'unknown' });
      expect(report.links.at(-1)?.reason).toMatch(/simulator could not be asked/);
      expect(report.links.at(-1)?.fix?.summary).toContain(`iam:SimulatePrincipalPolicy on ${a.roleArn}`);
      expect(overallStatus(report)).toBe('unknown');
    } finally {
      reader.clients.destroy();
    }
  });

  it('a role that does not exist is broken at the first link', async () => {
    const report = await verifySetup({ setup: 'a', instanceRole: 'verify-does-not-exist', target: target() }, { agent: admin });
    expect(report.links).toEqual([expect.objectContaining({ id: 'role', status: 'broken' })]);
  });
});

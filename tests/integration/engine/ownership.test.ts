import { CreatePolicyCommand, CreatePolicyVersionCommand, CreateRoleCommand, DeletePolicyCommand, DeletePolicyVersionCommand, DeleteRoleCommand, GetPolicyCommand, GetRoleCommand, ListPolicyVersionsCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JournalWriter } from '../../../electron/core/engine/journal/journal-file';
import { planRun } from '../../../electron/core/engine/plan-run';
import { loadRun, resumeRun, rollbackRunById, startRun } from '../../../electron/core/engine/runs';
import { snapshots } from './support/round-trip';
import type { Sandbox } from '../../../electron/core/sandbox/start-sandbox';
import { startTestSandbox } from '../../support/sandbox';
import { operatorFactory, provisionInput, tempAppData } from './support/engine-sandbox';

/** Rollback touches only what the run created; a full managed policy gets room made by a planned step. */

let sandbox: Sandbox;
let appDataDir: string;
const ec2Trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const doc = (n: number) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::old-bucket-${n}/*` }] });

beforeAll(async () => {
  sandbox = await startTestSandbox();
  appDataDir = await tempAppData();
}, 120_000);

afterAll(async () => {
  await sandbox.stop();
});

describe('what a run owns', () => {
  it('rollback leaves a same-named role that the run did not create (intent journaled, role made by someone else)', async () => {
    const factory = operatorFactory(sandbox);
    const { iam } = factory.clients('agent');
    const plan = await planRun(factory, provisionInput(sandbox, {}));
    const journal = await JournalWriter.open(appDataDir, plan.runId);
    await journal.append({ kind: 'plan', at: new Date().toISOString(), plan });
    await journal.append({ kind: 'intent', at: new Date().toISOString(), stepId: 'role:instance:create' });
    await journal.close();
    await iam.send(new CreateRoleCommand({ RoleName: 'keyless-informatica-agent', AssumeRolePolicyDocument: ec2Trust }));

    const rolledBack = await rollbackRunById(plan.runId, { appDataDir, factory });
    expect(rolledBack.undone['role:instance:create']?.skipped).toContain(`not created by run ${plan.runId}`);
    await expect(iam.send(new GetRoleCommand({ RoleName: 'keyless-informatica-agent' }))).resolves.toBeDefined();
    await iam.send(new DeleteRoleCommand({ RoleName: 'keyless-informatica-agent' }));
  }, 60_000);

  it('a policy at five versions: the oldest non-default goes first, and rollback restores the default version', async () => {
    const factory = operatorFactory(sandbox);
    const { iam } = factory.clients('agent');
    const created = await iam.send(new CreatePolicyCommand({ PolicyName: 'keyless-informatica-s3-access', PolicyDocument: doc(1) }));
    const arn = created.Policy?.Arn ?? '';
    for (let n = 2; n <= 5; n++) await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: doc(n), SetAsDefault: true }));

    const plan = await planRun(factory, provisionInput(sandbox, {}));
    expect(plan.warnings.map((warning) => warning.code)).toContain('POLICY_NOT_FROM_KEYLESS');
    expect(plan.steps.filter((step) => step.resource === 'policy:s3:version').map((step) => [step.operation, step.params.VersionId ?? null])).toEqual([
      ['DeletePolicyVersion', 'v1'],
      ['CreatePolicyVersion', null],
    ]);
    const applied = await startRun(plan, { appDataDir, factory });
    expect(applied.failures).toEqual([]);
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.DefaultVersionId).toBe('v6');

    const rolledBack = await rollbackRunById(plan.runId, { appDataDir, factory });
    expect(rolledBack.failures).toEqual([]);
    expect(rolledBack.undone['policy:s3:delete-version']?.skipped).toContain('cannot be restored');
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.DefaultVersionId).toBe('v5');
    const versions = ((await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }))).Versions ?? []).map((version) => version.VersionId).sort();
    expect(versions).toEqual(['v2', 'v3', 'v4', 'v5']);
    await expect(iam.send(new GetRoleCommand({ RoleName: 'keyless-informatica-agent' }))).rejects.toThrow();
    for (const version of ['v2', 'v3', 'v4']) await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: version }));
    await iam.send(new DeletePolicyCommand({ PolicyArn: arn }));
  }, 90_000);

  it('a run that fails (no instance-profile rights) is journaled as failed; resume with the rights finishes it', async () => {
    const admin = operatorFactory(sandbox);
    const restricted = operatorFactory(sandbox, { agentUser: 'keyless-restricted' });
    const before = await snapshots(admin);
    const plan = await planRun(admin, provisionInput(sandbox, {}));
    const failed = await startRun(plan, { appDataDir, factory: restricted });
    expect(failed.status).toBe('failed');
    const denied = failed.failures.find((failure) => failure.stepId === 'instance-profile:create');
    expect(denied?.error.code).toBe('AWS_ACCESSDENIED');
    expect(denied?.error.requestId).toMatch(/\S{8,}/);
    expect(failed.notStarted).toContain('association:associate');
    const record = await loadRun(appDataDir, plan.runId);
    expect(record.status).toBe('failed');

    const resumed = await resumeRun(record, { appDataDir, factory: admin });
    expect(resumed.failures).toEqual([]);
    expect(resumed.status).toBe('complete');
    expect((await planRun(admin, provisionInput(sandbox, {}))).steps).toEqual([]);
    expect((await rollbackRunById(plan.runId, { appDataDir, factory: admin })).failures).toEqual([]);
    expect(await snapshots(admin)).toEqual(before);
  }, 90_000);
});

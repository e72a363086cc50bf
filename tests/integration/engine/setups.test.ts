import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planRun } from '../../../electron/core/engine/plan-run';
import { rollbackRunById, startRun } from '../../../electron/core/engine/runs';
import type { EngineProgress } from '../../../electron/core/engine/progress';
import type { Sandbox } from '../../../electron/core/sandbox/start-sandbox';
import type { ProvisionInput } from '../../../shared/plan/provision-input';
import { startTestSandbox } from '../../support/sandbox';
import { operatorFactory, provisionInput, snapshot, tempAppData } from './support/engine-sandbox';

/**
 * Each setup applies from scratch against the sandbox, a second plan has no changes, a second
 * apply changes nothing, and rollback leaves both accounts exactly as before.
 */

let sandbox: Sandbox;
let appDataDir: string;

beforeAll(async () => {
  sandbox = await startTestSandbox({ propagationMs: 300 });
  appDataDir = await tempAppData();
}, 120_000);

afterAll(async () => {
  await sandbox.stop();
});

async function roundTrip(input: ProvisionInput): Promise<{ plan: Awaited<ReturnType<typeof planRun>>; events: EngineProgress[] }> {
  const factory = operatorFactory(sandbox);
  const before = { agent: await snapshot(factory, 'agent'), bucket: await snapshot(factory, 'bucket') };
  const plan = await planRun(factory, input);
  expect(plan.blockers).toEqual([]);
  expect(plan.steps.length).toBeGreaterThan(0);
  const events: EngineProgress[] = [];
  const applied = await startRun(plan, { appDataDir, factory, onProgress: (event) => events.push(event) });
  expect(applied.failures).toEqual([]);
  expect(applied.status).toBe('complete');

  const second = await planRun(factory, input);
  expect(second.blockers).toEqual([]);
  expect(second.steps).toEqual([]);
  expect(second.resources.every((resource) => resource.action === 'keep')).toBe(true);
  const afterFirst = { agent: await snapshot(factory, 'agent'), bucket: await snapshot(factory, 'bucket') };
  const reapplied = await startRun(second, { appDataDir, factory });
  expect(reapplied.status).toBe('complete');
  expect({ agent: await snapshot(factory, 'agent'), bucket: await snapshot(factory, 'bucket') }).toEqual(afterFirst);

  const rolledBack = await rollbackRunById(plan.runId, { appDataDir, factory });
  expect(rolledBack.failures).toEqual([]);
  expect({ agent: await snapshot(factory, 'agent'), bucket: await snapshot(factory, 'bucket') }).toEqual(before);
  const again = await rollbackRunById(plan.runId, { appDataDir, factory });
  expect(again.status).toBe('complete');
  expect({ agent: await snapshot(factory, 'agent'), bucket: await snapshot(factory, 'bucket') }).toEqual(before);
  return { plan, events };
}

describe('apply against the sandbox', () => {
  it('setup A: role, policy, profile and association from scratch; then no changes; rollback restores', async () => {
    const { plan, events } = await roundTrip(provisionInput(sandbox, { setup: 'instanceRole' }));
    expect(plan.steps.map((step) => step.operation).sort()).toEqual(['AddRoleToInstanceProfile', 'AssociateIamInstanceProfile', 'AttachRolePolicy', 'CreateInstanceProfile', 'CreatePolicy', 'CreateRole']);
    expect(events.filter((event) => event.status === 'waiting').length).toBeGreaterThan(0);
  }, 120_000);

  it('setup B: instance role assumes a connector role with an External Id', async () => {
    const { plan } = await roundTrip(provisionInput(sandbox, { setup: 'assumeConnectorRole', externalId: 'acme-7f3a' }));
    expect(plan.connection).toEqual({ iamRoleArn: `arn:aws:iam::${plan.accounts.agent}:role/keyless-informatica-s3-connector`, useEc2RoleToAssumeRole: true, externalId: 'acme-7f3a' });
    expect(plan.steps.filter((step) => step.operation === 'CreateRole')).toHaveLength(2);
  }, 120_000);

  it('setup C: connector role in the bucket account trusts the agent account', async () => {
    const { plan } = await roundTrip(provisionInput(sandbox, { setup: 'crossAccount', bucketProfile: 'sandbox-data-admin', externalId: 'acme-7f3a' }));
    const bucketSteps = plan.steps.filter((step) => step.account === 'bucket').map((step) => step.operation).sort();
    expect(bucketSteps).toEqual(['AttachRolePolicy', 'CreatePolicy', 'CreateRole']);
    expect(plan.connection.iamRoleArn).toBe(`arn:aws:iam::${plan.accounts.bucket ?? ''}:role/keyless-informatica-s3-connector`);
  }, 120_000);
});

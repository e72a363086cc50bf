import { expect } from 'vitest';
import type { AwsClientFactory } from '../../../../electron/core/engine/aws-clients';
import { planRun } from '../../../../electron/core/engine/plan-run';
import type { EngineProgress } from '../../../../electron/core/engine/progress';
import { rollbackRunById, startRun } from '../../../../electron/core/engine/runs';
import type { Plan } from '../../../../shared/plan/plan-model';
import type { ProvisionInput } from '../../../../shared/plan/provision-input';
import { snapshot, type AccountSnapshot } from './engine-sandbox';

export interface Snapshots {
  readonly agent: AccountSnapshot;
  readonly bucket: AccountSnapshot;
}

export async function snapshots(factory: AwsClientFactory): Promise<Snapshots> {
  return { agent: await snapshot(factory, 'agent'), bucket: await snapshot(factory, 'bucket') };
}

/**
 * plan → apply → plan again (no changes) → apply again (nothing changes) → `inspect` the applied
 * state → rollback (twice) → both accounts exactly as before.
 */
export async function roundTrip(
  factory: AwsClientFactory,
  appDataDir: string,
  input: ProvisionInput,
  inspect: (plan: Plan) => Promise<void> = () => Promise.resolve(),
): Promise<{ plan: Plan; events: EngineProgress[] }> {
  const before = await snapshots(factory);
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
  const afterFirst = await snapshots(factory);
  expect(afterFirst).not.toEqual(before);
  const reapplied = await startRun(second, { appDataDir, factory });
  expect(reapplied.status).toBe('complete');
  expect(await snapshots(factory)).toEqual(afterFirst);
  await inspect(plan);

  const rolledBack = await rollbackRunById(plan.runId, { appDataDir, factory });
  expect(rolledBack.failures).toEqual([]);
  expect(await snapshots(factory)).toEqual(before);
  const again = await rollbackRunById(plan.runId, { appDataDir, factory });
  expect(again.status).toBe('complete');
  expect(await snapshots(factory)).toEqual(before);
  return { plan, events };
}

import { randomUUID } from 'node:crypto';
import type { Plan } from '../../../shared/plan/plan-model';
import { planProvisioning } from '../../../shared/plan/planner';
import type { ProvisionInput } from '../../../shared/plan/provision-input';
import type { AwsClientFactory } from './aws-clients';
import { readIdentities, readState } from './state/read-state';

/** A run id sorts by time and is unique: `20261128T003000Z-1a2b3c4d`. */
export function newRunId(now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomUUID().slice(0, 8)}`;
}

/** Reads the current state and plans: nothing is changed. */
export async function planRun(factory: AwsClientFactory, input: ProvisionInput, options: { runId?: string; now?: Date } = {}): Promise<Plan> {
  const identities = await readIdentities(factory, input);
  const state = await readState(factory, input, identities);
  const now = options.now ?? new Date();
  return planProvisioning({ input, identities, state, runId: options.runId ?? newRunId(now), createdAt: now.toISOString() });
}

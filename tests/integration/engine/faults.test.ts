import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FaultReport } from '../../../electron/core/sandbox/gateway/fault-injector';
import type { Sandbox } from '../../../electron/core/sandbox/start-sandbox';
import { sandboxAdmin, startTestSandbox } from '../../support/sandbox';
import { operatorFactory, provisionInput, tempAppData } from './support/engine-sandbox';
import { roundTrip } from './support/round-trip';

/**
 * Faults injected through the sandbox's admin endpoint: the SDK's standard retries absorb
 * throttling, 5xx and dropped connections; a 10 s IAM→EC2 propagation delay is waited out by the
 * engine, and the wait shows in the progress events.
 */

let sandbox: Sandbox;
let appDataDir: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  appDataDir = await tempAppData();
}, 120_000);

afterEach(async () => {
  await sandboxAdmin(sandbox, 'DELETE', '/faults');
  await sandboxAdmin(sandbox, 'PUT', '/propagation', { propagationMs: 0 });
});

afterAll(async () => {
  await sandbox.stop();
});

async function injected(): Promise<FaultReport['injected']> {
  return ((await sandboxAdmin(sandbox, 'GET', '/faults')).json as FaultReport).injected;
}

describe('apply under injected faults', () => {
  it('rides out a throttling burst on IAM and EC2', async () => {
    await sandboxAdmin(sandbox, 'POST', '/faults', { kind: 'throttle', service: 'iam', action: 'CreateRole', count: 3 });
    await sandboxAdmin(sandbox, 'POST', '/faults', { kind: 'throttle', service: 'ec2', action: 'AssociateIamInstanceProfile', count: 2 });
    await roundTrip(operatorFactory(sandbox), appDataDir, provisionInput(sandbox, {}));
    expect((await injected()).throttle).toBe(5);
  }, 120_000);

  it('rides out 5xx answers', async () => {
    await sandboxAdmin(sandbox, 'POST', '/faults', { kind: 'error', service: 'iam', action: 'CreatePolicy', status: 500, count: 2 });
    await sandboxAdmin(sandbox, 'POST', '/faults', { kind: 'error', service: 'iam', action: 'AddRoleToInstanceProfile', status: 503, count: 2 });
    await roundTrip(operatorFactory(sandbox), appDataDir, provisionInput(sandbox, { setup: 'assumeConnectorRole' }));
    expect((await injected()).error).toBe(4);
  }, 120_000);

  it('rides out dropped connections', async () => {
    await sandboxAdmin(sandbox, 'POST', '/faults', { kind: 'drop', service: 'iam', action: 'CreateInstanceProfile', count: 2 });
    await sandboxAdmin(sandbox, 'POST', '/faults', { kind: 'drop', service: 'iam', action: 'AttachRolePolicy', count: 1 });
    await roundTrip(operatorFactory(sandbox), appDataDir, provisionInput(sandbox, {}));
    expect((await injected()).drop).toBe(3);
  }, 120_000);

  it('waits out a 10 s propagation delay (real time), showing the wait', async () => {
    await sandboxAdmin(sandbox, 'PUT', '/propagation', { propagationMs: 10_000 });
    const { events } = await roundTrip(operatorFactory(sandbox), appDataDir, provisionInput(sandbox, {}));
    const waits = events.filter((event) => event.stepId === 'association:associate' && event.status === 'waiting');
    expect(waits.length).toBeGreaterThan(3);
    expect(Math.max(...waits.map((event) => event.elapsedMs ?? 0))).toBeGreaterThan(8_000);
    expect(events.some((event) => event.stepId === 'association:associate' && event.status === 'retried')).toBe(true);
    expect(events.find((event) => event.stepId === 'association:associate' && event.status === 'done')).toBeDefined();
  }, 120_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requiredPermissions } from '../../../electron/core/engine/preflight/required-permissions';
import { runPreflight } from '../../../electron/core/engine/preflight/run-preflight';
import { verifyPlan } from '../../../electron/core/engine/verify/verify-plan';
import type { Sandbox } from '../../../electron/core/sandbox/start-sandbox';
import { firstBrokenLink, overallStatus } from '../../../shared/plan/chain-report';
import type { ChainReport } from '../../../shared/plan/chain-report';
import type { Plan } from '../../../shared/plan/plan-model';
import { startTestSandbox } from '../../support/sandbox';
import { operatorFactory, provisionInput, tempAppData } from './support/engine-sandbox';
import { roundTrip } from './support/round-trip';

/** The engine's own flow: plan → preflight → apply → verify the applied plan, for A, B and C; then rollback. */

let sandbox: Sandbox;
let appDataDir: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  appDataDir = await tempAppData();
});

afterAll(async () => {
  await sandbox?.stop();
});

async function applyAndVerify(input: Parameters<typeof provisionInput>[1]): Promise<{ plan: Plan; report: ChainReport; afterRollback: ChainReport }> {
  const factory = operatorFactory(sandbox);
  let report: ChainReport | undefined;
  const { plan } = await roundTrip(factory, appDataDir, provisionInput(sandbox, input), async (applied) => {
    report = await verifyPlan(applied, factory);
  });
  const preflight = await runPreflight(requiredPermissions(plan), factory);
  expect(preflight.ok).toBe(true);
  return { plan, report: report!, afterRollback: await verifyPlan(plan, factory) };
}

describe('verify the applied plan', () => {
  it('setup A: every link ok; after rollback the association is the broken link', async () => {
    const { report, afterRollback } = await applyAndVerify({ setup: 'instanceRole', access: 'write', advancedMode: true });
    expect(overallStatus(report)).toBe('ok');
    expect(report.links.map((link) => link.id)).toEqual(['role', 'trust', 's3:ListBucket', 's3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:ListBucketMultipartUploads']);
    expect(firstBrokenLink(afterRollback)?.id).toBe('association');
  });

  it('setup B with an External Id: AssumeRole path and connector access ok', async () => {
    const { report } = await applyAndVerify({ setup: 'assumeConnectorRole', externalId: 'acme-7f3a' });
    expect(overallStatus(report)).toBe('ok');
    expect(report.links.map((link) => link.id)).toEqual(['role', 'trust', 'assume-permission', 'connector-role', 'connector-trust', 's3:ListBucket', 's3:GetObject']);
  });

  it('setup C: the connector role in the bucket account trusts the agent account; verified with both accounts\' clients', async () => {
    const { report } = await applyAndVerify({ setup: 'crossAccount', bucketProfile: 'sandbox-data-admin', externalId: 'acme-7f3a' });
    expect(overallStatus(report)).toBe('ok');
    expect(report.links.find((link) => link.id === 'connector-trust')?.status).toBe('ok');
  });
});

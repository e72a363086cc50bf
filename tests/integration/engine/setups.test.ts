import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../electron/core/sandbox/start-sandbox';
import { startTestSandbox } from '../../support/sandbox';
import { operatorFactory, provisionInput, tempAppData } from './support/engine-sandbox';
import { roundTrip as roundTripWith } from './support/round-trip';

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

const roundTrip = (input: Parameters<typeof roundTripWith>[2]) => roundTripWith(operatorFactory(sandbox), appDataDir, input);

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

import { ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeylessFailure } from '../../../shared/errors';
import { planRun } from '../../../electron/core/engine/plan-run';
import { startRun } from '../../../electron/core/engine/runs';
import { readAssociation } from '../../../electron/core/engine/state/read-instance';
import type { Sandbox } from '../../../electron/core/sandbox/start-sandbox';
import { startTestSandbox } from '../../support/sandbox';
import { operatorFactory, provisionInput, tempAppData } from './support/engine-sandbox';
import { roundTrip, snapshots } from './support/round-trip';

/** The seed's warning: the instance whose profile/role another application shares. */

let sandbox: Sandbox;
let appDataDir: string;
const sharedInstance = { instanceName: 'infa-secure-agent-shared' };

beforeAll(async () => {
  sandbox = await startTestSandbox({ propagationMs: 200 });
  appDataDir = await tempAppData();
}, 120_000);

afterAll(async () => {
  await sandbox.stop();
});

async function attachedTo(roleName: string): Promise<string[]> {
  const { iam } = operatorFactory(sandbox).clients('agent');
  const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName }));
  return (attached.AttachedPolicies ?? []).map((policy) => policy.PolicyName ?? '').sort();
}

describe('an instance whose profile is shared with another application', () => {
  it('without a choice: the plan is blocked with three spelled-out options, apply refuses, nothing changes', async () => {
    const factory = operatorFactory(sandbox);
    const before = await snapshots(factory);
    const plan = await planRun(factory, provisionInput(sandbox, sharedInstance));
    expect(plan.steps).toEqual([]);
    const blocker = plan.blockers.find((issue) => issue.code === 'EXISTING_INSTANCE_PROFILE');
    expect(blocker?.message).toContain('reporting-app-profile');
    expect(blocker?.options?.map((option) => [option.choice, option.recommended])).toEqual([
      ['assumeConnectorRole', true],
      ['extendExistingRole', false],
      ['replaceAssociation', false],
    ]);
    expect(blocker?.options?.[1]?.consequence).toContain('reporting-app-cloudwatch (inline)');
    expect(blocker?.options?.[2]?.consequence).toContain('lose the permissions of reporting-app-role');
    const refused = await startRun(plan, { appDataDir, factory }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(KeylessFailure);
    expect((refused as KeylessFailure).detail.code).toBe('INVALID_PLAN_BLOCKED');
    expect(await snapshots(factory)).toEqual(before);
  }, 60_000);

  it('(1) assume-connector-role: the shared role gets only the sts:AssumeRole policy; the association stays', async () => {
    const factory = operatorFactory(sandbox);
    const input = provisionInput(sandbox, { ...sharedInstance, existingProfileChoice: 'assumeConnectorRole' });
    const { plan } = await roundTrip(factory, appDataDir, input, async () => {
      expect(await attachedTo('reporting-app-role')).toEqual(['keyless-assume-s3-connector']);
      expect((await readAssociation(factory.clients('agent').ec2, input.instanceId))?.profileName).toBe('reporting-app-profile');
    });
    expect(plan.effectiveSetup).toBe('assumeConnectorRole');
    expect(plan.steps.map((step) => step.operation)).not.toContain('ReplaceIamInstanceProfileAssociation');
    expect(plan.steps.map((step) => step.operation)).not.toContain('CreateInstanceProfile');
    const trust = plan.steps.find((step) => step.operation === 'CreateRole')?.params.AssumeRolePolicyDocument;
    expect(trust).toContain(':role/reporting-app-role');
  }, 120_000);

  it('(2) extend-existing-role: the S3 policy is attached to the shared role, with a warning', async () => {
    const factory = operatorFactory(sandbox);
    const input = provisionInput(sandbox, { ...sharedInstance, existingProfileChoice: 'extendExistingRole' });
    const { plan } = await roundTrip(factory, appDataDir, input, async () => {
      expect(await attachedTo('reporting-app-role')).toEqual(['keyless-informatica-s3-access']);
    });
    expect(plan.warnings.map((warning) => warning.code)).toContain('EXISTING_ROLE_WIDENED');
    expect(plan.steps.map((step) => step.operation).sort()).toEqual(['AttachRolePolicy', 'CreatePolicy']);
  }, 120_000);

  it('(3) replace-association: the instance gets Keyless\'s profile; rollback restores the previous one', async () => {
    const factory = operatorFactory(sandbox);
    const input = provisionInput(sandbox, { ...sharedInstance, existingProfileChoice: 'replaceAssociation' });
    const { plan } = await roundTrip(factory, appDataDir, input, async () => {
      expect((await readAssociation(factory.clients('agent').ec2, input.instanceId))?.profileName).toBe('keyless-informatica-agent');
      expect(await attachedTo('reporting-app-role')).toEqual([]);
    });
    expect(plan.warnings.map((warning) => warning.code)).toContain('ASSOCIATION_REPLACED');
    expect(plan.steps.map((step) => step.operation)).toContain('ReplaceIamInstanceProfileAssociation');
    expect((await readAssociation(factory.clients('agent').ec2, input.instanceId))?.profileName).toBe('reporting-app-profile');
  }, 120_000);
});

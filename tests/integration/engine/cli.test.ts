import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../electron/core/sandbox/start-sandbox';
import { keyless } from '../../support/cli-harness';
import { startTestSandbox } from '../../support/sandbox';
import { instanceId, operatorFactory, tempAppData } from './support/engine-sandbox';
import { snapshots } from './support/round-trip';

/** `keyless plan | apply | runs | resume | rollback` in process, against the sandbox through named profiles. */

let sandbox: Sandbox;
let env: Record<string, string>;
let common: string[];

beforeAll(async () => {
  sandbox = await startTestSandbox({ propagationMs: 300 });
  const home = await tempAppData();
  await writeFile(join(home, 'config'), sandbox.profilesSnippet.config);
  await writeFile(join(home, 'credentials'), sandbox.profilesSnippet.credentials);
  env = { AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'), KEYLESS_DATA_DIR: join(home, 'data') };
  common = ['--profile', 'sandbox-admin', '--region', sandbox.region, '--endpoint-url', sandbox.awsEndpoint, '--bucket', 'keyless-sandbox-sales', '--folder', 'sales', '--instance-id', instanceId(sandbox, 'infa-secure-agent-01')];
}, 120_000);

afterAll(async () => {
  await sandbox.stop();
});

describe('keyless plan/apply/runs/resume/rollback', () => {
  it('plan shows the changes; apply without --yes and without a terminal refuses with exit 2 and changes nothing', async () => {
    const before = await snapshots(operatorFactory(sandbox));
    const plan = await keyless(['plan', ...common], { env });
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain('+ create  role keyless-informatica-agent');
    expect(plan.stdout).toContain('6 change(s) to apply.');
    const json = await keyless(['plan', ...common, '--json'], { env });
    expect((JSON.parse(json.stdout) as { steps: unknown[] }).steps).toHaveLength(6);
    const refused = await keyless(['apply', ...common], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('keyless apply --yes');
    expect(await snapshots(operatorFactory(sandbox))).toEqual(before);
  }, 120_000);

  it('apply --yes shows progress and the connection settings; runs lists it; plan then has no changes; rollback undoes it', async () => {
    const before = await snapshots(operatorFactory(sandbox));
    const applied = await keyless(['apply', ...common, '--yes', '--setup', 'b', '--external-id', 'acme-7f3a'], { env });
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toMatch(/started +association:associate/);
    expect(applied.stdout).toMatch(/done +association:associate/);
    expect(applied.stdout).toContain('IAM Role ARN: arn:aws:iam::111111111111:role/keyless-informatica-s3-connector');
    expect(applied.stdout).toContain('External Id: acme-7f3a');
    const runId = /Run (\S+) applied/.exec(applied.stdout)?.[1] ?? '';

    const runs = await keyless(['runs', '--json'], { env });
    expect(JSON.parse(runs.stdout)).toEqual([expect.objectContaining({ runId, status: 'complete', setup: 'assumeConnectorRole', stepsDone: 9, steps: 9 })]);
    const again = await keyless(['plan', ...common, '--setup', 'b', '--external-id', 'acme-7f3a'], { env });
    expect(again.stdout).toContain('No changes');
    const noResume = await keyless(['resume', '--endpoint-url', sandbox.awsEndpoint], { env });
    expect(noResume.code).toBe(2);

    const rolledBack = await keyless(['rollback', runId, '--endpoint-url', sandbox.awsEndpoint], { env });
    expect(rolledBack.code, rolledBack.stderr).toBe(0);
    expect(rolledBack.stdout).toContain(`Run ${runId} is rolled back`);
    expect(await snapshots(operatorFactory(sandbox))).toEqual(before);
    const listed = await keyless(['runs'], { env });
    expect(listed.stdout).toMatch(new RegExp(`${runId} +rolledBack`));
  }, 120_000);

  it('rejects a bad choice and an unknown run with exit 2 and a next step', async () => {
    const badChoice = await keyless(['plan', ...common, '--existing-profile', 'widen'], { env });
    expect(badChoice.code).toBe(2);
    expect(badChoice.stderr).toContain('assume-connector-role');
    const unknown = await keyless(['rollback', 'no-such-run'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('keyless runs');
  }, 60_000);

  it('apply --yes on the shared-role instance shows the three choices and refuses with exit 2', async () => {
    const before = await snapshots(operatorFactory(sandbox));
    const shared = common.map((arg) => (arg === instanceId(sandbox, 'infa-secure-agent-01') ? instanceId(sandbox, 'infa-secure-agent-shared') : arg));
    const refused = await keyless(['apply', ...shared, '--yes'], { env });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain('blocked: Instance');
    expect(refused.stdout).toContain('(1) Set up B: add only sts:AssumeRole on a new connector role to reporting-app-role [recommended]');
    expect(refused.stdout).toContain('(3) Replace reporting-app-profile');
    expect(refused.stderr).toContain('--existing-profile');
    expect(await snapshots(operatorFactory(sandbox))).toEqual(before);
  }, 60_000);

  it('the restricted operator: apply stops at preflight naming iam:PassRole, and nothing is changed', async () => {
    const before = await snapshots(operatorFactory(sandbox));
    const restricted = common.map((arg) => (arg === 'sandbox-admin' ? 'sandbox-restricted' : arg));
    const refused = await keyless(['apply', ...restricted, '--yes'], { env });
    expect(refused.code, refused.stderr).toBe(1);
    expect(refused.stdout).toContain('Could not read instance profile keyless-informatica-agent');
    expect(refused.stdout).toMatch(/iam:PassRole on arn:aws:iam::111111111111:role\/keyless-informatica-agent/);
    expect(refused.stdout).toContain('iam:CreateInstanceProfile');
    expect(refused.stdout).toContain('Ask your cloud team to attach this policy');
    expect(refused.stderr).toContain('Nothing was changed');
    expect(refused.stderr).toContain('iam:PassRole');
    expect(await snapshots(operatorFactory(sandbox))).toEqual(before);
  }, 60_000);
});

import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planRun } from '../../../electron/core/engine/plan-run';
import { loadRun, resumeRun, rollbackRunById } from '../../../electron/core/engine/runs';
import type { Sandbox } from '../../../electron/core/sandbox/start-sandbox';
import { asOperator, startTestSandbox } from '../../support/sandbox';
import { operatorFactory, provisionInput, tempAppData } from './support/engine-sandbox';
import { snapshots } from './support/round-trip';

/**
 * The apply process is killed (SIGKILL) after each step in turn — alternately right after the AWS
 * call returned but before its outcome was journaled, and right after the outcome was journaled.
 * `resume` then finishes with exactly one of each resource, and `rollback` leaves the account as
 * it was before the run.
 */

let sandbox: Sandbox;
let appDataDir: string;
const JITI = join(process.cwd(), 'node_modules', 'jiti', 'lib', 'jiti-cli.mjs');
const CHILD = join(import.meta.dirname, 'support', 'crash-apply-child.ts');

beforeAll(async () => {
  sandbox = await startTestSandbox({ propagationMs: 200 });
  appDataDir = await tempAppData();
}, 120_000);

afterAll(async () => {
  await sandbox.stop();
});

function runChild(planFile: string, crashAfter: number, mode: 'afterCall' | 'afterOutcome'): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  const operator = asOperator(sandbox, 'keyless-admin');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [JITI, CHILD], {
      env: {
        ...process.env,
        KEYLESS_CRASH_CONFIG: JSON.stringify({ endpoint: sandbox.awsEndpoint, region: sandbox.region, appDataDir, credentials: operator.credentials }),
        KEYLESS_CRASH_PLAN: planFile,
        KEYLESS_TEST_CRASH_AFTER_STEP: String(crashAfter),
        KEYLESS_TEST_CRASH_MODE: mode,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, output }));
  });
}

describe('crash after each step, then resume, then rollback (setup A)', () => {
  const input = () => provisionInput(sandbox, {});

  for (let crashAfter = 1; crashAfter <= 6; crashAfter++) {
    const mode = crashAfter % 2 === 1 ? 'afterCall' : 'afterOutcome';
    it(`killed after step ${crashAfter} (${mode === 'afterCall' ? 'call answered, outcome not journaled' : 'outcome journaled'})`, async () => {
      const factory = operatorFactory(sandbox);
      const before = await snapshots(factory);
      const plan = await planRun(factory, input());
      expect(plan.steps).toHaveLength(6);
      const planFile = join(appDataDir, `${plan.runId}.plan.json`);
      await writeFile(planFile, JSON.stringify(plan));

      const child = await runChild(planFile, crashAfter, mode);
      expect(child.signal, child.output).toBe('SIGKILL');
      const interrupted = await loadRun(appDataDir, plan.runId);
      expect(interrupted.status).toBe(crashAfter === 6 && mode === 'afterOutcome' ? 'complete' : 'interrupted');
      // Calls run concurrently: when the Nth call is answered, earlier outcomes may still be on their way to disk.
      if (mode === 'afterOutcome') expect(interrupted.outcomes.size).toBeGreaterThanOrEqual(crashAfter);
      else expect(interrupted.intents.size).toBeGreaterThanOrEqual(crashAfter);

      const resumed = await resumeRun(interrupted, { appDataDir, factory });
      expect(resumed.failures).toEqual([]);
      expect(resumed.status).toBe('complete');
      const adopted = Object.entries(resumed.outcomes).filter(([stepId, outcome]) => !interrupted.outcomes.has(stepId) && outcome.adopted === true);
      // The step whose call went through before the kill is found by lookup, not created twice.
      if (mode === 'afterCall') expect(adopted.length).toBeGreaterThanOrEqual(1);
      const after = await snapshots(factory);
      const count = (lines: readonly string[], needle: string): number => lines.filter((line) => line.includes(needle)).length;
      expect(count(after.agent.roles, ':role/keyless-informatica-agent ')).toBe(1);
      expect(count(after.agent.policies, ':policy/keyless-informatica-s3-access ')).toBe(1);
      expect(count(after.agent.profiles, ':instance-profile/keyless-informatica-agent ')).toBe(1);
      expect(count(after.agent.associations, `${plan.input.instanceId} → `)).toBe(1);
      expect(after.agent.policies.find((line) => line.includes('keyless-informatica-s3-access'))).toContain('versions=v1');
      expect((await planRun(factory, input())).steps).toEqual([]);
      const resumedAgain = await resumeRun(await loadRun(appDataDir, plan.runId), { appDataDir, factory });
      expect(resumedAgain.status).toBe('complete');
      expect(await snapshots(factory)).toEqual(after);

      const rolledBack = await rollbackRunById(plan.runId, { appDataDir, factory });
      expect(rolledBack.failures).toEqual([]);
      expect(await snapshots(factory)).toEqual(before);
    }, 120_000);
  }
});

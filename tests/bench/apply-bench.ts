import { planRun } from '../../electron/core/engine/plan-run';
import { rollbackRunById, startRun } from '../../electron/core/engine/runs';
import { longestChain } from '../../shared/plan/critical-path';
import type { ProvisionInput } from '../../shared/plan/provision-input';
import { sandboxAdmin, startTestSandbox } from '../support/sandbox';
import { operatorFactory, provisionInput, tempAppData } from '../integration/engine/support/engine-sandbox';

/**
 * `npm run bench`: apply wall time against the sandbox with latency L on every call and IAM→EC2
 * propagation delay P, as a ratio to the plan's critical-path lower bound (longest chain × L + P).
 * The same plan is also applied naively, one call at a time. Prints ratios; judges nothing.
 */

interface Scenario {
  readonly latencyMs: number;
  readonly propagationMs: number;
}

const SCENARIOS: readonly Scenario[] = [
  { latencyMs: 100, propagationMs: 5_000 },
  { latencyMs: 250, propagationMs: 3_000 },
  { latencyMs: 50, propagationMs: 10_000 },
];

const SETUPS: readonly { label: string; input: Partial<ProvisionInput> }[] = [
  { label: 'A', input: { setup: 'instanceRole' } },
  { label: 'B', input: { setup: 'assumeConnectorRole', externalId: 'bench-ext-id' } },
];

const sandbox = await startTestSandbox();
const appDataDir = await tempAppData();
const factory = operatorFactory(sandbox);
const rows: string[] = [];

async function timedApply(input: ProvisionInput, concurrency: number | undefined): Promise<{ ms: number; chain: number; steps: number }> {
  await sandboxAdmin(sandbox, 'PUT', '/faults', { latencyMs: 0 });
  const plan = await planRun(factory, input);
  if (plan.blockers.length > 0 || plan.steps.length === 0) throw new Error(`bench plan is not a fresh apply: ${JSON.stringify(plan.blockers)}`);
  return { chain: longestChain(plan.steps), steps: plan.steps.length, ms: await measure(plan, concurrency) };
}

let current: Scenario = SCENARIOS[0] ?? { latencyMs: 0, propagationMs: 0 };

async function measure(plan: Awaited<ReturnType<typeof planRun>>, concurrency: number | undefined): Promise<number> {
  await sandboxAdmin(sandbox, 'PUT', '/faults', { latencyMs: current.latencyMs });
  const started = performance.now();
  const summary = await startRun(plan, { appDataDir, factory, ...(concurrency !== undefined ? { concurrency } : {}) });
  const ms = performance.now() - started;
  await sandboxAdmin(sandbox, 'PUT', '/faults', { latencyMs: 0 });
  if (summary.status !== 'complete') throw new Error(`bench apply failed: ${JSON.stringify(summary.failures)}`);
  const undone = await rollbackRunById(plan.runId, { appDataDir, factory });
  if (undone.status !== 'complete') throw new Error(`bench rollback failed: ${JSON.stringify(undone.failures)}`);
  return ms;
}

try {
  for (const scenario of SCENARIOS) {
    current = scenario;
    await sandboxAdmin(sandbox, 'PUT', '/propagation', { propagationMs: scenario.propagationMs });
    for (const setup of SETUPS) {
      const input = provisionInput(sandbox, setup.input);
      const graph = await timedApply(input, undefined);
      const naive = await timedApply(input, 1);
      const bound = graph.chain * scenario.latencyMs + scenario.propagationMs;
      rows.push(
        [
          `setup ${setup.label}`,
          `L=${scenario.latencyMs} ms`,
          `P=${scenario.propagationMs} ms`,
          `steps=${graph.steps}`,
          `chain=${graph.chain}`,
          `bound=${bound} ms`,
          `graph=${Math.round(graph.ms)} ms ratio ${(graph.ms / bound).toFixed(2)}`,
          `sequential=${Math.round(naive.ms)} ms ratio ${(naive.ms / bound).toFixed(2)}`,
        ].join('  '),
      );
      process.stdout.write(`${rows[rows.length - 1] ?? ''}\n`);
    }
  }
  process.stdout.write('\nratio = apply wall time / (longest chain × L + P); target for the graph apply ≤ 1.25\n');
} finally {
  await sandbox.stop();
}

import { KeylessFailure } from '../../../shared/errors';
import type { Plan } from '../../../shared/plan/plan-model';
import { applyPlan, refuseBlockedPlan, type ApplyOptions, type ApplySummary } from './apply/apply-run';
import type { AwsClientFactory } from './aws-clients';
import type { EngineClock } from './clock';
import { JournalWriter } from './journal/journal-file';
import { listRuns, loadRun, type RunRecord } from './journal/run-record';
import type { ProgressListener } from './progress';
import { rollbackRun, type RollbackSummary } from './rollback/rollback-run';

/** The engine's entry points over the journal: apply a fresh plan, resume a run, roll one back. */
export interface RunEnvironment {
  readonly appDataDir: string;
  readonly factory: AwsClientFactory;
  readonly clock?: EngineClock;
  readonly onProgress?: ProgressListener;
  readonly afterCall?: ApplyOptions['afterCall'];
  readonly concurrency?: number;
}

function applyOptions(env: RunEnvironment, journal: JournalWriter): ApplyOptions {
  return {
    factory: env.factory,
    journal,
    ...(env.clock !== undefined ? { clock: env.clock } : {}),
    ...(env.onProgress !== undefined ? { onProgress: env.onProgress } : {}),
    ...(env.afterCall !== undefined ? { afterCall: env.afterCall } : {}),
    ...(env.concurrency !== undefined ? { concurrency: env.concurrency } : {}),
  };
}

/** Journals the plan first, so even a crash before the first call leaves a run to look at. */
export async function startRun(plan: Plan, env: RunEnvironment): Promise<ApplySummary> {
  refuseBlockedPlan(plan);
  const journal = await JournalWriter.open(env.appDataDir, plan.runId);
  try {
    await journal.append({ kind: 'plan', at: new Date().toISOString(), plan });
    return await applyPlan(plan, applyOptions(env, journal));
  } finally {
    await journal.close();
  }
}

/** The newest run that did not finish, for `keyless resume` without an id. */
export async function latestUnfinishedRun(appDataDir: string): Promise<RunRecord> {
  const runs = (await listRuns(appDataDir)).filter((run) => run.status === 'interrupted' || run.status === 'failed');
  const latest = runs[runs.length - 1];
  if (latest === undefined) throw new KeylessFailure({ code: 'INVALID_NO_RUN_TO_RESUME', message: 'There is no interrupted or failed run to resume.', nextStep: 'List runs with `keyless runs`.' });
  return latest;
}

export async function resumeRun(record: RunRecord, env: RunEnvironment): Promise<ApplySummary> {
  if (record.status === 'rolledBack' || record.status === 'rollbackFailed') {
    throw new KeylessFailure({ code: 'INVALID_RUN_ROLLED_BACK', message: `Run ${record.runId} was rolled back; it cannot be resumed.`, nextStep: 'Plan and apply again.' });
  }
  const journal = await JournalWriter.open(env.appDataDir, record.runId);
  try {
    return await applyPlan(record.plan, { ...applyOptions(env, journal), resume: { intents: record.intents, outcomes: record.outcomes } });
  } finally {
    await journal.close();
  }
}

export async function rollbackRunById(runId: string, env: RunEnvironment): Promise<RollbackSummary> {
  const record = await loadRun(env.appDataDir, runId);
  const journal = await JournalWriter.open(env.appDataDir, runId);
  try {
    return await rollbackRun(record, { factory: env.factory, journal, ...(env.onProgress !== undefined ? { onProgress: env.onProgress } : {}) });
  } finally {
    await journal.close();
  }
}

export { loadRun, listRuns };
export type { RunRecord };

/** One line of `keyless runs` and of the app's run list: where a run got to, without its plan. */
export interface RunSummary {
  readonly runId: string;
  readonly status: RunRecord['status'];
  readonly setup: RunRecord['plan']['effectiveSetup'];
  readonly instanceId: string;
  readonly account: string;
  readonly stepsDone: number;
  readonly steps: number;
  readonly startedAt: RunRecord['startedAt'];
  readonly lastEntryAt: RunRecord['lastEntryAt'];
}

export function runSummary(run: RunRecord): RunSummary {
  return {
    runId: run.runId,
    status: run.status,
    setup: run.plan.effectiveSetup,
    instanceId: run.plan.input.instanceId,
    account: run.plan.accounts.agent,
    stepsDone: run.plan.steps.filter((step) => run.outcomes.has(step.id)).length,
    steps: run.plan.steps.length,
    startedAt: run.startedAt,
    lastEntryAt: run.lastEntryAt,
  };
}


import { KeylessFailure } from '../../../../shared/errors';
import type { Plan } from '../../../../shared/plan/plan-model';
import type { JournalEntry, StepOutcome } from './journal-entry';
import { listRunIds, readJournal } from './journal-file';

/** A journal folded into what resume, rollback and `keyless runs` need to know. */
export type RunStatus = 'planned' | 'interrupted' | 'failed' | 'complete' | 'rolledBack' | 'rollbackFailed';

export interface RunRecord {
  readonly runId: string;
  readonly plan: Plan;
  readonly intents: ReadonlySet<string>;
  readonly outcomes: ReadonlyMap<string, StepOutcome>;
  readonly failures: ReadonlyMap<string, string>;
  readonly undone: ReadonlyMap<string, StepOutcome>;
  readonly status: RunStatus;
  readonly startedAt: string;
  readonly lastEntryAt: string;
}

export function foldJournal(runId: string, entries: readonly JournalEntry[]): RunRecord {
  const first = entries[0];
  if (first?.kind !== 'plan') throw new KeylessFailure({ code: 'JOURNAL_CORRUPT', message: `The journal of run ${runId} does not start with its plan.`, nextStep: 'This run cannot be resumed or rolled back by Keyless.' });
  const intents = new Set<string>();
  const outcomes = new Map<string, StepOutcome>();
  const failures = new Map<string, string>();
  const undone = new Map<string, StepOutcome>();
  let finished: 'complete' | 'failed' | undefined;
  let rolledBack: 'complete' | 'failed' | undefined;
  for (const entry of entries) {
    if (entry.kind === 'intent') intents.add(entry.stepId);
    else if (entry.kind === 'outcome') {
      outcomes.set(entry.stepId, entry.outcome);
      failures.delete(entry.stepId);
    } else if (entry.kind === 'failure') failures.set(entry.stepId, entry.error.message);
    else if (entry.kind === 'finished') finished = entry.status;
    else if (entry.kind === 'undoOutcome') undone.set(entry.stepId, entry.outcome);
    else if (entry.kind === 'rolledBack') rolledBack = entry.status;
  }
  const allDone = first.plan.steps.every((step) => outcomes.has(step.id));
  let status: RunStatus;
  if (rolledBack !== undefined) status = rolledBack === 'complete' ? 'rolledBack' : 'rollbackFailed';
  else if (allDone && (finished === 'complete' || first.plan.steps.length > 0)) status = 'complete';
  else if (finished === 'failed') status = 'failed';
  else if (intents.size === 0 && finished === undefined) status = 'planned';
  else status = 'interrupted';
  return { runId, plan: first.plan, intents, outcomes, failures, undone, status, startedAt: first.at, lastEntryAt: entries[entries.length - 1]?.at ?? first.at };
}

export async function loadRun(appDataDir: string, runId: string): Promise<RunRecord> {
  return foldJournal(runId, await readJournal(appDataDir, runId));
}

export async function listRuns(appDataDir: string): Promise<RunRecord[]> {
  const ids = await listRunIds(appDataDir);
  return Promise.all(ids.map((id) => loadRun(appDataDir, id)));
}

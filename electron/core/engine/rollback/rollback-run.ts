import type { KeylessError } from '../../../../shared/errors';
import { stepDepths } from '../../../../shared/plan/critical-path';
import type { AwsClientFactory } from '../aws-clients';
import { awsFailure } from '../aws-errors';
import type { StepOutcome } from '../journal/journal-entry';
import type { JournalWriter } from '../journal/journal-file';
import type { RunRecord } from '../journal/run-record';
import type { ProgressListener } from '../progress';
import { UNDO_STEPS } from './undo-steps';

/**
 * Removes what a run created, in reverse dependency order (association before profile before
 * role; detach before delete), and restores a replaced association. Only steps the journal shows
 * were attempted are undone; each undo checks AWS first, so a second rollback changes nothing.
 */
export interface RollbackSummary {
  readonly runId: string;
  readonly status: 'complete' | 'failed';
  readonly undone: Readonly<Record<string, StepOutcome>>;
  readonly failures: readonly { readonly stepId: string; readonly error: KeylessError }[];
}

export async function rollbackRun(record: RunRecord, options: { factory: AwsClientFactory; journal: JournalWriter; onProgress?: ProgressListener }): Promise<RollbackSummary> {
  const { plan } = record;
  const depths = stepDepths(plan.steps);
  const attempted = plan.steps.filter((step) => (record.intents.has(step.id) || record.outcomes.has(step.id)) && !record.undone.has(step.id));
  attempted.sort((a, b) => (depths.get(b.id) ?? 0) - (depths.get(a.id) ?? 0));
  const undone: Record<string, StepOutcome> = Object.fromEntries(record.undone);
  const failures: { stepId: string; error: KeylessError }[] = [];
  const now = (): string => new Date().toISOString();
  const emit = (stepId: string, status: 'started' | 'done' | 'failed', message: string): void => options.onProgress?.({ runId: plan.runId, stepId, status, message, at: now() });

  for (const step of attempted) {
    emit(step.id, 'started', `Undo: ${step.summary}`);
    try {
      await options.journal.append({ kind: 'undoIntent', at: now(), stepId: step.id });
      const outcome = await UNDO_STEPS[step.operation](step, { runId: plan.runId, clients: options.factory.clients(step.account), ...(record.outcomes.has(step.id) ? { outcome: record.outcomes.get(step.id) } : {}) });
      await options.journal.append({ kind: 'undoOutcome', at: now(), stepId: step.id, outcome });
      undone[step.id] = outcome;
      emit(step.id, 'done', outcome.skipped !== undefined ? `Undo: ${step.summary}: ${outcome.skipped}` : `Undone: ${step.summary}`);
    } catch (error) {
      const failure = awsFailure(error, `Undoing "${step.summary}"`);
      failures.push({ stepId: step.id, error: failure.detail });
      await options.journal.append({ kind: 'undoFailure', at: now(), stepId: step.id, error: failure.detail });
      emit(step.id, 'failed', failure.detail.message);
    }
  }
  const status = failures.length === 0 ? 'complete' : 'failed';
  await options.journal.append({ kind: 'rolledBack', at: now(), status });
  return { runId: plan.runId, status, undone, failures };
}

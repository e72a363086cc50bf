import { KeylessFailure, type KeylessError } from '../../../../shared/errors';
import type { Plan, PlanStep } from '../../../../shared/plan/plan-model';
import type { AwsClientFactory } from '../aws-clients';
import { awsFailure } from '../aws-errors';
import { realClock, type EngineClock } from '../clock';
import type { StepOutcome } from '../journal/journal-entry';
import type { JournalWriter } from '../journal/journal-file';
import type { ProgressListener, StepStatus } from '../progress';
import { STEP_EXECUTORS } from './operations/executors';
import type { StepRunContext } from './operations/step-executor';
import { runStepGraph } from './step-graph';

/**
 * Carries out a plan: steps run as their dependencies finish, each announced in the journal
 * (fsync'd) before its call and recorded after it. Resuming passes what the journal already holds:
 * steps with an outcome are skipped; steps with an intent but no outcome are looked up first.
 */

export interface ApplyOptions {
  readonly factory: AwsClientFactory;
  readonly journal: JournalWriter;
  readonly clock?: EngineClock;
  readonly onProgress?: ProgressListener;
  readonly resume?: { readonly intents: ReadonlySet<string>; readonly outcomes: ReadonlyMap<string, StepOutcome> };
  /** At most this many calls at once (1 = the naive sequential apply the bench compares with). */
  readonly concurrency?: number;
  /** Test seam: runs after a step's AWS call returned and before its outcome is journaled. */
  readonly afterCall?: (step: PlanStep) => void;
}

export interface ApplySummary {
  readonly runId: string;
  readonly status: 'complete' | 'failed';
  readonly outcomes: Readonly<Record<string, StepOutcome>>;
  readonly failures: readonly { readonly stepId: string; readonly error: KeylessError }[];
  readonly notStarted: readonly string[];
  readonly durationMs: number;
}

export function refuseBlockedPlan(plan: Plan): void {
  if (plan.blockers.length === 0) return;
  const first = plan.blockers[0];
  throw new KeylessFailure({
    code: 'INVALID_PLAN_BLOCKED',
    message: `The plan cannot be applied: ${plan.blockers.map((blocker) => blocker.message).join(' ')}`,
    nextStep: first?.nextStep ?? 'Resolve the blockers the plan lists.',
  });
}

export async function applyPlan(plan: Plan, options: ApplyOptions): Promise<ApplySummary> {
  refuseBlockedPlan(plan);
  const clock = options.clock ?? realClock;
  const started = clock.now();
  const outcomes: Record<string, StepOutcome> = Object.fromEntries(options.resume?.outcomes ?? []);
  const emit = (stepId: string, status: StepStatus, message: string, elapsedMs?: number): void => {
    options.onProgress?.({ runId: plan.runId, stepId, status, message, ...(elapsedMs !== undefined ? { elapsedMs } : {}), at: new Date(clock.now()).toISOString() });
  };
  const failures: { stepId: string; error: KeylessError }[] = [];

  const runStep = async (step: PlanStep): Promise<void> => {
    const stepStarted = clock.now();
    emit(step.id, 'started', step.summary);
    const ctx: StepRunContext = {
      runId: plan.runId,
      clients: options.factory.clients(step.account),
      clock,
      propagation: { justCreated: step.dependsOn.length > 0 },
      dependencyOutcomes: Object.fromEntries(step.dependsOn.flatMap((dep) => (outcomes[dep] ? [[dep, outcomes[dep]] as const] : []))),
      hooks: {
        onWait: (elapsedMs, signature, delayMs) => emit(step.id, 'waiting', `Waiting for IAM changes to propagate (${signature}); next try in ${delayMs} ms`, elapsedMs),
        onRetry: (attempt) => emit(step.id, 'retried', `Retrying ${step.operation} (attempt ${attempt + 1})`, clock.now() - stepStarted),
      },
    };
    const executor = STEP_EXECUTORS[step.operation];
    try {
      let outcome = options.resume?.intents.has(step.id) === true ? await executor.lookup(step, ctx) : undefined;
      if (outcome === undefined) {
        await options.journal.append({ kind: 'intent', at: new Date(clock.now()).toISOString(), stepId: step.id });
        outcome = await executor.run(step, ctx);
        options.afterCall?.(step);
      }
      await options.journal.append({ kind: 'outcome', at: new Date(clock.now()).toISOString(), stepId: step.id, outcome });
      outcomes[step.id] = outcome;
      emit(step.id, 'done', outcome.adopted === true ? `${step.summary}: already done` : step.summary, clock.now() - stepStarted);
    } catch (error) {
      const failure = awsFailure(error, step.summary);
      failures.push({ stepId: step.id, error: failure.detail });
      await options.journal.append({ kind: 'failure', at: new Date(clock.now()).toISOString(), stepId: step.id, error: failure.detail });
      emit(step.id, 'failed', failure.detail.message, clock.now() - stepStarted);
      throw failure;
    }
  };

  const result = await runStepGraph(plan.steps, runStep, { alreadyDone: new Set(Object.keys(outcomes)), ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}) });
  const status = result.failed.length === 0 && result.notStarted.length === 0 ? 'complete' : 'failed';
  await options.journal.append({ kind: 'finished', at: new Date(clock.now()).toISOString(), status });
  return { runId: plan.runId, status, outcomes, failures, notStarted: result.notStarted, durationMs: clock.now() - started };
}

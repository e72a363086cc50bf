import type { ProgressEvent } from '../../../shared/ipc/events';
import type { PlanStep } from '../../../shared/plan/plan-model';

const STATUS_LABEL: Readonly<Record<ProgressEvent['status'] | 'pending', string>> = {
  pending: 'Pending',
  started: 'Started',
  waiting: 'Waiting for propagation',
  retried: 'Retried',
  done: 'Done',
  failed: 'Failed',
  info: 'Note',
};

interface StepView {
  readonly status: ProgressEvent['status'] | 'pending';
  readonly message: string | undefined;
  readonly elapsedMs: number | undefined;
  readonly retries: number;
}

function viewOf(stepId: string, events: readonly ProgressEvent[]): StepView {
  const own = events.filter((event) => event.stepId === stepId);
  const last = own.at(-1);
  return { status: last?.status ?? 'pending', message: last?.message, elapsedMs: last?.elapsedMs, retries: own.filter((event) => event.status === 'retried').length };
}

/** One row per plan step with its latest event: started, waiting (with the seconds so far), retried, done or failed. */
export function ApplyProgress({ steps, events }: { readonly steps: readonly PlanStep[]; readonly events: readonly ProgressEvent[] }) {
  return (
    <section className="card" aria-labelledby="apply-progress-title">
      <h2 id="apply-progress-title">Progress</h2>
      <ol className="apply-progress" aria-label="Apply progress" aria-live="polite">
        {steps.map((step) => {
          const view = viewOf(step.id, events);
          return (
            <li key={step.id} className={`progress-step progress-${view.status}`} data-step={step.id} data-status={view.status}>
              <span className="progress-status">{STATUS_LABEL[view.status]}</span> {step.summary}
              {view.status === 'waiting' && view.elapsedMs !== undefined ? <span className="hint"> {(view.elapsedMs / 1000).toFixed(0)} s so far</span> : null}
              {view.retries > 0 ? <span className="hint"> ({view.retries} {view.retries === 1 ? 'retry' : 'retries'})</span> : null}
              {view.message !== undefined && view.message !== step.summary ? <div className="hint">{view.message}</div> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

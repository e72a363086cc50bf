import { useEffect, useState } from 'react';
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

/**
 * A step's latest state. While it waits for propagation the engine reports only when each wait
 * starts, so the seconds shown keep counting from that event's time.
 */
export function viewOf(stepId: string, events: readonly ProgressEvent[], now: number): StepView {
  const own = events.filter((event) => event.stepId === stepId);
  const last = own.at(-1);
  const waitedSince = last?.status === 'waiting' && last.elapsedMs !== undefined ? last.elapsedMs + Math.max(0, now - Date.parse(last.at)) : last?.elapsedMs;
  return { status: last?.status ?? 'pending', message: last?.message, elapsedMs: waitedSince, retries: own.filter((event) => event.status === 'retried').length };
}

/** The current time, once a second while `ticking`. */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}

/** One row per plan step with its latest event: started, waiting (with the seconds so far), retried, done or failed. */
export function ApplyProgress({ steps, events }: { readonly steps: readonly PlanStep[]; readonly events: readonly ProgressEvent[] }) {
  const views = (now: number) => new Map(steps.map((step) => [step.id, viewOf(step.id, events, now)]));
  const now = useNow([...views(0).values()].some((view) => view.status === 'waiting'));
  const current = views(now);
  return (
    <section className="card" aria-labelledby="apply-progress-title">
      <h2 id="apply-progress-title">Progress</h2>
      <ol className="apply-progress" aria-label="Apply progress" aria-live="polite">
        {steps.map((step) => {
          const view = current.get(step.id) ?? viewOf(step.id, events, now);
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

import type { ReviewPhase } from '../guided-store';
import { ErrorNote } from '../../connect/use-ipc';
import { ApplyProgress } from './ApplyProgress';
import { ConfirmApply } from './ConfirmApply';
import { VerifyChecklist } from './VerifyChecklist';

type Reviewed = Exclude<ReviewPhase, { phase: 'idle' | 'planning' | 'planFailed' }>;

/** Why there is no Apply button, in the user's terms. */
function notApplicableReason(phase: Reviewed): string {
  const { plan, preflight } = phase.review;
  if (plan.blockers.length > 0) return 'Apply is not offered: the plan has a blocker to resolve first (above).';
  if (plan.steps.length === 0) return 'Nothing to change: everything this setup needs is already in place.';
  if (preflight !== undefined && !preflight.ok) return 'Apply is not offered: your AWS identity lacks permissions the plan needs (see preflight).';
  return 'Apply is not offered for this plan.';
}

/** The Apply button (only for an applicable plan), its confirmation, live progress and the outcome. */
export function ApplySection({
  phase,
  onAsk,
  onCancel,
  onApply,
  onPlanAgain,
}: {
  readonly phase: Reviewed;
  readonly onAsk: () => void;
  readonly onCancel: () => void;
  readonly onApply: () => void;
  readonly onPlanAgain: () => void;
}) {
  const { plan, applicable } = phase.review;
  return (
    <>
      {phase.phase === 'reviewing' ? (
        applicable ? (
          <div className="apply-bar">
            <button type="button" className="primary" onClick={onAsk}>
              Apply {plan.steps.length} change{plan.steps.length === 1 ? '' : 's'}
            </button>
          </div>
        ) : (
          <p className="apply-bar" data-testid="no-apply">
            {notApplicableReason(phase)}
          </p>
        )
      ) : null}
      {phase.phase === 'confirming' ? <ConfirmApply plan={plan} onApply={onApply} onCancel={onCancel} /> : null}
      {phase.phase === 'applying' || phase.phase === 'applied' || phase.phase === 'applyFailed' ? <ApplyProgress steps={plan.steps} events={phase.events} /> : null}
      {phase.phase === 'applying' ? <p role="status">Applying run {plan.runId}…</p> : null}
      {phase.phase === 'applied' ? (
        <>
          <section className={`card apply-summary summary-${phase.result.status}`} data-testid="apply-summary">
            <h2>{phase.result.status === 'complete' ? 'Applied' : 'Stopped'}</h2>
            <p>
              Run {phase.result.runId}: {phase.result.stepsDone} of {phase.result.steps} steps done in {(phase.result.durationMs / 1000).toFixed(1)} s.
            </p>
            {phase.result.failures.map((failure) => (
              <ErrorNote key={failure.stepId} error={{ code: 'APPLY_STEP_FAILED', message: failure.message, nextStep: failure.nextStep, ...(failure.requestId === undefined ? {} : { requestId: failure.requestId }) }} />
            ))}
            <button type="button" onClick={onPlanAgain}>
              Plan again
            </button>
          </section>
          {phase.result.verify === undefined ? null : <VerifyChecklist report={phase.result.verify} />}
        </>
      ) : null}
      {phase.phase === 'applyFailed' ? (
        <>
          <ErrorNote error={phase.error} />
          <button type="button" onClick={onPlanAgain}>
            Plan again
          </button>
        </>
      ) : null}
    </>
  );
}

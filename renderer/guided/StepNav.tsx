import type { KeylessError } from '../../shared/errors';
import { useWizard } from '../state/wizard-store';

/**
 * Back and Next of a guided step. Next stays visible when the step is incomplete, disabled,
 * with the reason next to it (and named as its description), so the user knows what is missing.
 */
export function StepNav({ blocked, nextLabel = 'Next' }: { readonly blocked: KeylessError | undefined; readonly nextLabel?: string }) {
  const previousStep = useWizard((s) => s.previousStep);
  const nextStep = useWizard((s) => s.nextStep);
  return (
    <div className="step-nav">
      <button type="button" onClick={previousStep}>
        Back
      </button>
      <button type="button" className="primary" disabled={blocked !== undefined} aria-describedby={blocked === undefined ? undefined : 'step-blocked'} onClick={nextStep}>
        {nextLabel}
      </button>
      {blocked === undefined ? null : (
        <span id="step-blocked" className="step-blocked" data-testid="step-blocked">
          {blocked.message} {blocked.nextStep}
        </span>
      )}
    </div>
  );
}

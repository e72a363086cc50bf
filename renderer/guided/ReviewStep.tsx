import { useCallback, useEffect, useMemo } from 'react';
import type { Plan } from '../../shared/plan/plan-model';
import type { ExistingProfileChoice as Choice } from '../../shared/plan/provision-input';
import { useConnect } from '../connect/connect-store';
import { ErrorNote } from '../connect/use-ipc';
import { useDraft } from '../draft/draft-store';
import { keylessApi } from '../keyless-api';
import { useWizard } from '../state/wizard-store';
import { useGuided } from './guided-store';
import { provisionRequest } from './provision-request';
import { ApplySection } from './review/ApplySection';
import { ConnectionSettingsCard } from './review/ConnectionSettingsCard';
import { ExistingProfileChoice } from './review/ExistingProfileChoice';
import { PlanCalls, PlanResources, PlanWarnings } from './review/PlanResources';
import { PreflightPanel } from './review/PreflightPanel';

const SETUP_LABEL: Readonly<Record<Plan['effectiveSetup'], string>> = {
  instanceRole: 'Setup A (instance role)',
  assumeConnectorRole: 'Setup B (instance role assumes a connector role)',
  crossAccount: 'Setup C (cross-account connector role)',
};

/**
 * Review & apply: plans as soon as the screen opens (from what the steps say now), shows what
 * will change, whether this identity may change it, and applies only on an explicit,
 * confirmed click — then follows the run's events and shows the verify checklist.
 */
export function ReviewStep() {
  const form = useDraft((s) => s.form);
  const target = useConnect((s) => s.target);
  const placement = useGuided((s) => s.placement);
  const choice = useGuided((s) => s.existingProfileChoice);
  const phase = useGuided((s) => s.review);
  const guided = useGuided.getState;
  const previousStep = useWizard((s) => s.previousStep);
  const goHome = useWizard((s) => s.goHome);
  const request = useMemo(() => provisionRequest(form, placement, target, choice), [form, placement, target, choice]);

  const plan = useCallback(
    async (withChoice: Choice | undefined) => {
      const api = keylessApi();
      const outcome = provisionRequest(useDraft.getState().form, guided().placement, useConnect.getState().target, withChoice);
      if (api === undefined) return;
      // A plan of what the steps no longer say must not stay on screen next to the reason.
      if (!outcome.ok) {
        guided().invalidatePlan();
        return;
      }
      guided().planStarted();
      guided().planFinished(await api.engine.plan(outcome.request));
    },
    [guided],
  );

  // Opening Review plans what the steps say now, unless a run was applied here (its outcome stays).
  useEffect(() => {
    const current = guided().review.phase;
    if (current !== 'applying' && current !== 'applied' && current !== 'applyFailed') void plan(guided().existingProfileChoice);
  }, [plan, guided]);

  useEffect(() => {
    const api = keylessApi();
    if (api === undefined) return;
    return api.onEvent((event) => guided().progress(event));
  }, [guided]);

  const apply = async () => {
    const api = keylessApi();
    const current = guided().review;
    if (api === undefined || current.phase !== 'confirming') return;
    guided().applyStarted();
    guided().applyFinished(await api.engine.apply({ runId: current.review.plan.runId }));
  };

  const choose = (picked: Choice) => {
    guided().chooseExistingProfile(picked);
    void plan(picked);
  };

  return (
    <div className="guided-step review">
      <header>
        <h1>Review & apply</h1>
        <p className="lede">What Keyless will change in AWS, checked against your own permissions first. Nothing changes until you confirm.</p>
      </header>
      {!request.ok ? <ErrorNote error={request.error} /> : null}
      {phase.phase === 'planning' ? <p role="status">Planning: reading the role, policies, instance profile and the instance’s association…</p> : null}
      {phase.phase === 'planFailed' ? (
        <>
          <ErrorNote error={phase.error} />
          <button type="button" onClick={() => void plan(choice)}>
            Plan again
          </button>
        </>
      ) : null}
      {phase.phase !== 'idle' && phase.phase !== 'planning' && phase.phase !== 'planFailed' ? (
        <>
          <p className="plan-headline" data-testid="plan-headline">
            {SETUP_LABEL[phase.review.plan.effectiveSetup]} on {phase.review.plan.input.instanceId} in {phase.review.plan.region}:{' '}
            {phase.review.plan.steps.length === 0 ? 'no changes' : `${phase.review.plan.steps.length} change${phase.review.plan.steps.length === 1 ? '' : 's'}`}
          </p>
          {phase.review.plan.blockers.map((blocker, index) => (
            <section key={`${blocker.code}-${index}`} className="blocker" role="alert" aria-label="Blocker">
              <strong>{blocker.message}</strong>
              <p>{blocker.nextStep}</p>
              {blocker.options !== undefined && blocker.options.length > 0 && phase.phase === 'reviewing' ? <ExistingProfileChoice blocker={blocker} onChoose={choose} /> : null}
            </section>
          ))}
          <PlanWarnings plan={phase.review.plan} />
          {phase.review.preflight === undefined ? null : <PreflightPanel preflight={phase.review.preflight} />}
          <ApplySection
            phase={phase}
            onAsk={() => guided().askConfirmation()}
            onCancel={() => guided().cancelConfirmation()}
            onApply={() => void apply()}
            onPlanAgain={() => void plan(choice)}
          />
          <ConnectionSettingsCard connection={phase.review.plan.connection} />
          <PlanResources plan={phase.review.plan} />
          <PlanCalls plan={phase.review.plan} />
        </>
      ) : null}
      <div className="step-nav">
        <button type="button" onClick={previousStep} disabled={phase.phase === 'applying'}>
          Back
        </button>
        <button type="button" className="primary" onClick={goHome} disabled={phase.phase === 'applying'}>
          Finish
        </button>
      </div>
    </div>
  );
}

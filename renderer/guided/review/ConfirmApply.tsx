import { useEffect, useRef } from 'react';
import type { Plan } from '../../../shared/plan/plan-model';
import { RESOURCE_KIND_LABEL } from './resource-labels';

/** The last word before AWS changes: names every resource that will be created, updated or replaced. */
export function ConfirmApply({ plan, onApply, onCancel }: { readonly plan: Plan; readonly onApply: () => void; readonly onCancel: () => void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  const changing = plan.resources.filter((resource) => resource.action !== 'keep');
  const account = plan.accounts.bucket === undefined ? `account ${plan.accounts.agent}` : `accounts ${plan.accounts.agent} and ${plan.accounts.bucket}`;
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="confirm-title" className="confirm-apply" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <h2 id="confirm-title">
        Apply {plan.steps.length} change{plan.steps.length === 1 ? '' : 's'} in {account}?
      </h2>
      <ul>
        {changing.map((resource) => (
          <li key={resource.key}>
            {resource.action} {RESOURCE_KIND_LABEL[resource.kind]} <strong>{resource.name}</strong>
          </li>
        ))}
      </ul>
      <p className="hint">Every created resource is tagged keyless:managed and with run {plan.runId}; the run can be rolled back.</p>
      <div className="row">
        <button type="button" className="primary" onClick={onApply}>
          Apply now
        </button>
        <button type="button" ref={cancel} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

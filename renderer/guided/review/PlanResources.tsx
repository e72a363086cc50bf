import type { Plan, PlanResource } from '../../../shared/plan/plan-model';
import { RESOURCE_KIND_LABEL } from './resource-labels';

const ACTION_LABEL: Readonly<Record<PlanResource['action'], string>> = { create: 'Create', update: 'Update', keep: 'Keep', replace: 'Replace' };

function json(value: unknown): string {
  return value === null || value === undefined ? '(none)' : JSON.stringify(value, null, 2);
}

function ResourceDiff({ resource }: { readonly resource: PlanResource }) {
  if (resource.diff === undefined || !resource.diff.changed) return null;
  return (
    <details className="doc-diff">
      <summary>Document before and after</summary>
      <div className="doc-diff-columns">
        <div>
          <h4>Before</h4>
          <pre className="policy-json">{json(resource.diff.before)}</pre>
        </div>
        <div>
          <h4>After</h4>
          <pre className="policy-json">{json(resource.diff.after)}</pre>
        </div>
      </div>
    </details>
  );
}

/** Each resource the plan touches with its action, why, and for documents the before/after. */
export function PlanResources({ plan }: { readonly plan: Plan }) {
  return (
    <section className="card" aria-labelledby="plan-resources-title">
      <h2 id="plan-resources-title">Resources</h2>
      <ul className="plan-resources" aria-label="Plan resources">
        {plan.resources.map((resource) => (
          <li key={resource.key} className="plan-resource" data-action={resource.action}>
            <span className={`action-badge action-${resource.action}`}>{ACTION_LABEL[resource.action]}</span> <strong>{resource.name}</strong>{' '}
            <span className="hint-inline">
              {RESOURCE_KIND_LABEL[resource.kind]} · {resource.account} account
            </span>
            <div className="hint">{resource.reason}</div>
            {resource.arn === undefined ? null : <code className="arn">{resource.arn}</code>}
            <ResourceDiff resource={resource} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The exact AWS calls apply will make, in plan order, each with its parameters. */
export function PlanCalls({ plan }: { readonly plan: Plan }) {
  if (plan.steps.length === 0) return null;
  return (
    <section className="card" aria-labelledby="plan-calls-title">
      <h2 id="plan-calls-title">AWS calls ({plan.steps.length})</h2>
      <ol className="plan-calls">
        {plan.steps.map((step) => (
          <li key={step.id}>
            <code>
              {step.service}:{step.operation}
            </code>{' '}
            {step.summary}
            <details>
              <summary>Parameters</summary>
              <pre className="policy-json">{JSON.stringify(step.params, null, 2)}</pre>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The plan's warnings: things that will work but that the admin should know. */
export function PlanWarnings({ plan }: { readonly plan: Plan }) {
  if (plan.warnings.length === 0) return null;
  return (
    <section className="card" aria-labelledby="plan-warnings-title">
      <h2 id="plan-warnings-title">Warnings</h2>
      <ul className="plan-warnings">
        {plan.warnings.map((warning) => (
          <li key={`${warning.code}-${warning.message}`} className="status-warning">
            <strong>{warning.message}</strong> <span className="hint">{warning.nextStep}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

import { useState } from 'react';
import type { PreflightSummary } from '../../../shared/ipc/engine-contract';

const DECISION: Readonly<Record<PreflightSummary['missing'][number]['decision'], string>> = {
  allowed: 'allowed',
  explicitDeny: 'denied by a policy',
  implicitDeny: 'not granted',
  unknown: 'could not be checked',
};

function CopyButton({ text, label }: { readonly text: string; readonly label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      onClick={() => {
        void navigator.clipboard.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        );
      }}
    >
      {copied ? 'Copied' : label}
    </button>
  );
}

/** Preflight: may this AWS identity make every call of the plan? If not, what to ask for. */
export function PreflightPanel({ preflight }: { readonly preflight: PreflightSummary }) {
  return (
    <section className="card preflight" aria-labelledby="preflight-title" data-testid="preflight">
      <h2 id="preflight-title">Your permissions (preflight)</h2>
      {preflight.callers.map((caller) => (
        <p key={caller.account} className="hint">
          {caller.account} account: {caller.arn}
          {caller.note === undefined ? null : <span className="status-warning"> {caller.note}</span>}
        </p>
      ))}
      {preflight.ok ? (
        <p className="ok">✓ Every permission the plan needs is allowed ({preflight.checked} checked).</p>
      ) : (
        <>
          <p role="alert" className="status-error">
            ✗ Nothing can be applied yet: {preflight.missing.length} of {preflight.checked} permissions are missing. Ask your cloud team for the policy below.
          </p>
          <ul className="preflight-missing" aria-label="Missing permissions">
            {preflight.missing.map((check) => (
              <li key={`${check.account}-${check.action}-${check.resource}`}>
                <code>{check.action}</code> on <code>{check.resource}</code>: {DECISION[check.decision]}
                {check.purpose === undefined ? null : <span className="hint">for: {check.purpose}</span>}
              </li>
            ))}
          </ul>
          {preflight.operatorPolicies.map((request) => (
            <div key={request.account} className="operator-policy">
              <h3>
                Operator policy for {request.callerArn} ({request.account} account)
              </h3>
              <pre className="policy-json" data-testid="operator-policy" tabIndex={0}>
                {request.policyJson}
              </pre>
              <CopyButton text={request.policyJson} label="Copy policy" />
            </div>
          ))}
        </>
      )}
    </section>
  );
}

import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { KeylessFailure } from '../../shared/errors';
import { evaluate } from '../../shared/policy/evaluate';
import type { EvaluationResult } from '../../shared/policy/evaluation-types';
import type { Partition, PolicyDocument } from '../../shared/policy/model';
import { s3RequestFor } from '../../shared/policy/s3-request';

type Answer = { readonly kind: 'result'; readonly result: EvaluationResult } | { readonly kind: 'error'; readonly message: string };

const DECISION_LABEL = { allowed: 'Allowed', explicitDeny: 'Denied (explicit deny)', implicitDeny: 'Denied (nothing allows it)' } as const;

/** "Ask the policy": would the connector be allowed this action on this S3 path, and why. */
export function AskPolicy({ permissions, partition, policyName }: { readonly permissions: PolicyDocument; readonly partition: Partition; readonly policyName: string }) {
  const actionId = useId();
  const pathId = useId();
  const [action, setAction] = useState('s3:GetObject');
  const [location, setLocation] = useState('');
  const [answer, setAnswer] = useState<Answer | undefined>();

  function ask(event: FormEvent) {
    event.preventDefault();
    try {
      const request = s3RequestFor(action, location, partition);
      setAnswer({ kind: 'result', result: evaluate({ request, identityPolicies: [{ name: policyName, document: permissions }] }) });
    } catch (error) {
      if (!(error instanceof KeylessFailure)) throw error;
      setAnswer({ kind: 'error', message: `${error.detail.message} ${error.detail.nextStep}` });
    }
  }

  return (
    <form className="ask" aria-label="Ask the policy" onSubmit={ask}>
      <h3>Ask the policy</h3>
      <div className="ask-row">
        <label htmlFor={actionId}>Action</label>
        <input id={actionId} value={action} spellCheck={false} onChange={(e) => setAction(e.target.value)} />
        <label htmlFor={pathId}>S3 path</label>
        <input id={pathId} value={location} spellCheck={false} placeholder="s3://bucket/folder/file.csv" onChange={(e) => setLocation(e.target.value)} />
        <button type="submit">Ask</button>
      </div>
      {answer === undefined ? null : answer.kind === 'error' ? (
        <p role="alert" className="status-error">
          {answer.message}
        </p>
      ) : (
        <div role="status" className={`decision decision-${answer.result.decision}`}>
          <strong>{DECISION_LABEL[answer.result.decision]}</strong>
          <p>{answer.result.reason}</p>
        </div>
      )}
    </form>
  );
}

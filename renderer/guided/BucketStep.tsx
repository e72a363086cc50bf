import { useMemo } from 'react';
import { DocumentPanel } from '../draft/DocumentPanel';
import { draftDocuments } from '../draft/draft-documents';
import { BucketFieldset, ConnectorFieldset, SetupFieldset } from '../draft/DraftFormPanel';
import { useDraft } from '../draft/draft-store';
import { useLintFindings } from '../draft/use-lint-findings';
import { StepNav } from './StepNav';
import { useConnectedAccount } from './use-connected-account';

/** Guided step 2: the setup, bucket and access, with the documents linted live as they are typed. */
export function BucketStep() {
  useConnectedAccount();
  const form = useDraft((s) => s.form);
  const outcome = useMemo(() => draftDocuments(form), [form]);
  const findings = useLintFindings(outcome.ok ? outcome.documents : undefined, form);
  return (
    <div className="guided-step">
      <header>
        <h1>Bucket & policy</h1>
        <p className="lede">What the connection reads or writes, and how the Secure Agent reaches it. The policies on the right follow every change.</p>
      </header>
      <div className="draft-columns">
        <form className="draft-form" aria-label="Bucket and setup" onSubmit={(e) => e.preventDefault()}>
          <SetupFieldset />
          <BucketFieldset />
          <ConnectorFieldset />
        </form>
        <div className="draft-output">
          {outcome.ok ? (
            <DocumentPanel documents={outcome.documents} findings={findings} />
          ) : (
            <div className="draft-problem" role="alert">
              <strong>{outcome.error.message}</strong>
              <p>{outcome.error.nextStep}</p>
            </div>
          )}
        </div>
      </div>
      <StepNav blocked={outcome.ok ? undefined : outcome.error} />
    </div>
  );
}

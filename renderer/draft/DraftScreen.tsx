import { useMemo } from 'react';
import { AskPolicy } from './AskPolicy';
import { DocumentPanel } from './DocumentPanel';
import { draftDocuments } from './draft-documents';
import { DraftFormPanel } from './DraftFormPanel';
import { useDraft } from './draft-store';
import { ExportBar } from './ExportBar';
import { useLintFindings } from './use-lint-findings';

/** Draft offline (DESIGN §1 job 1): form on the left, live linted documents on the right. No network. */
export function DraftScreen() {
  const form = useDraft((s) => s.form);
  const outcome = useMemo(() => draftDocuments(form), [form]);
  const findings = useLintFindings(outcome.ok ? outcome.documents : undefined, form);
  const blockingErrors = findings === undefined ? 0 : Object.values(findings).reduce((n, list) => n + list.filter((f) => f.severity === 'error').length, 0);

  return (
    <div className="draft">
      <header className="draft-header">
        <h1>Draft offline</h1>
        <p className="lede">Everything here works without network or credentials. Hand the exported files to whoever applies IAM changes.</p>
      </header>
      <div className="draft-columns">
        <DraftFormPanel />
        <div className="draft-output">
          {outcome.ok ? (
            <>
              <DocumentPanel documents={outcome.documents} findings={findings} />
              <AskPolicy permissions={outcome.input.documents.permissions} partition={outcome.input.partition} policyName={outcome.input.names.policy} />
              <ExportBar input={outcome.input} blockingErrors={blockingErrors} />
            </>
          ) : (
            <div className="draft-problem" role="alert">
              <strong>{outcome.error.message}</strong>
              <p>{outcome.error.nextStep}</p>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

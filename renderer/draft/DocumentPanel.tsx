import { useState } from 'react';
import { toPolicyJson } from '../../shared/policy/serialize';
import type { LintFinding, LintSeverity } from '../../shared/policy/lint';
import type { DraftDocument } from './draft-documents';

const SEVERITY_LABEL: Readonly<Record<LintSeverity, string>> = {
  error: 'Error',
  securityWarning: 'Security warning',
  warning: 'Warning',
  suggestion: 'Suggestion',
};

/** The live documents, one tab each, with the linter's findings under the JSON they refer to. */
export function DocumentPanel({ documents, findings }: { readonly documents: readonly DraftDocument[]; readonly findings: Readonly<Record<string, readonly LintFinding[]>> | undefined }) {
  const [selected, setSelected] = useState<DraftDocument['id']>('permissions');
  const current = documents.find((d) => d.id === selected) ?? documents[0];
  if (current === undefined) return null;
  const list = findings?.[current.id];

  return (
    <section className="documents" aria-label="Policy documents">
      <div role="tablist" aria-label="Documents" className="tabs">
        {documents.map((doc) => {
          const count = findings?.[doc.id]?.length ?? 0;
          return (
            <button
              key={doc.id}
              type="button"
              role="tab"
              id={`tab-${doc.id}`}
              aria-selected={doc.id === current.id}
              aria-controls={`panel-${doc.id}`}
              onClick={() => setSelected(doc.id)}
            >
              {doc.title}
              {count > 0 ? <span className="badge">{count}</span> : null}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`} className="tabpanel">
        <p className="hint">Goes on: {current.attachedTo}</p>
        <pre className="policy-json" data-testid="policy-json" tabIndex={0}>
          {toPolicyJson(current.document)}
        </pre>
        <h3>Findings</h3>
        {list === undefined ? (
          <p className="hint">Checking…</p>
        ) : list.length === 0 ? (
          <p className="finding-none">No findings: the linter has nothing to say about this document.</p>
        ) : (
          <ul className="findings" aria-label="Lint findings">
            {list.map((finding, index) => (
              <li key={`${finding.code}-${index}`} className={`finding finding-${finding.severity}`}>
                <span className="finding-severity">{SEVERITY_LABEL[finding.severity]}</span> <code>{finding.code}</code>{' '}
                <span className="finding-path">{finding.path.join('.')}</span>
                <div>{finding.message}</div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

import type { AppliedConnectionInfo, ConnectionTestInfo } from '../../shared/ipc/iics-contract';
import { ErrorNote } from '../connect/use-ipc';
import type { ConnectionOutcome } from './iics-store';

const ACTION_TEXT: Readonly<Record<AppliedConnectionInfo['action'], string>> = {
  created: 'Created',
  updated: 'Updated',
  unchanged: 'Unchanged: IICS already has these settings',
};

function Applied({ applied }: { readonly applied: AppliedConnectionInfo }) {
  return (
    <div className="iics-applied" data-testid="connection-applied" data-action={applied.action}>
      <p>
        <strong>{ACTION_TEXT[applied.action]}</strong> — connection “{applied.name}” ({applied.id}) in runtime environment “{applied.runtimeEnvironment.name}”.
      </p>
      {applied.action === 'updated' ? (
        <ul aria-label="Connection changes">
          {applied.changes.map((change) => (
            <li key={change.label}>
              {change.label}: {change.from === '' ? '(empty)' : change.from} → {change.to === '' ? '(empty)' : change.to}
            </li>
          ))}
        </ul>
      ) : null}
      {applied.assumedKeys.length > 0 ? <p className="hint">IICS’s connector metadata did not name {applied.assumedKeys.join(', ')}; Keyless used its assumed property keys for them.</p> : null}
      {applied.warnings.map((warning) => (
        <p key={warning} className="status-warning">
          {warning}
        </p>
      ))}
    </div>
  );
}

function Tested({ test }: { readonly test: ConnectionTestInfo }) {
  if (test.result === 'ok') {
    return (
      <p className="iics-test ok" data-testid="connection-test" data-result="ok" role="status">
        ✓ Test connection “{test.connectionName}” succeeded: {test.message}
      </p>
    );
  }
  return (
    <div className="iics-test error-note" data-testid="connection-test" data-result="failed" role="alert">
      <strong>
        ✗ Test connection “{test.connectionName}” failed{test.code === undefined ? '' : ` (${test.code})`}.
      </strong>
      <p>IICS says: {test.message}</p>
      <p className="hint">Check an existing setup (the doctor) walks the chain and names the broken link.{test.requestId === undefined ? '' : ` IICS request id ${test.requestId}.`}</p>
    </div>
  );
}

/** What the last create/update and test did, announced to screen readers as it arrives. */
export function ConnectionResult({ outcome }: { readonly outcome: ConnectionOutcome }) {
  if (outcome.phase === 'idle') return null;
  return (
    <section className="card" aria-label="Connection result" aria-live="polite">
      {outcome.phase === 'working' ? <p className="doctor-progress">{outcome.what === 'applying' ? 'Creating or updating the connection in IICS…' : 'IICS is testing the connection on the Secure Agent…'}</p> : null}
      {outcome.applied === undefined ? null : <Applied applied={outcome.applied} />}
      {outcome.phase === 'tested' ? <Tested test={outcome.test} /> : null}
      {outcome.phase === 'failed' ? <ErrorNote error={outcome.error} /> : null}
    </section>
  );
}

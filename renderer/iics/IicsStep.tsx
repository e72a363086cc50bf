import { useEffect, useState } from 'react';
import type { KeylessError } from '../../shared/errors';
import { ErrorNote } from '../connect/use-ipc';
import { useDraft } from '../draft/draft-store';
import { useGuided } from '../guided/guided-store';
import { StepNav } from '../guided/StepNav';
import { keylessApi } from '../keyless-api';
import { initialConnectionForm, reviewedPlanOf, withNewerLocation, withNewerPlan } from './connection-form';
import { IicsConnectionPanel } from './IicsConnectionPanel';
import { IicsLoginForm } from './IicsLoginForm';
import { useIics } from './iics-store';

/**
 * Guided step 5 (DESIGN §1 job 2, §6): log in to Informatica Cloud, then create or update the
 * Amazon S3 v2 connection with the setup's IAM settings and test it on the Secure Agent. The test
 * passes once Review & apply has given the agent's instance its role, so the step can be done
 * before or after applying; Next moves on either way.
 */
export function IicsStep() {
  const draft = useDraft((s) => s.form);
  const review = useGuided((s) => s.review);
  const agentRegion = useGuided((s) => s.placement.region);
  const session = useIics((s) => s.session);
  const stored = useIics((s) => s.connection);
  const { loggedIn, loggedOut, editConnection } = useIics();
  const [podNames, setPodNames] = useState<readonly string[]>([]);
  const [statusError, setStatusError] = useState<KeylessError | undefined>(undefined);

  useEffect(() => {
    const api = keylessApi();
    if (api === undefined) return;
    let current = true;
    void api.iics.status().then((result) => {
      if (!current) return;
      if (!result.ok) {
        setStatusError(result.error);
        loggedOut();
        return;
      }
      setPodNames(result.value.podNames);
      if (result.value.session === undefined) loggedOut();
      else loggedIn(result.value.session);
    });
    return () => {
      current = false;
    };
  }, [loggedIn, loggedOut]);

  const form = stored === undefined ? initialConnectionForm(draft, review, agentRegion) : withNewerPlan(withNewerLocation(stored, draft), draft, review);
  useEffect(() => {
    if (form !== stored) editConnection(form);
  }, [form, stored, editConnection]);

  const logout = async () => {
    const api = keylessApi();
    if (api === undefined) return;
    const result = await api.iics.logout();
    if (result.ok) loggedOut();
    else setStatusError(result.error);
  };

  return (
    <div className="guided-step iics-step">
      <header>
        <h1>IICS connection</h1>
        <p className="lede">Keyless creates the Amazon S3 v2 connection in Informatica Cloud with IAM authentication — no access keys — and tests it on your Secure Agent. The test passes once Review & apply has given the agent’s EC2 instance its role.</p>
      </header>
      {statusError === undefined ? null : <ErrorNote error={statusError} />}
      {session.phase === 'checking' ? <p className="doctor-progress">Looking for an IICS session…</p> : null}
      {session.phase === 'loggedOut' ? <IicsLoginForm podNames={podNames} reason={session.reason} /> : null}
      {session.phase === 'loggedIn' ? (
        <>
          <section className="card iics-session" aria-label="IICS session" data-testid="iics-session">
            <p>
              Logged in to IICS as <strong>{session.session.username}</strong>
              {session.session.orgName === undefined ? (session.session.orgId === undefined ? '' : ` (org ${session.session.orgId})`) : ` (${session.session.orgName})`} on {session.session.podUrl}.
            </p>
            <p className="hint">{session.session.expiresHint}</p>
            <button type="button" onClick={() => void logout()}>
              Log out of IICS
            </button>
          </section>
          <IicsConnectionPanel form={form} fromPlan={reviewedPlanOf(review) !== undefined} />
        </>
      ) : null}
      <StepNav blocked={undefined} />
    </div>
  );
}

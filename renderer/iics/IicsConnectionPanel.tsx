import { useCallback, useEffect, useState } from 'react';
import type { KeylessError } from '../../shared/errors';
import type { IicsEnvironments } from '../../shared/ipc/iics-contract';
import { ErrorNote } from '../connect/use-ipc';
import { keylessApi } from '../keyless-api';
import type { ConnectionForm } from './connection-form';
import { ConnectionFields } from './ConnectionFields';
import { ConnectionResult } from './ConnectionResult';
import { applyConnectionRequest } from './iics-requests';
import { isSessionGone, useIics } from './iics-store';
import { RuntimeEnvironmentPicker } from './RuntimeEnvironmentPicker';

type Environments = { readonly state: 'loading' } | { readonly state: 'ready'; readonly value: IicsEnvironments } | { readonly state: 'failed'; readonly error: KeylessError };

const NO_API: KeylessError = { code: 'NO_PRELOAD', message: 'This page is not running inside Keyless.', nextStep: 'Start Keyless with `npm start`.' };

/** With a session: pick the runtime environment, fill the connection, create or update it, test it. */
export function IicsConnectionPanel({ form, fromPlan }: { readonly form: ConnectionForm; readonly fromPlan: boolean }) {
  const { editConnection, working, applied, tested, failed, loggedOut } = useIics();
  const outcome = useIics((s) => s.outcome);
  const [environments, setEnvironments] = useState<Environments>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const refresh = useCallback(() => {
    setEnvironments({ state: 'loading' });
    setGeneration((g) => g + 1);
  }, []);

  useEffect(() => {
    const api = keylessApi();
    if (api === undefined) return;
    let current = true;
    void api.iics.environments().then((result) => {
      if (!current) return;
      if (!result.ok && isSessionGone(result.error)) loggedOut(result.error);
      else setEnvironments(result.ok ? { state: 'ready', value: result.value } : { state: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [generation, loggedOut]);

  const change = (patch: Partial<ConnectionForm>) => editConnection({ ...form, ...patch });
  const request = applyConnectionRequest(form);
  const busy = outcome.phase === 'working';

  const apply = async () => {
    const api = keylessApi();
    if (api === undefined) return failed(NO_API);
    if (!request.ok) return failed(request.error);
    working('applying');
    const result = await api.iics.applyConnection(request.request);
    if (result.ok) applied(result.value);
    else failed(result.error);
  };

  const test = async () => {
    const api = keylessApi();
    if (api === undefined) return failed(NO_API);
    working('testing');
    const result = await api.iics.testConnection({ name: form.name.trim() });
    if (result.ok) tested(result.value);
    else failed(result.error);
  };

  return (
    <>
      {environments.state === 'loading' ? <p className="doctor-progress">Reading runtime environments from IICS…</p> : null}
      {environments.state === 'failed' ? <ErrorNote error={environments.error} /> : null}
      {environments.state === 'ready' ? <RuntimeEnvironmentPicker environments={environments.value} selected={form.runtimeEnvironmentId} onSelect={(runtimeEnvironmentId) => change({ runtimeEnvironmentId })} onRefresh={refresh} /> : null}
      <form className="card draft-form guided-form" aria-label="Amazon S3 v2 connection" onSubmit={(event) => event.preventDefault()}>
        <ConnectionFields form={form} change={change} fromPlan={fromPlan} />
        <div className="row">
          <button type="button" className="primary" disabled={busy || !request.ok} aria-describedby="iics-apply-hint" onClick={() => void apply()}>
            Create / update connection
          </button>
          <button type="button" disabled={busy || form.name.trim() === ''} onClick={() => void test()}>
            Test connection
          </button>
          <span className="hint" id="iics-apply-hint">
            {request.ok ? 'Creates the connection, or updates only what differs.' : `${request.error.message} ${request.error.nextStep}`}
          </span>
        </div>
      </form>
      <ConnectionResult outcome={outcome} />
    </>
  );
}

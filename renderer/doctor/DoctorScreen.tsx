import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { KeylessError } from '../../shared/errors';
import type { DoctorReport } from '../../shared/ipc/doctor-contract';
import { useConnect } from '../connect/connect-store';
import { ErrorNote, useLoad } from '../connect/use-ipc';
import { keylessApi } from '../keyless-api';
import { ChainChecklist } from './ChainChecklist';
import { doctorRequest, EMPTY_DOCTOR_FORM } from './doctor-form';
import type { DoctorForm } from './doctor-form';
import { AgentFields, IicsFields, TargetFields } from './DoctorFormFields';

type Check = { readonly state: 'idle' } | { readonly state: 'running' } | { readonly state: 'done'; readonly report: DoctorReport } | { readonly state: 'failed'; readonly error: KeylessError };

const NO_API: KeylessError = { code: 'NO_PRELOAD', message: 'This page is not running inside Keyless.', nextStep: 'Start Keyless with `npm start`.' };

/**
 * Check an existing setup (DESIGN §1 job 3): why does the connection test fail? The form names
 * where to start — an EC2 instance, or an IICS connection — and the report walks the chain to the
 * bucket, naming the first broken link with its fix. Read-only: nothing in AWS or IICS changes.
 */
export function DoctorScreen() {
  const [listing] = useLoad((api) => api.aws.listProfiles());
  const connected = useConnect((store) => store.target);
  const [typed, setForm] = useState<DoctorForm>(() => ({ ...EMPTY_DOCTOR_FORM, profile: connected?.kind === 'profile' ? connected.profile : '' }));
  // With no profile from the Connect step or picked here, the one the AWS CLI would use, if it exists.
  const fallback = listing.state === 'ready' && listing.value.profiles.some((profile) => profile.name === listing.value.selectedProfile) ? listing.value.selectedProfile : '';
  const form: DoctorForm = typed.profile === '' ? { ...typed, profile: fallback } : typed;
  const [password, setPassword] = useState('');
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const resultHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (check.state === 'done' || check.state === 'failed') resultHeading.current?.focus();
  }, [check.state]);

  const change = (patch: Partial<DoctorForm>) => setForm((current) => ({ ...current, ...patch }));

  const run = async (event: FormEvent) => {
    event.preventDefault();
    const api = keylessApi();
    if (api === undefined) {
      setCheck({ state: 'failed', error: NO_API });
      return;
    }
    const request = doctorRequest(form, password);
    // The password goes into this one call and is dropped from the page before the answer comes.
    setPassword('');
    setCheck({ state: 'running' });
    const result = await api.engine.doctor(request);
    setCheck(result.ok ? { state: 'done', report: result.value } : { state: 'failed', error: result.error });
  };

  const running = check.state === 'running';
  const missing = form.profile === '' ? 'Choose the AWS profile of the agent\'s account.' : form.instanceId.trim() === '' && !form.fromConnection ? 'Enter the EC2 instance id, or start from an IICS connection.' : undefined;

  return (
    <div className="doctor">
      <header>
        <h1>Check an existing setup</h1>
        <p className="lede">Connection test failing? Keyless walks the chain from the connection to the agent, its EC2 instance, instance profile, role and policies down to the bucket, and names the broken link with its fix. It only reads; nothing is changed.</p>
        {connected?.kind === 'ssoRole' && typed.profile === '' ? (
          <p className="status-warning">
            Connect signed in to {connected.roleName} in {connected.accountId} without an AWS profile; the check reads through a profile, so pick one below.
          </p>
        ) : null}
      </header>
      <div className="doctor-columns">
        <form className="draft-form doctor-form" aria-label="Check an existing setup" onSubmit={(event) => void run(event)}>
          <AgentFields form={form} change={change} listing={listing} />
          <TargetFields form={form} change={change} listing={listing} />
          <IicsFields form={form} change={change} password={password} onPassword={setPassword} />
          <div className="row">
            <button type="submit" className="primary" disabled={running || missing !== undefined} aria-describedby="doctor-run-hint">
              {running ? 'Checking…' : 'Run the check'}
            </button>
            <span className="hint" id="doctor-run-hint">
              {missing ?? 'Read-only.'}
            </span>
          </div>
        </form>
        <section className="card doctor-result" aria-labelledby="doctor-result-title" aria-busy={running}>
          <h2 id="doctor-result-title" ref={resultHeading} tabIndex={-1}>
            Report
          </h2>
          {check.state === 'idle' ? <p className="hint">Run the check to see the chain here.</p> : null}
          {running ? (
            <p role="status" className="doctor-progress">
              Walking the chain{form.fromConnection ? ' from the IICS connection' : ''}: reading the instance, its profile, the role and its policies…
            </p>
          ) : null}
          {check.state === 'failed' ? <ErrorNote error={check.error} /> : null}
          {check.state === 'done' ? <ChainChecklist report={check.report} /> : null}
        </section>
      </div>
    </div>
  );
}

import { useState } from 'react';
import type { FormEvent } from 'react';
import type { KeylessError } from '../../shared/errors';
import { ErrorNote } from '../connect/use-ipc';
import { keylessApi } from '../keyless-api';
import { loginRequest } from './iics-requests';
import type { LoginForm } from './iics-requests';
import { useIics } from './iics-store';

const NO_API: KeylessError = { code: 'NO_PRELOAD', message: 'This page is not running inside Keyless.', nextStep: 'Start Keyless with `npm start`.' };
const BY_URL = '';

/**
 * Log in to Informatica Cloud: a POD from the list, or a login URL, the user and the password.
 * The password lives in this component's state only until the form is sent: it is cleared
 * before the answer comes, goes to main in that one call, and main keeps only the session id.
 */
export function IicsLoginForm({ podNames, reason }: { readonly podNames: readonly string[]; readonly reason: KeylessError | undefined }) {
  const loggedIn = useIics((s) => s.loggedIn);
  const [form, setForm] = useState<LoginForm>({ pod: BY_URL, loginUrl: '', username: '', version: 'v2' });
  const [password, setPassword] = useState('');
  const [state, setState] = useState<{ readonly sending: boolean; readonly error?: KeylessError }>({ sending: false });
  const change = (patch: Partial<LoginForm>) => setForm((current) => ({ ...current, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = loginRequest(form, password);
    setPassword('');
    if (!outcome.ok) {
      setState({ sending: false, error: outcome.error });
      return;
    }
    const api = keylessApi();
    if (api === undefined) {
      setState({ sending: false, error: NO_API });
      return;
    }
    setState({ sending: true });
    const result = await api.iics.login(outcome.request);
    if (result.ok) {
      setState({ sending: false });
      loggedIn(result.value);
    } else {
      setState({ sending: false, error: result.error });
    }
  };

  return (
    <form className="card draft-form iics-login" aria-label="Log in to IICS" onSubmit={(event) => void submit(event)}>
      <h2>Log in to Informatica Cloud</h2>
      {reason === undefined ? null : <ErrorNote error={reason} />}
      <div className="field">
        <label htmlFor="iics-pod">POD</label>
        <select id="iics-pod" value={form.pod} onChange={(e) => change({ pod: e.target.value })}>
          <option value={BY_URL}>Enter a login URL</option>
          {podNames.map((pod) => (
            <option key={pod} value={pod}>
              {pod}
            </option>
          ))}
        </select>
      </div>
      {form.pod === BY_URL ? (
        <div className="field">
          <label htmlFor="iics-login-url">IICS login URL</label>
          <input
            id="iics-login-url"
            value={form.loginUrl}
            placeholder="https://dm-us.informaticacloud.com"
            spellCheck={false}
            autoComplete="url"
            aria-describedby="iics-login-url-hint"
            onChange={(e) => change({ loginUrl: e.target.value })}
          />
          <span className="hint" id="iics-login-url-hint">
            The address you log in at, for your POD.
          </span>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="iics-username">IICS user name</label>
        <input id="iics-username" value={form.username} spellCheck={false} autoComplete="username" onChange={(e) => change({ username: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="iics-password">IICS password</label>
        <input id="iics-password" type="password" value={password} autoComplete="current-password" onChange={(e) => setPassword(e.target.value)} aria-describedby="iics-password-hint" />
        <span className="hint" id="iics-password-hint">
          Sent once to log in; Keyless keeps only the session, in your OS keychain.
        </span>
      </div>
      <fieldset className="iics-version">
        <legend>Login API</legend>
        {(['v2', 'v3'] as const).map((version) => (
          <label key={version} className="choice">
            <input type="radio" name="iics-version" value={version} checked={form.version === version} onChange={() => change({ version })} />
            {version === 'v2' ? 'v2 (/ma/api/v2/user/login)' : 'v3 (/saas/public/core/v3/login)'}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <button type="submit" className="primary" disabled={state.sending}>
          {state.sending ? 'Logging in…' : 'Log in to IICS'}
        </button>
      </div>
      {state.error === undefined ? null : <ErrorNote error={state.error} />}
    </form>
  );
}

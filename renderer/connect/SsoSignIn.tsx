import { useEffect, useState } from 'react';
import type { KeylessError } from '../../shared/errors';
import type { SsoLoginStarted, SsoTarget } from '../../shared/ipc/accounts-contract';
import { keylessApi } from '../keyless-api';
import { ErrorNote } from './use-ipc';

type SignIn =
  | { readonly phase: 'idle' }
  | { readonly phase: 'starting' }
  | { readonly phase: 'waiting'; readonly started: SsoLoginStarted; readonly note: string }
  | { readonly phase: 'signedIn'; readonly note: string }
  | { readonly phase: 'failed'; readonly error: KeylessError };

/**
 * IAM Identity Center sign-in with the device code: main opens the AWS page in the browser,
 * this shows the code to compare, and follows the sign-in's progress events until it ends.
 */
export function SsoSignIn({ target, onSignedIn }: { readonly target: SsoTarget; readonly onSignedIn: () => void }) {
  const [signIn, setSignIn] = useState<SignIn>({ phase: 'idle' });
  const taskId = signIn.phase === 'waiting' ? signIn.started.taskId : undefined;

  useEffect(() => {
    const api = keylessApi();
    if (api === undefined || taskId === undefined) return;
    return api.onEvent((event) => {
      if (event.taskId !== taskId) return;
      if (event.status === 'done') {
        setSignIn({ phase: 'signedIn', note: event.message });
        onSignedIn();
      } else if (event.status === 'failed') {
        setSignIn({ phase: 'failed', error: { code: 'SSO_LOGIN_FAILED', message: event.message, nextStep: 'Start the sign-in again.' } });
      } else {
        setSignIn((current) => (current.phase === 'waiting' ? { ...current, note: event.message } : current));
      }
    });
  }, [taskId, onSignedIn]);

  async function start() {
    const api = keylessApi();
    if (api === undefined) return;
    setSignIn({ phase: 'starting' });
    const result = await api.aws.ssoLogin(target);
    setSignIn(result.ok ? { phase: 'waiting', started: result.value, note: 'Your browser shows the AWS sign-in page.' } : { phase: 'failed', error: result.error });
  }

  async function cancel() {
    if (taskId !== undefined) await keylessApi()?.aws.ssoCancel({ taskId });
  }

  return (
    <div className="sso">
      {signIn.phase === 'idle' || signIn.phase === 'failed' ? (
        <button type="button" className="primary" onClick={() => void start()}>
          Sign in with IAM Identity Center
        </button>
      ) : null}
      {signIn.phase === 'starting' ? <p role="status">Starting the sign-in…</p> : null}
      {signIn.phase === 'waiting' ? (
        <div className="sso-waiting" role="status" aria-live="polite">
          <p>
            In the browser, confirm that the code shown there is <code data-testid="sso-user-code">{signIn.started.userCode}</code> and approve.
          </p>
          <p className="hint">{signIn.note}</p>
          <div className="row">
            <button type="button" onClick={() => void keylessApi()?.app.openExternal({ url: signIn.started.verificationUriComplete ?? signIn.started.verificationUri })}>
              Open the sign-in page again
            </button>
            <button type="button" onClick={() => void cancel()}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      {signIn.phase === 'signedIn' ? <p role="status">{signIn.note}</p> : null}
      {signIn.phase === 'failed' ? <ErrorNote error={signIn.error} /> : null}
    </div>
  );
}

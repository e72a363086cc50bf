import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/ipc/contract';
import type { KeylessError } from '../../shared/errors';
import { keylessApi } from '../keyless-api';

type InfoState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly info: AppInfo }
  | { readonly status: 'failed'; readonly error: KeylessError };

const OUTSIDE_KEYLESS: InfoState = {
  status: 'failed',
  error: { code: 'NO_PRELOAD', message: 'This page is not running inside Keyless.', nextStep: 'Start Keyless with `npm start`.' },
};

/** Version and keychain status, fetched from main through `app.info` when the window opens. */
export function StatusBar() {
  const [state, setState] = useState<InfoState>(() => (keylessApi() === undefined ? OUTSIDE_KEYLESS : { status: 'loading' }));

  useEffect(() => {
    const api = keylessApi();
    if (api === undefined) return;
    let cancelled = false;
    void api.app.info().then((result) => {
      if (!cancelled) setState(result.ok ? { status: 'ready', info: result.value } : { status: 'failed', error: result.error });
    });
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <footer className="status-bar" aria-live="polite">
      {state.status === 'loading' && <span>Starting…</span>}
      {state.status === 'failed' && (
        <span className="status-error" role="alert">
          {state.error.message} {state.error.nextStep}
        </span>
      )}
      {state.status === 'ready' && (
        <>
          <span data-testid="app-version">
            {state.info.name} {state.info.version}
          </span>
          <span>
            {state.info.platform} {state.info.arch}
          </span>
          {state.info.keychain.available ? (
            <span data-testid="keychain-status">Keychain: {state.info.keychain.backend}</span>
          ) : (
            <span data-testid="keychain-status" className="status-warning" title={state.info.keychain.reason}>
              No OS keychain: secrets are kept in memory for this run only
            </span>
          )}
        </>
      )}
    </footer>
  );
}

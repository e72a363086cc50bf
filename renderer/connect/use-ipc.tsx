import { useCallback, useEffect, useState } from 'react';
import type { KeylessError, Result } from '../../shared/errors';
import { keylessApi } from '../keyless-api';
import type { KeylessApi } from '../../shared/ipc/api';

export type Loadable<T> = { readonly state: 'loading' } | { readonly state: 'ready'; readonly value: T } | { readonly state: 'failed'; readonly error: KeylessError };

const NO_API: KeylessError = { code: 'NO_PRELOAD', message: 'This page is not running inside Keyless.', nextStep: 'Start Keyless with `npm start`.' };

/** Loads one operation's answer when the screen opens, with a reload for a Refresh button. */
export function useLoad<T>(call: (api: KeylessApi) => Promise<Result<T>>): readonly [Loadable<T>, () => void] {
  const [state, setState] = useState<Loadable<T>>(() => (keylessApi() === undefined ? { state: 'failed', error: NO_API } : { state: 'loading' }));
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const api = keylessApi();
    if (api === undefined) return;
    let current = true;
    void call(api).then((result) => {
      if (current) setState(result.ok ? { state: 'ready', value: result.value } : { state: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
    // `call` is a fresh closure each render; reloading is driven by `generation` only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [generation]);

  const reload = useCallback(() => {
    setState({ state: 'loading' });
    setGeneration((g) => g + 1);
  }, []);
  return [state, reload] as const;
}

export function ErrorNote({ error }: { readonly error: KeylessError }) {
  return (
    <div role="alert" className="error-note">
      <strong>{error.message}</strong>
      <p>{error.nextStep}</p>
      {error.requestId === undefined ? null : <p className="hint">AWS request id {error.requestId}</p>}
    </div>
  );
}

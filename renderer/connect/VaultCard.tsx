import { useLoad, ErrorNote } from './use-ipc';

/** Where secrets go, said plainly: the OS keychain, or memory only for this run. */
export function VaultCard() {
  const [status] = useLoad((api) => api.vault.status());
  return (
    <section className="card" aria-labelledby="vault-title">
      <h2 id="vault-title">Secrets</h2>
      {status.state === 'loading' ? <p>Checking the keychain…</p> : null}
      {status.state === 'failed' ? <ErrorNote error={status.error} /> : null}
      {status.state === 'ready' && status.value.mode === 'keychain' ? (
        <>
          <p data-testid="vault-mode">
            Kept encrypted, with the key in your OS keychain ({status.value.backend}).
          </p>
          {status.value.warning === undefined ? null : <ErrorNote error={status.value.warning} />}
        </>
      ) : null}
      {status.state === 'ready' && status.value.mode === 'memory' ? (
        <div className="status-warning" data-testid="vault-mode">
          <strong>{status.value.warning.message}</strong>
          <p>{status.value.reason}</p>
          <p>{status.value.warning.nextStep}</p>
        </div>
      ) : null}
    </section>
  );
}

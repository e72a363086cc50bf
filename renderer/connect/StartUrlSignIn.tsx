import { useState } from 'react';
import type { FormEvent } from 'react';
import type { KeylessError } from '../../shared/errors';
import { keylessApi } from '../keyless-api';
import type { ConnectTarget } from './connect-store';
import { SsoSignIn } from './SsoSignIn';
import { ErrorNote } from './use-ipc';

type Portal =
  | { readonly step: 'form' }
  | { readonly step: 'signIn'; readonly startUrl: string; readonly region: string }
  | { readonly step: 'accounts'; readonly startUrl: string; readonly region: string; readonly accounts: readonly { accountId: string; accountName?: string | undefined }[] }
  | { readonly step: 'roles'; readonly startUrl: string; readonly region: string; readonly accountId: string; readonly roles: readonly string[] };

/** SSO without editing config files: sign in to a start URL, then pick an account and a role. */
export function StartUrlSignIn({ onChoose }: { readonly onChoose: (target: ConnectTarget) => void }) {
  const [portal, setPortal] = useState<Portal>({ step: 'form' });
  const [startUrl, setStartUrl] = useState('');
  const [region, setRegion] = useState('us-east-1');
  const [error, setError] = useState<KeylessError | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setPortal({ step: 'signIn', startUrl: startUrl.trim(), region: region.trim() });
  }

  async function loadAccounts({ startUrl, region }: { startUrl: string; region: string }) {
    const target = { startUrl, region };
    const result = await keylessApi()?.aws.ssoAccounts(target);
    if (result === undefined) return;
    if (result.ok) setPortal({ step: 'accounts', ...target, accounts: result.value });
    else setError(result.error);
  }

  async function loadRoles({ startUrl, region }: { startUrl: string; region: string }, accountId: string) {
    const target = { startUrl, region };
    const result = await keylessApi()?.aws.ssoAccountRoles({ ...target, accountId });
    if (result === undefined) return;
    if (result.ok) setPortal({ step: 'roles', ...target, accountId, roles: result.value.map((r) => r.roleName) });
    else setError(result.error);
  }

  return (
    <section className="card" aria-labelledby="start-url-title">
      <h2 id="start-url-title">Or sign in with an SSO start URL</h2>
      {portal.step === 'form' ? (
        <form className="row" onSubmit={submit} aria-label="SSO start URL">
          <label>
            Start URL <input value={startUrl} onChange={(e) => setStartUrl(e.target.value)} placeholder="https://my-org.awsapps.com/start" spellCheck={false} />
          </label>
          <label>
            SSO region <input value={region} onChange={(e) => setRegion(e.target.value)} spellCheck={false} />
          </label>
          <button type="submit" disabled={startUrl.trim() === ''}>
            Continue
          </button>
        </form>
      ) : null}
      {portal.step === 'signIn' ? <SsoSignIn target={{ startUrl: portal.startUrl, region: portal.region }} onSignedIn={() => void loadAccounts(portal)} /> : null}
      {portal.step === 'accounts' ? (
        <ul className="picker" aria-label="SSO accounts">
          {portal.accounts.map((account) => (
            <li key={account.accountId}>
              <button type="button" onClick={() => void loadRoles(portal, account.accountId)}>
                {account.accountName ?? account.accountId} <span className="hint">{account.accountId}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {portal.step === 'roles' ? (
        <ul className="picker" aria-label="SSO roles">
          {portal.roles.map((roleName) => (
            <li key={roleName}>
              <button type="button" onClick={() => onChoose({ kind: 'ssoRole', startUrl: portal.startUrl, region: portal.region, accountId: portal.accountId, roleName })}>
                {roleName}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {error === undefined ? null : <ErrorNote error={error} />}
    </section>
  );
}

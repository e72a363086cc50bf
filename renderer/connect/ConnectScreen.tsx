import { useCallback, useState } from 'react';
import type { KeylessError } from '../../shared/errors';
import type { ProfileSummary } from '../../shared/ipc/accounts-contract';
import { keylessApi } from '../keyless-api';
import { useWizard } from '../state/wizard-store';
import { useConnect, whoamiRequest } from './connect-store';
import type { ConnectTarget } from './connect-store';
import { IdentityCard } from './IdentityCard';
import { ProfilesCard } from './ProfilesCard';
import { SsoSignIn } from './SsoSignIn';
import { StartUrlSignIn } from './StartUrlSignIn';
import { ErrorNote, useLoad } from './use-ipc';
import { VaultCard } from './VaultCard';

type Check = { readonly state: 'idle' } | { readonly state: 'checking' } | { readonly state: 'failed'; readonly error: KeylessError };

function describe(target: ConnectTarget): string {
  return target.kind === 'profile' ? `profile ${target.profile}` : `${target.roleName} in ${target.accountId}`;
}

/** Connect (guided step 1): pick how to reach AWS and see who that is before anything changes. */
export function ConnectScreen() {
  const [listing, reload] = useLoad((api) => api.aws.listProfiles());
  const { target, identity, choose, confirm } = useConnect();
  const nextStep = useWizard((s) => s.nextStep);
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const [mfaCode, setMfaCode] = useState('');

  const selectedProfile: ProfileSummary | undefined =
    listing.state === 'ready' && target?.kind === 'profile' ? listing.value.profiles.find((p) => p.name === target.profile) : undefined;

  const checkIdentity = useCallback(
    async (chosen: ConnectTarget, code?: string) => {
      const api = keylessApi();
      if (api === undefined) return;
      setCheck({ state: 'checking' });
      const result = await api.aws.whoami(whoamiRequest(chosen, code));
      if (result.ok) {
        confirm(result.value);
        setCheck({ state: 'idle' });
      } else setCheck({ state: 'failed', error: result.error });
    },
    [confirm],
  );

  const chooseAndCheck = (chosen: ConnectTarget) => {
    choose(chosen);
    setCheck({ state: 'idle' });
    if (chosen.kind === 'ssoRole') void checkIdentity(chosen);
  };

  const signedIn = useCallback(() => {
    reload();
    if (target !== undefined) void checkIdentity(target);
  }, [reload, target, checkIdentity]);

  return (
    <div className="connect">
      <header>
        <h1>Connect to AWS</h1>
        <p className="lede">Choose the AWS profile Keyless acts as. It reads your AWS CLI configuration and shows who the profile is before anything changes.</p>
      </header>
      <ProfilesCard listing={listing} selected={target?.kind === 'profile' ? target.profile : undefined} onSelect={(profile) => chooseAndCheck({ kind: 'profile', profile })} onRefresh={reload} />

      {target === undefined ? null : (
        <section className="card" aria-labelledby="identity-title">
          <h2 id="identity-title">Who is {describe(target)}?</h2>
          {selectedProfile !== undefined && selectedProfile.status !== 'ready' ? <p className="status-warning">{selectedProfile.statusDetail}</p> : null}
          {selectedProfile?.status === 'ssoLoginNeeded' ? <SsoSignIn target={{ profile: selectedProfile.name }} onSignedIn={signedIn} /> : null}
          {selectedProfile?.status === 'mfaNeeded' && identity === undefined ? (
            <label className="row">
              MFA code ({selectedProfile.mfaSerial ?? 'your MFA device'})
              <input inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={mfaCode} onChange={(e) => setMfaCode(e.target.value.replace(/\D/g, ''))} />
            </label>
          ) : null}
          {identity === undefined ? (
            <button
              type="button"
              className="primary"
              disabled={check.state === 'checking' || (selectedProfile?.status === 'mfaNeeded' && mfaCode.length !== 6)}
              onClick={() => {
                const code = selectedProfile?.status === 'mfaNeeded' ? mfaCode : undefined;
                setMfaCode('');
                void checkIdentity(target, code);
              }}
            >
              {check.state === 'checking' ? 'Checking…' : 'Check identity'}
            </button>
          ) : (
            <>
              <IdentityCard identity={identity} />
              <button type="button" className="primary" onClick={nextStep}>
                Continue as {identity.arn.split('/').at(-1)}
              </button>
            </>
          )}
          {check.state === 'failed' ? <ErrorNote error={check.error} /> : null}
        </section>
      )}

      <StartUrlSignIn onChoose={chooseAndCheck} />
      <VaultCard />
    </div>
  );
}

import { useEffect, useState } from 'react';
import type { KeylessError } from '../../shared/errors';
import type { InstanceListing } from '../../shared/ipc/engine-contract';
import { validateRegion } from '../../shared/validation';
import { useConnect } from '../connect/connect-store';
import { ErrorNote, useLoad } from '../connect/use-ipc';
import { useDraft } from '../draft/draft-store';
import { keylessApi } from '../keyless-api';
import { useGuided } from './guided-store';
import { InstanceList } from './InstanceList';
import { placementProblem } from './provision-request';
import { StepNav } from './StepNav';

type Listing = { readonly state: 'idle' } | { readonly state: 'loading' } | { readonly state: 'ready'; readonly value: InstanceListing } | { readonly state: 'failed'; readonly error: KeylessError };

/** Lists the instances of the chosen profile in a region, again whenever either changes or on Refresh. */
function useInstances(profile: string | undefined, region: string): readonly [Listing, () => void] {
  const [generation, setGeneration] = useState(0);
  const key = profile === undefined || !validateRegion(region).ok ? undefined : `${generation}|${profile}|${region}`;
  const [answer, setAnswer] = useState<{ readonly key: string; readonly listing: Listing } | undefined>();
  useEffect(() => {
    const api = keylessApi();
    if (api === undefined || key === undefined || profile === undefined) return;
    let current = true;
    void api.aws.listInstances({ profile, region }).then((result) => {
      if (current) setAnswer({ key, listing: result.ok ? { state: 'ready', value: result.value } : { state: 'failed', error: result.error } });
    });
    return () => {
      current = false;
    };
  }, [key, profile, region]);
  // An answer for another profile, region or generation is stale: show loading until this one's arrives.
  const listing: Listing = key === undefined ? { state: 'idle' } : answer?.key === key ? answer.listing : { state: 'loading' };
  return [listing, () => setGeneration((g) => g + 1)] as const;
}

function BucketProfilePicker() {
  const [profiles] = useLoad((api) => api.aws.listProfiles());
  const bucketProfile = useGuided((s) => s.placement.bucketProfile);
  const place = useGuided((s) => s.place);
  return (
    <div className="field">
      <label htmlFor="bucket-profile">AWS profile of the bucket’s account</label>
      <select id="bucket-profile" value={bucketProfile} onChange={(e) => place({ bucketProfile: e.target.value })}>
        <option value="">Choose a profile…</option>
        {profiles.state === 'ready'
          ? profiles.value.profiles.map((profile) => (
              <option key={profile.name} value={profile.name}>
                {profile.name}
              </option>
            ))
          : null}
      </select>
      <span className="hint">Setup C creates the connector role in that account, so Keyless signs in there too.</span>
      {profiles.state === 'failed' ? <ErrorNote error={profiles.error} /> : null}
    </div>
  );
}

/** Guided step 4: the EC2 instance the Secure Agent runs on, with its current instance profile. */
export function InstanceStep() {
  const target = useConnect((s) => s.target);
  const identity = useConnect((s) => s.identity);
  const form = useDraft((s) => s.form);
  const placement = useGuided((s) => s.placement);
  const place = useGuided((s) => s.place);
  const profile = target?.kind === 'profile' ? target.profile : undefined;

  useEffect(() => {
    if (placement.region === '' && identity !== undefined) place({ region: identity.region });
  }, [placement.region, identity, place]);

  const [listing, reload] = useInstances(profile, placement.region.trim());
  const noProfile: KeylessError | undefined =
    profile === undefined
      ? { code: 'INVALID_GUIDED_STEP', message: 'Choose an AWS profile on Connect first.', nextStep: 'The guided setup lists and changes instances as that profile.' }
      : undefined;

  return (
    <div className="guided-step">
      <header>
        <h1>EC2 instance</h1>
        <p className="lede">The instance that runs the Secure Agent. Its instance profile is what the connection authenticates with.</p>
      </header>
      <div className="card guided-form">
        <div className="field">
          <label htmlFor="instance-region">Region</label>
          <input id="instance-region" type="text" spellCheck={false} value={placement.region} onChange={(e) => place({ region: e.target.value, instanceId: '' })} />
          <span className="hint">Defaults to the region of {profile ?? 'the Connect profile'}.</span>
        </div>
        {form.setup === 'crossAccount' ? <BucketProfilePicker /> : null}
      </div>
      {noProfile !== undefined ? <ErrorNote error={noProfile} /> : null}
      {listing.state === 'loading' ? <p role="status">Listing instances…</p> : null}
      {listing.state === 'failed' ? <ErrorNote error={listing.error} /> : null}
      {listing.state === 'ready' ? (
        <InstanceList listing={listing.value} selected={placement.instanceId} onSelect={(instanceId) => place({ instanceId })} onRefresh={reload} />
      ) : null}
      <StepNav blocked={noProfile ?? placementProblem(form, placement)} />
    </div>
  );
}

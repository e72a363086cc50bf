import type { ProfileListing } from '../../shared/ipc/accounts-contract';
import { KIND_LABEL, STATUS_LABEL } from './kind-labels';
import { ErrorNote } from './use-ipc';
import type { Loadable } from './use-ipc';

/** Every profile the AWS CLI would list, with how it gets credentials and whether it can now. */
export function ProfilesCard({
  listing,
  selected,
  onSelect,
  onRefresh,
}: {
  readonly listing: Loadable<ProfileListing>;
  readonly selected: string | undefined;
  readonly onSelect: (profile: string) => void;
  readonly onRefresh: () => void;
}) {
  return (
    <section className="card" aria-labelledby="profiles-title">
      <div className="card-head">
        <h2 id="profiles-title">AWS profile</h2>
        <button type="button" onClick={onRefresh}>
          Refresh
        </button>
      </div>
      {listing.state === 'loading' ? <p>Reading your AWS configuration…</p> : null}
      {listing.state === 'failed' ? <ErrorNote error={listing.error} /> : null}
      {listing.state === 'ready' && listing.value.profiles.length === 0 ? (
        <p className="status-warning">
          No profiles found in {listing.value.configFile} or {listing.value.credentialsFile}. Run <code>aws configure</code> or <code>aws configure sso</code>, or sign in with a start URL below.
        </p>
      ) : null}
      {listing.state === 'ready' && listing.value.profiles.length > 0 ? (
        <>
          <table className="profiles">
            <thead>
              <tr>
                <th scope="col">Profile</th>
                <th scope="col">Kind</th>
                <th scope="col">Region</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {listing.value.profiles.map((profile) => (
                <tr key={profile.name} className={profile.name === selected ? 'selected' : undefined}>
                  <td>
                    <label className="choice">
                      <input type="radio" name="profile" value={profile.name} checked={profile.name === selected} onChange={() => onSelect(profile.name)} />
                      <span>
                        {profile.name}
                        {profile.isDefault ? <span className="hint"> (default)</span> : null}
                      </span>
                    </label>
                  </td>
                  <td>{KIND_LABEL[profile.kind]}</td>
                  <td>{profile.region ?? '—'}</td>
                  <td title={profile.statusDetail} className={profile.status === 'ready' ? 'ok' : 'status-warning'}>
                    {STATUS_LABEL[profile.status]}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">
            Read from {listing.value.configFile} and {listing.value.credentialsFile}; Keyless never changes these files.
          </p>
        </>
      ) : null}
    </section>
  );
}

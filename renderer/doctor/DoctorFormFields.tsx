import type { ProfileListing } from '../../shared/ipc/accounts-contract';
import type { Loadable } from '../connect/use-ipc';
import { ErrorNote } from '../connect/use-ipc';
import type { DoctorForm } from './doctor-form';

type Change = (patch: Partial<DoctorForm>) => void;

function Text({ id, label, value, onChange, hint, placeholder }: { readonly id: string; readonly label: string; readonly value: string; readonly onChange: (value: string) => void; readonly hint?: string; readonly placeholder?: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} value={value} placeholder={placeholder} spellCheck={false} autoComplete="off" onChange={(e) => onChange(e.target.value)} aria-describedby={hint === undefined ? undefined : `${id}-hint`} />
      {hint === undefined ? null : (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
    </div>
  );
}

function ProfileSelect({ id, label, value, listing, onChange }: { readonly id: string; readonly label: string; readonly value: string; readonly listing: Loadable<ProfileListing>; readonly onChange: (profile: string) => void }) {
  const profiles = listing.state === 'ready' ? listing.value.profiles : [];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} disabled={listing.state !== 'ready'}>
        <option value="">{listing.state === 'loading' ? 'Reading your AWS configuration…' : 'Choose a profile'}</option>
        {profiles.map((profile) => (
          <option key={profile.name} value={profile.name}>
            {profile.name}
            {profile.region === undefined ? '' : ` (${profile.region})`}
          </option>
        ))}
      </select>
      {listing.state === 'failed' ? <ErrorNote error={listing.error} /> : null}
      {listing.state === 'ready' && profiles.length === 0 ? <span className="hint">No AWS profiles found; run aws configure or aws configure sso first.</span> : null}
    </div>
  );
}

/** Where the agent runs, the AWS side: account, region, instance. */
export function AgentFields({ form, change, listing }: { readonly form: DoctorForm; readonly change: Change; readonly listing: Loadable<ProfileListing> }) {
  return (
    <fieldset>
      <legend>Secure Agent's AWS account</legend>
      <ProfileSelect id="doctor-profile" label="AWS profile" value={form.profile} listing={listing} onChange={(profile) => change({ profile })} />
      <Text id="doctor-region" label="Region" value={form.region} placeholder="the profile's region" onChange={(region) => change({ region })} />
      <Text
        id="doctor-instance"
        label="EC2 instance id"
        value={form.instanceId}
        placeholder="i-0123456789abcdef0"
        hint={form.fromConnection ? 'Optional: the connection\'s agent host names the instance.' : 'The instance the Secure Agent runs on.'}
        onChange={(instanceId) => change({ instanceId })}
      />
      <div className="field">
        <label htmlFor="doctor-placement">Secure Agent runs</label>
        <select id="doctor-placement" value={form.agentPlacement} onChange={(e) => change({ agentPlacement: e.target.value as DoctorForm['agentPlacement'] })}>
          <option value="unknown">I don't know</option>
          <option value="host">directly on the instance</option>
          <option value="container">in a container</option>
        </select>
        <span className="hint">Decides whether the instance's IMDS hop limit matters.</span>
      </div>
    </fieldset>
  );
}

/** What the connection reaches and how: bucket, folder, access, and setup A/B/C. */
export function TargetFields({ form, change, listing }: { readonly form: DoctorForm; readonly change: Change; readonly listing: Loadable<ProfileListing> }) {
  return (
    <fieldset>
      <legend>Bucket and setup</legend>
      <Text id="doctor-bucket" label="Bucket" value={form.bucket} hint={form.fromConnection ? 'Optional: default is the connection\'s Folder Path.' : 'Optional: without it the check stops at the role.'} onChange={(bucket) => change({ bucket })} />
      <Text id="doctor-folder" label="Folder" value={form.folder} placeholder="e.g. inbound/daily" onChange={(folder) => change({ folder })} />
      <div className="field">
        <label htmlFor="doctor-access">Access</label>
        <select id="doctor-access" value={form.access} onChange={(e) => change({ access: e.target.value === 'write' ? 'write' : 'read' })}>
          <option value="read">read</option>
          <option value="write">read and write</option>
        </select>
      </div>
      <label className="choice">
        <input type="checkbox" checked={form.advancedMode} onChange={(e) => change({ advancedMode: e.target.checked })} />
        <span>Mappings run in advanced mode (multipart uploads)</span>
      </label>
      <div className="field">
        <label htmlFor="doctor-setup">Setup</label>
        <select id="doctor-setup" value={form.setup} onChange={(e) => change({ setup: e.target.value as DoctorForm['setup'] })}>
          <option value="a">A: the instance role reads the bucket</option>
          <option value="b">B: the instance role assumes a connector role</option>
          <option value="c">C: the connector role is in the bucket's account</option>
        </select>
      </div>
      {form.setup !== 'a' && !form.fromConnection ? (
        <>
          <Text id="doctor-role-arn" label="IAM Role ARN" value={form.connectorRoleArn} placeholder="arn:aws:iam::123456789012:role/…" hint={'As in the connection\'s "IAM Role ARN".'} onChange={(connectorRoleArn) => change({ connectorRoleArn })} />
          <Text id="doctor-external-id" label="External Id" value={form.externalId} hint="Optional, as in the connection." onChange={(externalId) => change({ externalId })} />
        </>
      ) : null}
      {form.setup !== 'a' && form.fromConnection ? <p className="hint">The IAM Role ARN and External Id are read from the connection.</p> : null}
      {form.setup === 'c' ? <ProfileSelect id="doctor-bucket-profile" label="AWS profile of the bucket's account" value={form.bucketProfile} listing={listing} onChange={(bucketProfile) => change({ bucketProfile })} /> : null}
    </fieldset>
  );
}

/** Optional start from the IICS connection; the password stays in its input until Run. */
export function IicsFields({ form, change, password, onPassword }: { readonly form: DoctorForm; readonly change: Change; readonly password: string; readonly onPassword: (password: string) => void }) {
  return (
    <fieldset>
      <legend>
        <label className="choice">
          <input type="checkbox" checked={form.fromConnection} onChange={(e) => change({ fromConnection: e.target.checked })} />
          <span>Start from an IICS connection</span>
        </label>
      </legend>
      {form.fromConnection ? (
        <>
          <Text id="doctor-iics-url" label="IICS login URL" value={form.iicsLoginUrl} placeholder="https://dm-us.informaticacloud.com" onChange={(iicsLoginUrl) => change({ iicsLoginUrl })} />
          <Text id="doctor-iics-user" label="IICS user name" value={form.iicsUsername} onChange={(iicsUsername) => change({ iicsUsername })} />
          <div className="field">
            <label htmlFor="doctor-iics-password">IICS password</label>
            <input id="doctor-iics-password" type="password" autoComplete="off" value={password} onChange={(e) => onPassword(e.target.value)} aria-describedby="doctor-iics-password-hint" />
            <span className="hint" id="doctor-iics-password-hint">
              Used once to log in for this check; Keyless keeps it nowhere.
            </span>
          </div>
          <Text id="doctor-connection" label="Connection name" value={form.connectionName} hint="As in Administrator → Connections (case-sensitive)." onChange={(connectionName) => change({ connectionName })} />
        </>
      ) : (
        <p className="hint">Read the connection, its runtime environment and agent from IICS, and follow the agent's host to its instance.</p>
      )}
    </fieldset>
  );
}

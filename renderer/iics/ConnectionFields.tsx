import type { ConnectionForm } from './connection-form';

type Change = (patch: Partial<ConnectionForm>) => void;

function Text({ id, label, value, onChange, hint, placeholder, disabled }: { readonly id: string; readonly label: string; readonly value: string; readonly onChange: (value: string) => void; readonly hint?: string; readonly placeholder?: string; readonly disabled?: boolean }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} value={value} placeholder={placeholder} disabled={disabled} spellCheck={false} autoComplete="off" onChange={(e) => onChange(e.target.value)} aria-describedby={hint === undefined ? undefined : `${id}-hint`} />
      {hint === undefined ? null : (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
    </div>
  );
}

/**
 * The Amazon S3 v2 connection's fields under the labels IICS shows. Folder Path is shown as IICS
 * will store it (bucket/folder); the authentication settings are those of the setup, and a
 * keyless connection has no Access Key or Secret Key fields at all.
 */
export function ConnectionFields({ form, change, fromPlan }: { readonly form: ConnectionForm; readonly change: Change; readonly fromPlan: boolean }) {
  const folderPath = form.folder.trim() === '' ? form.bucket.trim() : `${form.bucket.trim()}/${form.folder.trim()}`;
  return (
    <>
      <fieldset>
        <legend>Connection</legend>
        <Text id="iics-connection-name" label="Connection name" value={form.name} onChange={(name) => change({ name })} hint="An existing connection with this name is updated in place." />
        <Text id="iics-bucket" label="Bucket" value={form.bucket} onChange={(bucket) => change({ bucket })} />
        <Text id="iics-folder" label="Folder" value={form.folder} placeholder="optional, no slash at the end" onChange={(folder) => change({ folder })} hint={`Folder Path in IICS: ${folderPath === '' ? '(enter the bucket)' : folderPath}`} />
        <Text id="iics-region-name" label="Region Name" value={form.regionName} placeholder="us-east-1" onChange={(regionName) => change({ regionName })} hint="The bucket's region, as an AWS code or the connector's region name." />
      </fieldset>
      <fieldset>
        <legend>Authentication</legend>
        <p className="hint">{fromPlan ? 'From the reviewed plan.' : 'From the setup chosen on Bucket & policy; Review & apply fills in the role Keyless creates.'} No access keys: the agent uses its EC2 role.</p>
        <label className="choice">
          <input type="checkbox" checked={form.useEc2RoleToAssumeRole} onChange={(e) => change({ useEc2RoleToAssumeRole: e.target.checked })} />
          Use EC2 Role to Assume Role
        </label>
        <Text id="iics-iam-role-arn" label="IAM Role ARN" value={form.iamRoleArn} disabled={!form.useEc2RoleToAssumeRole} placeholder={form.useEc2RoleToAssumeRole ? 'arn:aws:iam::123456789012:role/…' : 'empty: the instance role is used'} onChange={(iamRoleArn) => change({ iamRoleArn })} />
        <Text id="iics-external-id" label="External Id" value={form.externalId} disabled={!form.useEc2RoleToAssumeRole} placeholder="optional" onChange={(externalId) => change({ externalId })} />
      </fieldset>
    </>
  );
}

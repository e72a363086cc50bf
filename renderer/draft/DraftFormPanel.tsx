import type { ChangeEvent, ReactNode } from 'react';
import { useId } from 'react';
import { PARTITIONS } from '../../shared/policy/model';
import type { AccessLevel, Partition } from '../../shared/policy/model';
import type { SetupKind } from '../../shared/export/export-input';
import { useDraft } from './draft-store';
import type { DraftForm } from './draft-store';

const SETUPS: readonly { id: SetupKind; label: string; help: string }[] = [
  { id: 'instanceRole', label: 'A · Instance role', help: 'The agent instance’s own role holds the S3 policy.' },
  { id: 'assumeConnectorRole', label: 'B · Assume a connector role', help: 'The instance role may only assume a dedicated connector role — use this when the instance role is shared.' },
  { id: 'crossAccount', label: 'C · Cross-account', help: 'The bucket is in another account; its connector role trusts the agent’s account.' },
];

function Field({ label, hint, children }: { readonly label: string; readonly hint?: string; readonly children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint === undefined ? null : <span className="hint">{hint}</span>}
    </div>
  );
}

function TextField({ name, label, hint, placeholder }: { readonly name: keyof DraftForm; readonly label: string; readonly hint?: string; readonly placeholder?: string }) {
  const value = useDraft((s) => s.form[name]);
  const update = useDraft((s) => s.update);
  return (
    <Field label={label} {...(hint === undefined ? {} : { hint })}>
      {(id) => (
        <input
          id={id}
          type="text"
          spellCheck={false}
          autoComplete="off"
          value={String(value)}
          placeholder={placeholder}
          onChange={(e: ChangeEvent<HTMLInputElement>) => update({ [name]: e.target.value })}
        />
      )}
    </Field>
  );
}

/** How the connection reaches the bucket: setups A, B and C (DESIGN §2). */
export function SetupFieldset() {
  const setup = useDraft((s) => s.form.setup);
  const update = useDraft((s) => s.update);
  return (
    <fieldset>
      <legend>Setup</legend>
      {SETUPS.map((option) => (
        <label key={option.id} className="choice">
          <input type="radio" name="setup" value={option.id} checked={setup === option.id} onChange={() => update({ setup: option.id })} />
          <span>
            <strong>{option.label}</strong>
            <span className="hint">{option.help}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** The bucket, folder and access the connection needs. */
export function BucketFieldset() {
  const form = useDraft((s) => s.form);
  const update = useDraft((s) => s.update);
  return (
    <fieldset>
      <legend>Bucket and access</legend>
      <TextField name="bucket" label="Bucket" placeholder="acme-landing" />
      <TextField name="folder" label="Folder path" placeholder="sales/daily" hint="As in the connection's Folder Path: no slash at either end." />
      <Field label="Access">
        {(id) => (
          <select id={id} value={form.access} onChange={(e) => update({ access: e.target.value as AccessLevel })}>
            <option value="read">Read (sources)</option>
            <option value="write">Read and write (targets)</option>
          </select>
        )}
      </Field>
      <label className="choice">
        <input type="checkbox" checked={form.advancedMode} onChange={(e) => update({ advancedMode: e.target.checked })} />
        <span>Mappings run in advanced mode (multipart uploads)</span>
      </label>
      <TextField name="kmsKeyArn" label="SSE-KMS key ARN (optional)" placeholder="arn:aws:kms:eu-west-1:111122223333:key/…" />
      <Field label="Partition">
        {(id) => (
          <select id={id} value={form.partition} onChange={(e) => update({ partition: e.target.value as Partition })}>
            {PARTITIONS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        )}
      </Field>
    </fieldset>
  );
}

/** B and C: the dedicated role the connection assumes. */
export function ConnectorFieldset() {
  const setup = useDraft((s) => s.form.setup);
  if (setup === 'instanceRole') return null;
  return (
    <fieldset>
      <legend>Connector role</legend>
      <TextField name="accountId" label={setup === 'crossAccount' ? "Bucket's account id" : 'Account id of both roles'} placeholder="111122223333" />
      {setup === 'crossAccount' ? <TextField name="trustedAccountId" label="Agent's account id (trusted)" placeholder="444455556666" /> : null}
      <TextField name="connectorRoleName" label="Connector role name" />
      <TextField name="assumePolicyName" label="Assume-role policy name" />
      <TextField name="externalId" label="External Id (optional for B, advised for C)" hint="The connection's External Id field carries the same value." />
    </fieldset>
  );
}

/** What Keyless calls what it creates, and the organisation's path, boundary and tags. */
export function NamesFieldset({ withInstanceId }: { readonly withInstanceId: boolean }) {
  const tags = useDraft((s) => s.form.tags);
  const update = useDraft((s) => s.update);
  return (
    <fieldset>
      <legend>Names and organisation rules</legend>
      <TextField name="roleName" label="Instance role name" />
      <TextField name="instanceProfileName" label="Instance profile name" />
      <TextField name="policyName" label="S3 policy name" />
      <TextField name="path" label="IAM path" hint="/ or e.g. /informatica/" />
      <TextField name="permissionsBoundaryArn" label="Permissions boundary ARN (optional)" />
      <Field label="Tags (one key=value per line)">
        {(id) => <textarea id={id} rows={3} spellCheck={false} value={tags} onChange={(e) => update({ tags: e.target.value })} />}
      </Field>
      {withInstanceId ? <TextField name="instanceId" label="Agent EC2 instance id (optional, for the CLI script)" placeholder="i-0123456789abcdef0" /> : null}
    </fieldset>
  );
}

/** The left side of Draft offline: what the connection needs, and what to call what gets created. */
export function DraftFormPanel() {
  return (
    <form className="draft-form" aria-label="Draft options" onSubmit={(e) => e.preventDefault()}>
      <SetupFieldset />
      <BucketFieldset />
      <ConnectorFieldset />
      <NamesFieldset withInstanceId />
    </form>
  );
}

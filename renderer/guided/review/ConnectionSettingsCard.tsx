import type { Plan } from '../../../shared/plan/plan-model';

/** What the admin enters in the IICS Amazon S3 v2 connection (the IICS step itself is not built yet). */
export function ConnectionSettingsCard({ connection }: { readonly connection: Plan['connection'] }) {
  return (
    <section className="card" aria-labelledby="connection-settings-title" data-testid="connection-settings">
      <h2 id="connection-settings-title">Amazon S3 v2 connection settings</h2>
      <p className="hint">Enter these in the connection in IICS; Keyless does not create the connection yet.</p>
      <dl className="identity">
        <dt>IAM Role ARN</dt>
        <dd>{connection.iamRoleArn ?? '(leave empty: the instance role is used)'}</dd>
        <dt>Use EC2 Role to Assume Role</dt>
        <dd>{connection.useEc2RoleToAssumeRole ? 'Yes' : 'No'}</dd>
        <dt>External Id</dt>
        <dd>{connection.externalId ?? '(none)'}</dd>
        <dt>Access Key, Secret Key</dt>
        <dd>(leave empty: no keys)</dd>
      </dl>
    </section>
  );
}

import type { Plan } from '../../../shared/plan/plan-model';
import { useWizard } from '../../state/wizard-store';

/** The IICS Amazon S3 v2 connection's settings for this plan; the IICS connection step creates the connection with them. */
export function ConnectionSettingsCard({ connection }: { readonly connection: Plan['connection'] }) {
  const openGuided = useWizard((s) => s.openGuided);
  return (
    <section className="card" aria-labelledby="connection-settings-title" data-testid="connection-settings">
      <h2 id="connection-settings-title">Amazon S3 v2 connection settings</h2>
      <p className="hint">
        After applying, step 5 creates the connection in IICS with these settings and tests it.{' '}
        <button type="button" className="link" onClick={() => openGuided('iics')}>
          Go to IICS connection
        </button>
      </p>
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

import type { Identity } from '../../shared/ipc/accounts-contract';
import { KIND_LABEL } from './kind-labels';

/** Who the chosen profile is, before anything changes. */
export function IdentityCard({ identity }: { readonly identity: Identity }) {
  return (
    <dl className="identity" aria-label="AWS identity" data-testid="identity-card">
      <dt>Account</dt>
      <dd>{identity.account}</dd>
      <dt>ARN</dt>
      <dd>
        <code>{identity.arn}</code>
      </dd>
      <dt>Kind</dt>
      <dd>{KIND_LABEL[identity.kind]}</dd>
      <dt>Partition</dt>
      <dd>{identity.partition}</dd>
      <dt>Default region</dt>
      <dd>{identity.region}</dd>
      {identity.credentialsExpireAt === undefined ? null : (
        <>
          <dt>Credentials expire</dt>
          <dd>{new Date(identity.credentialsExpireAt).toLocaleString()}</dd>
        </>
      )}
    </dl>
  );
}

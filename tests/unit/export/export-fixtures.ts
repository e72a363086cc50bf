import type { DraftExportOptions } from '../../../shared/export/draft-export';
import type { SetupKind } from '../../../shared/export/export-input';

export const BUCKET_ACCOUNT = '111122223333';
export const AGENT_ACCOUNT = '444455556666';
export const KMS_KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/** A complete draft for each setup: folder with a wildcard character, tags, boundary, instance. */
export function draftFor(setup: SetupKind, overrides: Partial<DraftExportOptions> = {}): DraftExportOptions {
  const twoRoles = setup !== 'instanceRole';
  return {
    setup,
    bucket: 'acme-landing',
    folder: 'sales/in*',
    access: 'write',
    advancedMode: true,
    kmsKeyArn: KMS_KEY,
    partition: 'aws',
    roleName: 'informatica-agent',
    policyName: 'informatica-s3-access',
    instanceProfileName: 'informatica-agent-profile',
    path: '/informatica/',
    permissionsBoundaryArn: 'arn:aws:iam::111122223333:policy/boundaries/informatica',
    tags: [
      { key: 'team', value: 'data platform' },
      { key: 'cost:centre', value: 'cc=42/+@' },
    ],
    ...(twoRoles ? { connectorRoleName: 'informatica-s3-connector', assumePolicyName: 'informatica-assume-connector', accountId: BUCKET_ACCOUNT } : {}),
    ...(setup === 'crossAccount' ? { trustedAccountId: AGENT_ACCOUNT } : {}),
    ...(twoRoles ? { externalId: 'acme-7f3a9c2e' } : {}),
    instanceId: 'i-0123456789abcdef0',
    region: 'us-east-1',
    ...overrides,
  };
}

export const SETUPS: readonly SetupKind[] = ['instanceRole', 'assumeConnectorRole', 'crossAccount'];

import { describe, expect, it } from 'vitest';
import { planAccountStacks } from '../../../shared/export/account-stacks';
import { draftExportInput, type DraftExportOptions } from '../../../shared/export/draft-export';
import { exportJsonDocuments } from '../../../shared/export/json-documents';
import { validateExportInput } from '../../../shared/export/validate-export-input';
import { buildPermissionsPolicy } from '../../../shared/policy/build/permissions-policy';
import type { PolicyDocument } from '../../../shared/policy/model';
import { AGENT_ACCOUNT, BUCKET_ACCOUNT, draftFor } from './export-fixtures';
import { thrownFailure } from '../../support/failures';


describe('draftExportInput', () => {
  it('setup A: one role trusted by EC2 holding the S3 policy', () => {
    const input = draftExportInput(draftFor('instanceRole'));
    expect(input.documents.permissions).toEqual(buildPermissionsPolicy(draftFor('instanceRole')));
    expect(input.documents.instanceRoleTrust.Statement[0]?.Principal).toEqual({ Service: ['ec2.amazonaws.com'] });
    expect(input.documents.connectorRoleTrust).toBeUndefined();
    const stacks = planAccountStacks(input);
    expect(stacks).toHaveLength(1);
    expect(stacks[0]?.roles.map((r) => [r.name, r.policy.name])).toEqual([['informatica-agent', 'informatica-s3-access']]);
    expect(stacks[0]?.instanceProfile).toEqual({ name: 'informatica-agent-profile', role: 'instanceRole' });
  });

  it('setup B: connector role trusts the instance role ARN; the instance role may assume exactly the connector role', () => {
    const input = draftExportInput(draftFor('assumeConnectorRole'));
    expect(input.documents.connectorRoleTrust?.Statement[0]).toEqual({
      Sid: 'TrustInstanceRole',
      Effect: 'Allow',
      Principal: { AWS: [`arn:aws:iam::${BUCKET_ACCOUNT}:role/informatica/informatica-agent`] },
      Action: ['sts:AssumeRole'],
      Condition: { StringEquals: { 'sts:ExternalId': ['acme-7f3a9c2e'] } },
    });
    expect(input.documents.assume?.Statement[0]?.Resource).toEqual([`arn:aws:iam::${BUCKET_ACCOUNT}:role/informatica/informatica-s3-connector`]);
    const [stack] = planAccountStacks(input);
    expect(stack?.roles.map((r) => [r.key, r.policy.name, r.after])).toEqual([
      ['instanceRole', 'informatica-assume-connector', undefined],
      ['connectorRole', 'informatica-s3-access', 'instanceRole'],
    ]);
  });

  it('setup C: two stacks, the connector role in the bucket account trusting the agent account', () => {
    const input = draftExportInput(draftFor('crossAccount'));
    expect(input.documents.connectorRoleTrust?.Statement[0]?.Principal).toEqual({ AWS: [`arn:aws:iam::${AGENT_ACCOUNT}:root`] });
    const stacks = planAccountStacks(input);
    expect(stacks.map((s) => [s.part, s.accountId, s.roles.map((r) => r.name), s.instanceProfile?.name])).toEqual([
      ['bucket-account', BUCKET_ACCOUNT, ['informatica-s3-connector'], undefined],
      ['agent-account', AGENT_ACCOUNT, ['informatica-agent'], 'informatica-agent-profile'],
    ]);
  });

  it('JSON export: one file per document, per account in setup C', () => {
    expect(exportJsonDocuments(draftExportInput(draftFor('instanceRole'))).map((f) => f.name)).toEqual([
      'informatica-agent.trust-policy.json',
      'informatica-s3-access.policy.json',
    ]);
    const files = exportJsonDocuments(draftExportInput(draftFor('crossAccount')));
    expect(files.map((f) => f.name)).toEqual([
      'bucket-account/informatica-s3-connector.trust-policy.json',
      'bucket-account/informatica-s3-access.policy.json',
      'agent-account/informatica-agent.trust-policy.json',
      'agent-account/informatica-assume-connector.policy.json',
    ]);
    const permissions = JSON.parse(files[1]!.content) as PolicyDocument;
    expect(permissions).toEqual(JSON.parse(JSON.stringify(buildPermissionsPolicy(draftFor('crossAccount')))));
  });

  it.each([
    ['an External Id on setup A', draftFor('instanceRole', { externalId: 'abc-123' }), 'INVALID_EXTERNAL_ID'],
    ['a trusted account on setup A', draftFor('instanceRole', { trustedAccountId: AGENT_ACCOUNT }), 'INVALID_EXPORT_INPUT'],
    ['a connector role on setup A', draftFor('instanceRole', { connectorRoleName: 'c' }), 'INVALID_EXPORT_INPUT'],
    ['setup B without account id', draftFor('assumeConnectorRole', { accountId: undefined }), 'INVALID_EXPORT_INPUT'],
    ['setup B with one name for both roles', draftFor('assumeConnectorRole', { connectorRoleName: 'Informatica-Agent' }), 'INVALID_ROLE_NAME'],
    ['setup C without trusted account', draftFor('crossAccount', { trustedAccountId: undefined }), 'INVALID_EXPORT_INPUT'],
    ['setup C with the same account twice', draftFor('crossAccount', { trustedAccountId: BUCKET_ACCOUNT }), 'INVALID_ACCOUNT_ID'],
    ['a bad role name', draftFor('instanceRole', { roleName: 'agent role' }), 'INVALID_ROLE_NAME'],
    ['a bad profile name', draftFor('instanceRole', { instanceProfileName: 'p/x' }), 'INVALID_INSTANCE_PROFILE_NAME'],
    ['a bad path', draftFor('instanceRole', { path: 'informatica' }), 'INVALID_IAM_PATH'],
    ['a boundary in another partition', draftFor('instanceRole', { permissionsBoundaryArn: 'arn:aws-cn:iam::111122223333:policy/b' }), 'INVALID_PERMISSIONS_BOUNDARY_ARN'],
    ['a reserved tag key', draftFor('instanceRole', { tags: [{ key: 'aws:x', value: 'y' }] }), 'INVALID_TAG'],
    ['a bad instance id', draftFor('instanceRole', { instanceId: 'i-xyz' }), 'INVALID_INSTANCE_ID'],
    ['a region of another partition', draftFor('instanceRole', { region: 'cn-north-1' }), 'INVALID_REGION'],
  ] as const)('rejects %s', (_label, options: DraftExportOptions, code) => {
    const failure = thrownFailure(() => planAccountStacks(draftExportInput(options)));
    expect(failure.detail.code).toBe(code);
  });

  it('rejects a document over its size quota before rendering anything', () => {
    const input = draftExportInput(draftFor('instanceRole'));
    const huge: PolicyDocument = {
      Version: '2012-10-17',
      Statement: Array.from({ length: 80 }, (_, i) => ({ Sid: `S${i}`, Effect: 'Allow' as const, Action: ['s3:GetObject'], Resource: [`arn:aws:s3:::acme-landing/folder-number-${i}/*`] })),
    };
    const failure = thrownFailure(() => validateExportInput({ ...input, documents: { ...input.documents, permissions: huge } }));
    expect(failure.detail.code).toBe('INVALID_POLICY_SIZE');
    expect(failure.detail.message).toMatch(/IAM allows 6144 for a managed policy/);
  });
});

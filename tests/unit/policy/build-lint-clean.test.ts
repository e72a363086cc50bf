import { describe, expect, it } from 'vitest';
import { createIamDataCatalogue } from '../../../electron/core/policy/iam-data-catalogue';
import { buildAssumeRolePolicy } from '../../../shared/policy/build/assume-role-policy';
import { buildPermissionsPolicy } from '../../../shared/policy/build/permissions-policy';
import { buildTrustPolicy } from '../../../shared/policy/build/trust-policy';
import { lintPolicyText } from '../../../shared/policy/lint';
import type { AccessLevel, Partition } from '../../../shared/policy/model';
import { toPolicyJson } from '../../../shared/policy/serialize';

const catalogue = createIamDataCatalogue();
const KEYS: Readonly<Record<Partition, string>> = {
  aws: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  'aws-cn': 'arn:aws-cn:kms:cn-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  'aws-us-gov': 'arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab',
};

/** Every builder output must pass the linter with no error and no security warning. */
function serious(findings: readonly { severity: string; code: string }[]): string[] {
  return findings.filter((f) => f.severity === 'error' || f.severity === 'securityWarning').map((f) => f.code);
}

describe('builder documents pass the linter', () => {
  const cases: { partition: Partition; access: AccessLevel; advancedMode: boolean; folder?: string; kms: boolean }[] = [];
  for (const partition of ['aws', 'aws-cn', 'aws-us-gov'] as const) {
    for (const access of ['read', 'write'] as const) {
      for (const advancedMode of [false, true]) {
        cases.push({ partition, access, advancedMode, kms: advancedMode, ...(access === 'write' ? { folder: 'landing/sales' } : {}) });
      }
    }
  }

  it.each(cases)('permissions %j', async ({ partition, access, advancedMode, folder, kms }) => {
    const document = buildPermissionsPolicy({ bucket: 'acme-landing', access, advancedMode, partition, ...(folder === undefined ? {} : { folder }), ...(kms ? { kmsKeyArn: KEYS[partition] } : {}) });
    const findings = await lintPolicyText(toPolicyJson(document), { kind: 'managed', catalogue, partition, informatica: { access, advancedMode } });
    expect(serious(findings)).toEqual([]);
  });

  it('trust policies: EC2 service, role, and account with External Id', async () => {
    for (const partition of ['aws', 'aws-cn'] as const) {
      const documents = [
        buildTrustPolicy({ trusted: { kind: 'ec2Service' }, partition }),
        buildTrustPolicy({ trusted: { kind: 'role', roleArn: `arn:${partition}:iam::111122223333:role/agent` }, externalId: 'xid-1', partition }),
        buildTrustPolicy({ trusted: { kind: 'account', accountId: '444455556666' }, externalId: 'xid-1', partition }),
      ];
      for (const document of documents) {
        const findings = await lintPolicyText(toPolicyJson(document), { kind: 'trust', catalogue, partition, agentAccount: '111122223333' });
        expect(serious(findings)).toEqual([]);
      }
    }
  });

  it('the assume-role policy', async () => {
    const document = buildAssumeRolePolicy({ connectorRoleArn: 'arn:aws:iam::111122223333:role/s3-connector' });
    expect(serious(await lintPolicyText(toPolicyJson(document), { kind: 'managed', catalogue, partition: 'aws' }))).toEqual([]);
  });
});

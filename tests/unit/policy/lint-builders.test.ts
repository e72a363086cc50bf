import { describe, expect, it } from 'vitest';
import { lintPolicyText } from '../../../shared/policy/lint';
import type { LintFinding } from '../../../shared/policy/lint';
import { buildAssumeRolePolicy, buildPermissionsPolicy, buildTrustPolicy } from '../../../shared/policy/build';
import { toPolicyJson } from '../../../shared/policy/serialize';
import { PARTITIONS } from '../../../shared/policy/model';
import type { AccessLevel } from '../../../shared/policy/model';
import { createIamDataCatalogue } from '../../../electron/core/policy/iam-data-catalogue';

/**
 * The builders' documents, serialised and linted as text the way the CLI and the Draft screen
 * do: every option combination parses and gets no finding at all — no error, warning or
 * suggestion — so the Informatica rules agree with what the builder grants.
 */

const catalogue = createIamDataCatalogue();
const AGENT_ACCOUNT = '111122223333';

function described(findings: readonly LintFinding[]): string[] {
  return findings.map((f) => `${f.code} at ${f.path.join('.')}: ${f.message}`);
}

describe('builder output passes the linter', () => {
  for (const partition of PARTITIONS) {
    for (const access of ['read', 'write'] as AccessLevel[]) {
      for (const advancedMode of [false, true]) {
        for (const folder of [undefined, 'sales/2026']) {
          it(`permissions: ${partition}, ${access}, advanced ${advancedMode}, folder ${folder ?? 'none'}, with an SSE-KMS key`, async () => {
            const kmsKeyArn = `arn:${partition}:kms:${partition === 'aws-cn' ? 'cn-north-1' : partition === 'aws-us-gov' ? 'us-gov-west-1' : 'eu-west-1'}:${AGENT_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
            const document = buildPermissionsPolicy({ bucket: 'infa-landing', access, advancedMode, partition, kmsKeyArn, ...(folder !== undefined ? { folder } : {}) });
            const findings = await lintPolicyText(toPolicyJson(document), { kind: 'managed', catalogue, partition, informatica: { access, advancedMode } });
            expect(described(findings)).toEqual([]);
          });
        }
      }
    }
  }

  it('trust: the EC2 service, the agent\'s own instance role, and another account with an External Id', async () => {
    const lint = (document: ReturnType<typeof buildTrustPolicy>) => lintPolicyText(toPolicyJson(document), { kind: 'trust', catalogue, partition: 'aws', agentAccount: AGENT_ACCOUNT });
    expect(described(await lint(buildTrustPolicy({ trusted: { kind: 'ec2Service' }, partition: 'aws' })))).toEqual([]);
    expect(described(await lint(buildTrustPolicy({ trusted: { kind: 'role', roleArn: `arn:aws:iam::${AGENT_ACCOUNT}:role/agent-instance` }, partition: 'aws' })))).toEqual([]);
    expect(described(await lint(buildTrustPolicy({ trusted: { kind: 'account', accountId: '444455556666' }, externalId: 'keyless-7f3a9c21', partition: 'aws' })))).toEqual([]);
  });

  it('trust: another account without an External Id draws CROSS_ACCOUNT_TRUST_WITHOUT_EXTERNAL_ID', async () => {
    const document = buildTrustPolicy({ trusted: { kind: 'account', accountId: '444455556666' }, partition: 'aws' });
    const findings = await lintPolicyText(toPolicyJson(document), { kind: 'trust', catalogue, agentAccount: AGENT_ACCOUNT });
    expect(findings.map((f) => f.code)).toEqual(['CROSS_ACCOUNT_TRUST_WITHOUT_EXTERNAL_ID']);
    expect(findings[0]?.line).toBeGreaterThan(1);
  });

  it('assume: sts:AssumeRole on exactly the connector role', async () => {
    const document = buildAssumeRolePolicy({ connectorRoleArn: 'arn:aws:iam::444455556666:role/S3Connector', partition: 'aws' });
    expect(await lintPolicyText(toPolicyJson(document), { kind: 'inline', catalogue, partition: 'aws' })).toEqual([]);
  });
});

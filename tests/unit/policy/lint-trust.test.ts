import { describe, expect, it } from 'vitest';
import { lintPolicy } from '../../../shared/policy/lint';
import type { LintFinding, LintOptions } from '../../../shared/policy/lint';
import type { Statement } from '../../../shared/policy/model';
import { createIamDataCatalogue } from '../../../electron/core/policy/iam-data-catalogue';

const catalogue = createIamDataCatalogue();
const AGENT_ACCOUNT = '111122223333';
const BUCKET_ACCOUNT = '444455556666';
const INSTANCE_ROLE = `arn:aws:iam::${AGENT_ACCOUNT}:role/agent-instance`;

async function trustFindings(statement: Statement, code: string, options: Partial<LintOptions> = {}): Promise<LintFinding[]> {
  const result = await lintPolicy({ Version: '2012-10-17', Statement: [statement] }, { kind: 'trust', catalogue, ...options });
  return result.filter((f) => f.code === code);
}

const assume = (principal: Statement['Principal'], condition?: Statement['Condition']): Statement => ({
  Effect: 'Allow',
  Principal: principal,
  Action: ['sts:AssumeRole'],
  ...(condition !== undefined ? { Condition: condition } : {}),
});

describe('trust rules', () => {
  it('TRUST_ANY_PRINCIPAL: "Principal": "*"', async () => {
    expect(await trustFindings(assume('*'), 'TRUST_ANY_PRINCIPAL')).toEqual([expect.objectContaining({ severity: 'securityWarning', path: ['Statement', 0, 'Principal'] })]);
  });
  it('TRUST_ANY_PRINCIPAL: {"AWS": "*"}, also with a condition that does not restrict the caller', async () => {
    expect(await trustFindings(assume({ AWS: ['*'] }), 'TRUST_ANY_PRINCIPAL')).toHaveLength(1);
    expect(await trustFindings(assume({ AWS: ['*'] }, { Bool: { 'aws:SecureTransport': ['true'] } }), 'TRUST_ANY_PRINCIPAL')).toHaveLength(1);
    expect(await trustFindings(assume({ AWS: ['*'] }, { StringNotEquals: { 'aws:PrincipalAccount': ['999988887777'] } }), 'TRUST_ANY_PRINCIPAL')).toHaveLength(1);
    expect(await trustFindings(assume({ AWS: ['*'] }, { StringLike: { 'aws:PrincipalOrgID': ['*'] } }), 'TRUST_ANY_PRINCIPAL')).toHaveLength(1);
  });
  it('TRUST_ANY_PRINCIPAL: passes for "*" restricted to an account or organisation', async () => {
    expect(await trustFindings(assume('*', { StringEquals: { 'aws:PrincipalAccount': [AGENT_ACCOUNT] } }), 'TRUST_ANY_PRINCIPAL')).toEqual([]);
    expect(await trustFindings(assume({ AWS: ['*'] }, { StringEquals: { 'aws:principalorgid': ['o-abc123'] } }), 'TRUST_ANY_PRINCIPAL')).toEqual([]);
  });
  it('TRUST_ANY_PRINCIPAL: passes for the EC2 service principal', async () => {
    expect(await trustFindings(assume({ Service: ['ec2.amazonaws.com'] }), 'TRUST_ANY_PRINCIPAL')).toEqual([]);
  });
  it('TRUST_ANY_PRINCIPAL: not checked in permission policies', async () => {
    const result = await lintPolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: ['arn:aws:iam::1:role/x'] }] }, { kind: 'managed', catalogue });
    expect(result.map((f) => f.code)).not.toContain('TRUST_ANY_PRINCIPAL');
  });

  it('CROSS_ACCOUNT_TRUST_WITHOUT_EXTERNAL_ID: a role in another account than the agent\'s', async () => {
    const statement = assume({ AWS: [`arn:aws:iam::${BUCKET_ACCOUNT}:role/other`] });
    const [finding] = await trustFindings(statement, 'CROSS_ACCOUNT_TRUST_WITHOUT_EXTERNAL_ID', { agentAccount: AGENT_ACCOUNT });
    expect(finding).toMatchObject({ severity: 'securityWarning', path: ['Statement', 0, 'Principal', 'AWS', 0] });
    expect(finding?.message).toContain('sts:ExternalId');
  });
  it('CROSS_ACCOUNT_TRUST_WITHOUT_EXTERNAL_ID: a whole account (ID or :root) when the agent account is not known', async () => {
    expect(await trustFindings(assume({ AWS: [BUCKET_ACCOUNT] }), 'CROSS_ACCOUNT_TRUST_WITHOUT_EXTERNAL_ID')).toHaveLength(1);
    expect(await trustFindings(assume({ AWS: [`arn:aws:iam::${BUCKET_ACCOUNT}:root`] }), 'CROSS_ACCOUNT_TRUST_WITHOUT_EXTERNAL_ID')).toHaveLength(1);
  });
  it('CROSS_ACCOUNT_TRUST_WITHOUT_EXTERNAL_ID: passes with an sts:ExternalId condition', async () => {
    const statement = assume({ AWS: [`arn:aws:iam::${BUCKET_ACCOUNT}:role/other`] }, { StringEquals: { 'sts:ExternalId': ['b7c1f0'] } });
    expect(await trustFindings(statement, 'CROSS_ACCOUNT_TRUST_WITHOUT_EXTERNAL_ID', { agentAccount: AGENT_ACCOUNT })).toEqual([]);
  });
  it('CROSS_ACCOUNT_TRUST_WITHOUT_EXTERNAL_ID: passes for the instance role in the agent\'s own account (setup B)', async () => {
    expect(await trustFindings(assume({ AWS: [INSTANCE_ROLE] }), 'CROSS_ACCOUNT_TRUST_WITHOUT_EXTERNAL_ID', { agentAccount: AGENT_ACCOUNT })).toEqual([]);
    expect(await trustFindings(assume({ AWS: [INSTANCE_ROLE] }), 'CROSS_ACCOUNT_TRUST_WITHOUT_EXTERNAL_ID')).toEqual([]);
  });
  it('CROSS_ACCOUNT_TRUST_WITHOUT_EXTERNAL_ID: passes for the EC2 service principal', async () => {
    expect(await trustFindings(assume({ Service: ['ec2.amazonaws.com'] }), 'CROSS_ACCOUNT_TRUST_WITHOUT_EXTERNAL_ID', { agentAccount: AGENT_ACCOUNT })).toEqual([]);
  });
});

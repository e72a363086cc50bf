import { describe, expect, it } from 'vitest';
import { planProvisioning } from '../../../shared/plan/planner';
import type { ProvisionInput } from '../../../shared/plan/provision-input';
import { requiredPermissions } from '../../../electron/core/engine/preflight/required-permissions';

const ACCOUNT = '111111111111';
const INSTANCE = 'i-0123456789abcdef0';
const NAMES = { role: 'keyless-informatica-agent', policy: 'keyless-informatica-s3-access', instanceProfile: 'keyless-informatica-agent', connectorRole: 'keyless-informatica-s3-connector', assumePolicy: 'keyless-assume-s3-connector' };
const ROLE = `arn:aws:iam::${ACCOUNT}:role/keyless-informatica-agent`;
const POLICY = `arn:aws:iam::${ACCOUNT}:policy/keyless-informatica-s3-access`;
const PROFILE = `arn:aws:iam::${ACCOUNT}:instance-profile/keyless-informatica-agent`;

function freshPlan(partition: 'aws' | 'aws-cn' = 'aws') {
  const input: ProvisionInput = {
    setup: 'instanceRole', profile: 'ops', region: partition === 'aws' ? 'us-east-1' : 'cn-north-1', bucket: 'keyless-sandbox-staging', folder: 'inbound', access: 'read', advancedMode: false,
    instanceId: INSTANCE, names: NAMES, path: '/', tags: [],
  };
  const p = (arn: string): string => arn.replace('arn:aws:', `arn:${partition}:`);
  return planProvisioning({
    input,
    identities: { agent: { accountId: ACCOUNT, partition, callerArn: `arn:${partition}:iam::${ACCOUNT}:user/ops` } },
    state: {
      agent: { roles: { [NAMES.role]: null }, policies: { [p(POLICY)]: null }, instanceProfiles: { [NAMES.instanceProfile]: null } },
      instance: { instanceId: INSTANCE, exists: true, state: 'running' },
    },
    runId: 'run-1',
    createdAt: '2026-11-28T00:00:00.000Z',
  });
}

describe('requiredPermissions(plan)', () => {
  const needs = requiredPermissions(freshPlan());
  const has = (action: string, resource: string): boolean => needs.some((need) => need.permission.action === action && need.permission.resource === resource);

  it('lists every write with the exact ARN IAM checks, the Tag* of each create, and the reads', () => {
    for (const [action, resource] of [
      ['iam:CreateRole', ROLE], ['iam:TagRole', ROLE], ['iam:AttachRolePolicy', ROLE],
      ['iam:CreatePolicy', POLICY], ['iam:TagPolicy', POLICY],
      ['iam:CreateInstanceProfile', PROFILE], ['iam:TagInstanceProfile', PROFILE], ['iam:AddRoleToInstanceProfile', PROFILE],
      ['ec2:AssociateIamInstanceProfile', `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/${INSTANCE}`],
      ['ec2:DescribeIamInstanceProfileAssociations', '*'], ['ec2:DescribeInstances', '*'],
      ['iam:GetRole', ROLE], ['iam:GetPolicy', POLICY], ['iam:ListPolicyVersions', POLICY], ['iam:GetInstanceProfile', PROFILE],
    ] as const) {
      expect(has(action, resource), `${action} on ${resource}`).toBe(true);
    }
    expect(needs.every((need) => need.account === 'agent')).toBe(true);
    expect(new Set(needs.map((n) => `${n.permission.action} ${n.permission.resource}`)).size).toBe(needs.length);
  });

  it('asks for iam:PassRole on the role only as passed to EC2, in the plan\'s partition', () => {
    const passRole = needs.filter((need) => need.permission.action === 'iam:PassRole');
    expect(passRole).toHaveLength(1);
    expect(passRole[0]!.permission).toMatchObject({ resource: ROLE, context: { 'iam:PassedToService': 'ec2.amazonaws.com' } });
    const china = requiredPermissions(freshPlan('aws-cn')).find((need) => need.permission.action === 'iam:PassRole');
    expect(china?.permission.context).toEqual({ 'iam:PassedToService': 'ec2.amazonaws.com.cn' });
  });

  it('says why each permission is needed', () => {
    expect(needs.every((need) => (need.permission.purpose ?? '') !== '')).toBe(true);
  });
});

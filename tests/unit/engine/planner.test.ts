import { describe, expect, it } from 'vitest';
import { KeylessFailure } from '../../../shared/errors';
import { toPolicyJson } from '../../../shared/policy/serialize';
import { buildPermissionsPolicy } from '../../../shared/policy/build/permissions-policy';
import { longestChain } from '../../../shared/plan/critical-path';
import { Plan } from '../../../shared/plan/plan-model';
import { planProvisioning } from '../../../shared/plan/planner';
import { requiredActions } from '../../../shared/plan/required-actions';
import type { ObservedState } from '../../../shared/plan/observed-state';
import type { ProvisionInput } from '../../../shared/plan/provision-input';
import { AGENT, BUCKET, bareInstance, identities, input, sharedInstance, state } from './plan-fixtures';

const plan = (provision: ProvisionInput, observed: ObservedState = state()) =>
  planProvisioning({ input: provision, identities, state: observed, runId: 'run-1', createdAt: '2026-11-28T00:00:00.000Z' });

describe('planner, from an empty account', () => {
  it('setup A creates six things with tags, in a graph whose longest chain is three calls', () => {
    const result = plan(input({ tags: [{ key: 'team', value: 'data' }] }));
    expect(Plan.parse(JSON.parse(JSON.stringify(result)))).toEqual(result);
    expect(result.steps.map((step) => step.operation)).toEqual(['CreateRole', 'CreatePolicy', 'AttachRolePolicy', 'CreateInstanceProfile', 'AddRoleToInstanceProfile', 'AssociateIamInstanceProfile']);
    expect(result.steps[0]?.params.Tags).toEqual([
      { Key: 'team', Value: 'data' },
      { Key: 'keyless:managed', Value: 'true' },
      { Key: 'keyless:run', Value: 'run-1' },
    ]);
    expect(longestChain(result.steps)).toBe(3);
    expect(result.steps.find((step) => step.operation === 'AssociateIamInstanceProfile')?.dependsOn).toEqual(['instance-profile:role:add', 'instance-profile:create']);
    expect(result.connection).toEqual({ useEc2RoleToAssumeRole: false });
  });

  it('setup B: the connector role waits for the instance role its trust policy names', () => {
    const result = plan(input({ setup: 'assumeConnectorRole', externalId: 'ext-123' }));
    const connector = result.steps.find((step) => step.id === 'role:connector:create');
    expect(connector?.dependsOn).toEqual(['role:instance:create']);
    expect(connector?.params.AssumeRolePolicyDocument).toContain(`arn:aws:iam::${AGENT}:role/agent-role`);
    expect(connector?.params.AssumeRolePolicyDocument).toContain('ext-123');
    expect(result.connection).toEqual({ iamRoleArn: `arn:aws:iam::${AGENT}:role/connector`, useEc2RoleToAssumeRole: true, externalId: 'ext-123' });
  });

  it('setup C puts the connector role and S3 policy in the bucket account, trusting the agent account', () => {
    const result = plan(input({ setup: 'crossAccount', bucketProfile: 'data' }));
    expect(result.steps.filter((step) => step.account === 'bucket').map((step) => step.operation)).toEqual(['CreateRole', 'CreatePolicy', 'AttachRolePolicy']);
    expect(result.steps.find((step) => step.id === 'role:connector:create')?.params.AssumeRolePolicyDocument).toContain(`arn:aws:iam::${AGENT}:root`);
    expect(result.steps.find((step) => step.id === 'policy:assume:create')?.params.PolicyDocument).toContain(`arn:aws:iam::${BUCKET}:role/connector`);
  });

  it('required actions include the Tag* actions and iam:PassRole on the role in the profile', () => {
    const actions = requiredActions(plan(input()));
    expect(actions).toContainEqual({ account: 'agent', action: 'iam:PassRole', resourceArn: `arn:aws:iam::${AGENT}:role/agent-role`, stepId: 'association:associate' });
    expect(actions.map((action) => action.action)).toEqual(expect.arrayContaining(['iam:CreateRole', 'iam:TagRole', 'iam:TagPolicy', 'iam:TagInstanceProfile', 'ec2:AssociateIamInstanceProfile']));
  });
});

describe('planner, from existing state', () => {
  const permissions = buildPermissionsPolicy({ bucket: 'acme-landing', folder: 'sales', access: 'read', advancedMode: false, partition: 'aws' });
  const roleArn = `arn:aws:iam::${AGENT}:role/agent-role`;
  const policyArn = `arn:aws:iam::${AGENT}:policy/s3-access`;
  const versions = (count: number) => Array.from({ length: count }, (_, i) => ({ versionId: `v${i + 1}`, isDefault: i === count - 1, createDate: `2026-0${i + 1}-01T00:00:00.000Z` }));
  const applied = (documentInIam: unknown, versionCount = 1): ObservedState =>
    state({
      agent: {
        // IAM's own forms: strings instead of one-element arrays, other key order.
        roles: { 'agent-role': { name: 'agent-role', arn: roleArn, path: '/', trust: { Statement: [{ Action: 'sts:AssumeRole', Principal: { Service: 'ec2.amazonaws.com' }, Effect: 'Allow', Sid: 'TrustEc2Service' }], Version: '2012-10-17' }, attachedPolicyArns: [policyArn], inlinePolicyNames: [], tags: { 'keyless:managed': 'true' } } },
        policies: { [policyArn]: { arn: policyArn, name: 's3-access', defaultVersionId: `v${versionCount}`, document: documentInIam, versions: versions(versionCount), tags: { 'keyless:managed': 'true' } } },
        instanceProfiles: { 'agent-profile': { name: 'agent-profile', arn: `arn:aws:iam::${AGENT}:instance-profile/agent-profile`, roleNames: ['agent-role'], tags: {} } },
      },
      instance: { ...bareInstance, association: { associationId: 'iip-assoc-9', profileArn: `arn:aws:iam::${AGENT}:instance-profile/agent-profile`, profileName: 'agent-profile', state: 'associated' } },
    });

  it('keeps everything when the state matches, even when IAM wrote the documents differently', () => {
    const reordered = JSON.parse(toPolicyJson(permissions)) as { Statement: unknown[] };
    const result = plan(input(), applied({ ...reordered, Statement: [...reordered.Statement].reverse() }));
    expect(result.steps).toEqual([]);
    expect(result.resources.map((resource) => resource.action)).toEqual(Array(result.resources.length).fill('keep'));
  });

  it('a changed document becomes a new default version, with a diff', () => {
    const result = plan(input({ access: 'write' }), applied(permissions));
    expect(result.steps.map((step) => step.operation)).toEqual(['CreatePolicyVersion']);
    const resource = result.resources.find((candidate) => candidate.kind === 'managedPolicy');
    expect(resource?.action).toBe('update');
    expect(JSON.stringify(resource?.diff?.before)).not.toContain('s3:PutObject');
    expect(JSON.stringify(resource?.diff?.after)).toContain('s3:PutObject');
  });

  it('at five versions, deletes the oldest non-default version first, as a planned step', () => {
    const result = plan(input({ access: 'write' }), applied(permissions, 5));
    expect(result.steps.map((step) => [step.operation, step.params.VersionId ?? null])).toEqual([
      ['DeletePolicyVersion', 'v1'],
      ['CreatePolicyVersion', null],
    ]);
    expect(result.steps[1]?.dependsOn).toEqual(['policy:s3:delete-version']);
  });

  it('a profile that holds another role is a blocker, not a LimitExceeded at apply time', () => {
    const observed = state({ agent: { roles: {}, policies: {}, instanceProfiles: { 'agent-profile': { name: 'agent-profile', arn: 'arn:aws:iam::111111111111:instance-profile/agent-profile', roleNames: ['other'], tags: {} } } } });
    const result = plan(input(), observed);
    expect(result.blockers.map((blocker) => blocker.code)).toEqual(['PROFILE_HOLDS_ANOTHER_ROLE']);
    expect(result.steps).toEqual([]);
  });
});

describe('planner, the instance', () => {
  it('a missing instance is a blocker; a stopped one is fine, with a warning', () => {
    expect(plan(input(), state({ instance: { instanceId: 'i-0123456789abcdef0', exists: false } })).blockers.map((b) => b.code)).toEqual(['INSTANCE_NOT_FOUND']);
    const stopped = plan(input(), state({ instance: { ...bareInstance, state: 'stopped' } }));
    expect(stopped.blockers).toEqual([]);
    expect(stopped.warnings.map((warning) => warning.code)).toEqual(['INSTANCE_STOPPED']);
    expect(stopped.steps.map((step) => step.operation)).toContain('AssociateIamInstanceProfile');
  });

  it('a shared profile without a choice blocks, naming the role\'s other policies', () => {
    const result = plan(input(), state({ instance: sharedInstance }));
    expect(result.steps).toEqual([]);
    const blocker = result.blockers[0];
    expect(blocker?.code).toBe('EXISTING_INSTANCE_PROFILE');
    expect(blocker?.options?.[1]?.consequence).toContain('reporting-logs, reporting-metrics (inline)');
  });

  it('each choice plans what it says', () => {
    const one = plan(input({ existingProfileChoice: 'assumeConnectorRole' }), state({ instance: sharedInstance }));
    expect(one.effectiveSetup).toBe('assumeConnectorRole');
    expect(one.steps.find((step) => step.id === 'policy:assume:attachment:attach')?.params.RoleName).toBe('reporting-role');
    expect(one.steps.some((step) => step.service === 'ec2')).toBe(false);
    const two = plan(input({ existingProfileChoice: 'extendExistingRole' }), state({ instance: sharedInstance }));
    expect(two.steps.map((step) => [step.operation, step.params.RoleName ?? null])).toEqual([['CreatePolicy', null], ['AttachRolePolicy', 'reporting-role']]);
    const three = plan(input({ existingProfileChoice: 'replaceAssociation' }), state({ instance: sharedInstance }));
    const replace = three.steps.find((step) => step.operation === 'ReplaceIamInstanceProfileAssociation');
    expect(replace?.params).toEqual({ AssociationId: 'iip-assoc-1', IamInstanceProfile: { Name: 'agent-profile' } });
    expect(replace?.context).toEqual({ previousProfileArn: sharedInstance.association?.profileArn });
  });

  it('a read the caller was denied becomes a warning, and the resource is planned as absent', () => {
    const result = plan(input(), state({ agent: { roles: {}, policies: {}, instanceProfiles: { 'agent-profile': null }, unreadable: ['instance profile agent-profile'] } }));
    expect(result.warnings.map((warning) => warning.code)).toEqual(['STATE_UNREADABLE']);
    expect(result.warnings[0]?.message).toContain('instance profile agent-profile in the agent account');
    expect(result.steps.map((step) => step.operation)).toContain('CreateInstanceProfile');
  });

  it('bad input is an INVALID_* failure before any plan', () => {
    expect(() => plan(input({ names: { ...input().names, role: 'bad name' } }))).toThrow(KeylessFailure);
    expect(() => plan(input({ tags: [{ key: 'keyless:run', value: 'x' }] }))).toThrow(/reserved/);
    expect(() => plan(input({ externalId: 'ext-123' }))).toThrow(/External Id/);
  });
});

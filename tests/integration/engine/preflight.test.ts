import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetRoleCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { preflightFailure, preflightLines } from '../../../electron/core/engine/preflight/describe-preflight';
import { requiredPermissions } from '../../../electron/core/engine/preflight/required-permissions';
import { runPreflight } from '../../../electron/core/engine/preflight/run-preflight';
import type { PreflightReport } from '../../../electron/core/engine/preflight/run-preflight';
import { createEngineAwsClients } from '../../../electron/core/engine/aws-clients';
import type { OwnedAwsClients } from '../../../electron/core/engine/aws-clients';
import type { Sandbox } from '../../../electron/core/sandbox/start-sandbox';
import type { Plan } from '../../../shared/plan/plan-model';
import { planProvisioning } from '../../../shared/plan/planner';
import { evaluate } from '../../../shared/policy/evaluate';
import { parsePolicy } from '../../../shared/policy/parse';
import { toPolicyJson } from '../../../shared/policy/serialize';
import { asOperator, startTestSandbox } from '../../support/sandbox';
import { clientFactory, destroyClients } from '../../../electron/core/engine/aws-clients';
import { createRole, operatorClients, putPolicy, STAGING, userWithPolicy } from './doctor-world';

let sandbox: Sandbox;
let admin: OwnedAwsClients;
let restricted: OwnedAwsClients;
let plan: Plan;

const NAMES = { role: 'keyless-informatica-agent', policy: 'keyless-informatica-s3-access', instanceProfile: 'keyless-informatica-agent', connectorRole: 'keyless-informatica-s3-connector', assumePolicy: 'keyless-assume-s3-connector' };

/** Setup A for the seeded agent instance in a fresh account: everything is created. */
function setupAPlan(callerArn: string): Plan {
  const account = sandbox.seed.accounts.agent.id;
  const instanceId = sandbox.seed.instances.find((instance) => instance.name === 'infa-secure-agent-01')!.instanceId;
  return planProvisioning({
    input: { setup: 'instanceRole', profile: 'sandbox-restricted', region: sandbox.region, ...STAGING, access: 'read', advancedMode: false, instanceId, names: NAMES, path: '/', tags: [] },
    identities: { agent: { accountId: account, partition: 'aws', callerArn } },
    state: {
      agent: { roles: { [NAMES.role]: null }, policies: { [`arn:aws:iam::${account}:policy/${NAMES.policy}`]: null }, instanceProfiles: { [NAMES.instanceProfile]: null } },
      instance: { instanceId, exists: true, state: 'running' },
    },
    runId: 'preflight-test',
    createdAt: '2026-11-28T00:00:00.000Z',
  });
}

const as = (clients: OwnedAwsClients) => ({ clients: () => clients });
const missingActions = (report: PreflightReport): string[] => report.missing.map((check) => check.permission.action).sort();

beforeAll(async () => {
  sandbox = await startTestSandbox();
  admin = operatorClients(sandbox, 'keyless-admin');
  restricted = operatorClients(sandbox, 'keyless-restricted');
  plan = setupAPlan(sandbox.seed.operators.find((operator) => operator.userName === 'keyless-restricted')!.arn);
});

afterAll(async () => {
  admin?.destroy();
  restricted?.destroy();
  await sandbox?.stop();
});

describe('preflight against the sandbox', () => {
  it('the admin operator may apply the plan (clients from the engine\'s own factory)', async () => {
    const setup = asOperator(sandbox, 'keyless-admin');
    const factory = clientFactory({ region: setup.region, endpoint: setup.endpoint, credentials: { agent: setup.credentials } });
    const report = await runPreflight(requiredPermissions(plan), factory);
    destroyClients(factory, ['agent']);
    expect(report.ok).toBe(true);
    expect(report.callers).toEqual([expect.objectContaining({ account: 'agent', simulation: 'simulated', arn: expect.stringContaining(':user/keyless-admin') as unknown })]);
    expect(report.checks.length).toBeGreaterThan(15);
    expect(report.operatorPolicies).toEqual([]);
    expect(preflightFailure(report)).toBeUndefined();
    expect(preflightLines(report).at(-1)).toMatch(/^✓ Every permission the plan needs is allowed/);
  });

  it('the restricted operator is told about iam:PassRole and the instance-profile calls, with a minimal policy that grants exactly those', async () => {
    const needs = requiredPermissions(plan);
    const report = await runPreflight(needs, as(restricted));
    expect(report.ok).toBe(false);
    const roleArn = `arn:aws:iam::${sandbox.seed.accounts.agent.id}:role/${NAMES.role}`;
    expect(report.missing).toContainEqual(expect.objectContaining({ decision: 'implicitDeny', permission: expect.objectContaining({ action: 'iam:PassRole', resource: roleArn }) as unknown }));
    expect(missingActions(report)).toEqual([
      'ec2:AssociateIamInstanceProfile',
      'iam:AddRoleToInstanceProfile',
      'iam:CreateInstanceProfile',
      'iam:GetInstanceProfile',
      'iam:ListInstanceProfileTags',
      'iam:ListPolicyTags',
      'iam:ListRoleTags',
      'iam:PassRole',
      'iam:TagInstanceProfile',
      'iam:TagPolicy',
    ]);

    expect(report.operatorPolicies).toHaveLength(1);
    const parsed = parsePolicy(toPolicyJson(report.operatorPolicies[0]!.policy), 'managed');
    if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
    const operatorArn = report.callers[0]!.arn;
    const grants = (check: PreflightReport['checks'][number]): boolean =>
      evaluate({
        request: { action: check.permission.action, resource: check.permission.resource, principal: { arn: operatorArn, account: sandbox.seed.accounts.agent.id }, ...(check.permission.context === undefined ? {} : { context: check.permission.context }) },
        identityPolicies: [{ name: 'requested', document: parsed.document }],
      }).decision === 'allowed';
    for (const check of report.checks) expect(grants(check), `${check.permission.action} on ${check.permission.resource}`).toBe(check.decision !== 'allowed');
    const passRole = parsed.document.Statement.find((statement) => statement.Action?.includes('iam:PassRole'));
    expect(passRole).toMatchObject({ Resource: [roleArn], Condition: { StringEquals: { 'iam:PassedToService': ['ec2.amazonaws.com'] } } });

    expect(preflightFailure(report)?.detail).toMatchObject({ code: 'PREFLIGHT_PERMISSIONS_MISSING', message: expect.stringMatching(/^Nothing was changed: your AWS identity lacks 10 permissions the plan needs \(.*iam:PassRole/) as unknown });
    const text = preflightLines(report).join('\n');
    expect(text).toContain(`iam:PassRole on ${roleArn}: implicitDeny`);
    expect(text).toContain(`Ask your cloud team to attach this policy to ${operatorArn}`);

    // Preflight changed nothing.
    await expect(admin.iam.send(new GetRoleCommand({ RoleName: NAMES.role }))).rejects.toMatchObject({ name: 'NoSuchEntityException' });

    // With the requested policy added, the same operator passes.
    await admin.iam.send(new PutUserPolicyCommand({ UserName: 'keyless-restricted', PolicyName: 'keyless-requested', PolicyDocument: toPolicyJson(parsed.document) }));
    const after = await runPreflight(needs, as(restricted));
    expect(missingActions(after)).toEqual([]);
    expect(after.ok).toBe(true);
  });

  it('an operator who may not simulate is told so plainly and gets everything the plan needs', async () => {
    const reader = await userWithPolicy(sandbox, admin, 'preflight-no-simulate', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: ['*'] }] });
    try {
      const needs = requiredPermissions(plan);
      const report = await runPreflight(needs, as(reader.clients));
      expect(report.callers[0]).toMatchObject({ simulation: 'denied', simulatedArn: reader.arn });
      expect(report.callers[0]?.note).toMatch(/could not be checked: .* may not call iam:SimulatePrincipalPolicy/);
      expect(report.checks.every((check) => check.decision === 'unknown')).toBe(true);
      expect(report.missing).toHaveLength(needs.length);
      const policy = report.operatorPolicies[0]!.policy;
      const granted = policy.Statement.flatMap((statement) => (statement.Action ?? []).flatMap((action) => (statement.Resource ?? []).map((resource) => `${action} ${resource}`)));
      expect(new Set(granted)).toEqual(new Set(needs.map((need) => `${need.permission.action} ${need.permission.resource}`)));
      expect(preflightLines(report).join('\n')).toMatch(/could not be checked/);
      expect(preflightFailure(report)?.detail.code).toBe('PREFLIGHT_UNCHECKED');
    } finally {
      reader.clients.destroy();
    }
  });

  it('an assumed-role session is simulated as its role', async () => {
    const account = sandbox.seed.accounts.agent.id;
    const roleArn = await createRole(admin, 'preflight-operator-role', { kind: 'account', accountId: account });
    await putPolicy(admin, 'preflight-operator-role', 'ops', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:*', 'ec2:*'], Resource: ['*'] }] });
    const { Credentials } = await admin.sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'operator-session' }));
    const session = createEngineAwsClients({
      region: sandbox.region,
      endpoint: sandbox.awsEndpoint,
      credentials: { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken! },
    });
    try {
      const report = await runPreflight(requiredPermissions(plan), as(session));
      expect(report.callers[0]).toMatchObject({ arn: `arn:aws:sts::${account}:assumed-role/preflight-operator-role/operator-session`, simulatedArn: roleArn, simulation: 'simulated' });
      expect(report.ok).toBe(true);
    } finally {
      session.destroy();
    }
  });
});

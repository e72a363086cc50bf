import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AttachRolePolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  SimulateCustomPolicyCommand,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import type { ContextEntry, EvaluationResult as IamEvaluationResult } from '@aws-sdk/client-iam';
import { evaluate } from '../../../shared/policy/evaluate';
import { parsePolicy } from '../../../shared/policy/parse';
import type { NamedPolicy } from '../../../shared/policy/model';
import type { Sandbox } from '../../../electron/core/sandbox/start-sandbox';
import { asOperator, startTestSandbox } from '../../support/sandbox';

/** SimulatePrincipalPolicy / SimulateCustomPolicy (moto has neither) answered with our evaluator, parsed by the real IAM client. */

let sandbox: Sandbox;
let iam: IAMClient;

const readPolicy = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'ListFolder', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::keyless-sandbox-sales', Condition: { StringLike: { 's3:prefix': ['sales/*', 'sales'] } } },
    { Sid: 'ReadFolder', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::keyless-sandbox-sales/sales/*' },
  ],
};
const denyPolicy = { Version: '2012-10-17', Statement: [{ Sid: 'NoWritesToFinalQuarter', Effect: 'Deny', Action: 's3:PutObject', Resource: 'arn:aws:s3:::keyless-sandbox-sales/sales/2026/q4*' }] };
const boundaryPolicy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket', 's3:PutObject'], Resource: '*' }] };
const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] };

function named(name: string, document: unknown): NamedPolicy {
  const parsed = parsePolicy(JSON.stringify(document), 'inline');
  if (!parsed.ok) throw new Error(`test policy ${name} does not parse`);
  return { name, document: parsed.document };
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  iam = new IAMClient({ ...asOperator(sandbox, 'keyless-admin'), maxAttempts: 1 });
  await iam.send(new CreateRoleCommand({ RoleName: 'sim-connector', AssumeRolePolicyDocument: JSON.stringify(trust) }));
  await iam.send(new PutRolePolicyCommand({ RoleName: 'sim-connector', PolicyName: 's3-read-sales', PolicyDocument: JSON.stringify(readPolicy) }));
  const managed = await iam.send(new CreatePolicyCommand({ PolicyName: 'deny-q4-writes', PolicyDocument: JSON.stringify(denyPolicy) }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'sim-connector', PolicyArn: managed.Policy!.Arn! }));
  const boundary = await iam.send(new CreatePolicyCommand({ PolicyName: 's3-boundary', PolicyDocument: JSON.stringify(boundaryPolicy) }));
  await iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'sim-connector', PermissionsBoundary: boundary.Policy!.Arn! }));
});

afterAll(async () => {
  await sandbox.stop();
});

describe('SimulatePrincipalPolicy', () => {
  const cases: { action: string; resource: string; context?: Record<string, string>; expected: string }[] = [
    { action: 's3:GetObject', resource: 'arn:aws:s3:::keyless-sandbox-sales/sales/2026/q1.csv', expected: 'allowed' },
    { action: 's3:GetObject', resource: 'arn:aws:s3:::keyless-sandbox-sales/finance/ledger.csv', expected: 'implicitDeny' },
    { action: 's3:PutObject', resource: 'arn:aws:s3:::keyless-sandbox-sales/sales/2026/q4.csv', expected: 'explicitDeny' },
    { action: 's3:ListBucket', resource: 'arn:aws:s3:::keyless-sandbox-sales', context: { 's3:prefix': 'sales/2026/' }, expected: 'allowed' },
    { action: 's3:ListBucket', resource: 'arn:aws:s3:::keyless-sandbox-sales', context: { 's3:prefix': 'finance/' }, expected: 'implicitDeny' },
    { action: 's3:DeleteObject', resource: 'arn:aws:s3:::keyless-sandbox-sales/sales/2026/q1.csv', expected: 'implicitDeny' },
  ];

  it('answers each action and resource as the evaluator decides on the stored policies', async () => {
    const identityPolicies = [named('s3-read-sales', readPolicy), named('deny-q4-writes', denyPolicy)];
    const permissionsBoundary = named('s3-boundary', boundaryPolicy);
    for (const testCase of cases) {
      const contextEntries: ContextEntry[] = Object.entries(testCase.context ?? {}).map(([key, value]) => ({ ContextKeyName: key, ContextKeyValues: [value], ContextKeyType: 'string' }));
      const out = await iam.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: 'arn:aws:iam::111111111111:role/sim-connector',
          ActionNames: [testCase.action],
          ResourceArns: [testCase.resource],
          ContextEntries: contextEntries,
        }),
      );
      const result = out.EvaluationResults![0]!;
      const direct = evaluate({
        request: { action: testCase.action, resource: testCase.resource, principal: { arn: 'arn:aws:iam::111111111111:role/sim-connector', account: '111111111111' }, context: testCase.context ?? {} },
        identityPolicies,
        permissionsBoundary,
      });
      expect({ action: testCase.action, resource: result.EvalResourceName, decision: result.EvalDecision }).toEqual({
        action: testCase.action,
        resource: testCase.resource,
        decision: testCase.expected,
      });
      expect(result.EvalDecision).toBe(direct.decision);
      expect(result.MatchedStatements?.map((statement) => statement.SourcePolicyId).sort()).toEqual(direct.matchedStatements.map((statement) => statement.policy).sort());
    }
  });

  it('names the condition keys a deciding statement needs but the simulation was not given', async () => {
    const simulate = (context: ContextEntry[]) =>
      iam.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: 'arn:aws:iam::111111111111:role/sim-connector',
          ActionNames: ['s3:ListBucket', 's3:GetObject'],
          ResourceArns: ['arn:aws:s3:::keyless-sandbox-sales'],
          ContextEntries: context,
        }),
      );
    const without = await simulate([]);
    const listBucket = without.EvaluationResults!.find((result) => result.EvalActionName === 's3:ListBucket')!;
    expect(listBucket.EvalDecision).toBe('implicitDeny');
    expect(listBucket.MissingContextValues).toEqual(['s3:prefix']);
    expect(without.EvaluationResults!.find((result) => result.EvalActionName === 's3:GetObject')!.MissingContextValues).toEqual([]);
    const withPrefix = await simulate([{ ContextKeyName: 's3:prefix', ContextKeyValues: ['sales/'], ContextKeyType: 'string' }]);
    expect(withPrefix.EvaluationResults!.find((result) => result.EvalActionName === 's3:ListBucket')!.MissingContextValues).toEqual([]);
  });

  it('reports one result per action × resource, with the source of matched statements', async () => {
    const out = await iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: sandbox.seed.operators.find((operator) => operator.userName === 'keyless-restricted')!.arn,
        ActionNames: ['iam:CreateRole', 'iam:PassRole', 'iam:CreateInstanceProfile', 'ec2:AssociateIamInstanceProfile'],
      }),
    );
    const decisions: Record<string, string | undefined> = Object.fromEntries(out.EvaluationResults!.map((result: IamEvaluationResult) => [result.EvalActionName ?? '', result.EvalDecision]));
    expect(decisions).toEqual({ 'iam:CreateRole': 'allowed', 'iam:PassRole': 'implicitDeny', 'iam:CreateInstanceProfile': 'implicitDeny', 'ec2:AssociateIamInstanceProfile': 'implicitDeny' });
    const createRole = out.EvaluationResults!.find((result) => result.EvalActionName === 'iam:CreateRole')!;
    expect(createRole.EvalResourceName).toBe('*');
    expect(createRole.MatchedStatements?.[0]).toMatchObject({ SourcePolicyId: 'keyless-restricted-rights', SourcePolicyType: 'user' });
    expect(createRole.MatchedStatements?.[0]?.StartPosition?.Line).toBeGreaterThanOrEqual(1);
    expect(out.IsTruncated).toBe(false);
  });

  it('answers NoSuchEntity for a principal that does not exist', async () => {
    const error = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: 'arn:aws:iam::111111111111:role/ghost', ActionNames: ['s3:GetObject'] })).catch((caught: unknown) => caught as Error);
    expect((error as Error).name).toBe('NoSuchEntityException');
  });

  it('refuses a caller without iam:SimulatePrincipalPolicy, as moto authorises the call first', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'no-rights' }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'no-rights' }))).AccessKey!;
    const bare = new IAMClient({ endpoint: sandbox.awsEndpoint, region: sandbox.region, credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! }, maxAttempts: 1 });
    const error = await bare.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: 'arn:aws:iam::111111111111:role/sim-connector', ActionNames: ['s3:GetObject'] })).catch((caught: unknown) => caught as Error);
    expect((error as Error).name).toBe('AccessDenied');
  });
});

describe('SimulateCustomPolicy', () => {
  it('evaluates the given documents alone', async () => {
    const out = await iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [JSON.stringify(readPolicy), JSON.stringify(denyPolicy)],
        ActionNames: ['s3:PutObject'],
        ResourceArns: ['arn:aws:s3:::keyless-sandbox-sales/sales/2026/q2.csv', 'arn:aws:s3:::keyless-sandbox-sales/sales/2026/q4.csv'],
      }),
    );
    expect(out.EvaluationResults!.map((result) => [result.EvalResourceName, result.EvalDecision])).toEqual([
      ['arn:aws:s3:::keyless-sandbox-sales/sales/2026/q2.csv', 'allowed'],
      ['arn:aws:s3:::keyless-sandbox-sales/sales/2026/q4.csv', 'explicitDeny'],
    ]);
    expect(out.EvaluationResults![1]!.MatchedStatements![0]!.SourcePolicyId).toBe('PolicyInputList.2');
  });

  it('rejects a policy that is not valid with InvalidInput', async () => {
    const error = await iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: ['{"Statement": "nope"'], ActionNames: ['s3:GetObject'] })).catch((caught: unknown) => caught as Error);
    expect((error as Error).name).toBe('InvalidInputException');
  });
});

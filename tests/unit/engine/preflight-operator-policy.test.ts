import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KeylessFailure } from '../../../shared/errors';
import { buildOperatorPolicy } from '../../../shared/plan/operator-policy';
import type { RequiredPermission } from '../../../shared/plan/operator-policy';
import { evaluate } from '../../../shared/policy/evaluate';
import { parsePolicy } from '../../../shared/policy/parse';
import { toPolicyJson } from '../../../shared/policy/serialize';
import type { PolicyDocument } from '../../../shared/policy/model';

const OPERATOR = { arn: 'arn:aws:iam::111111111111:user/keyless-restricted', account: '111111111111' };
const ROLE = 'arn:aws:iam::111111111111:role/keyless-informatica-agent';
const OTHER_ROLE = 'arn:aws:iam::111111111111:role/reporting-app-role';
const PROFILE = 'arn:aws:iam::111111111111:instance-profile/keyless-informatica-agent';
const POLICY = 'arn:aws:iam::111111111111:policy/keyless-informatica-s3-access';
const INSTANCE = 'arn:aws:ec2:us-east-1:111111111111:instance/i-0123456789abcdef0';
const PASSED_TO_EC2 = { 'iam:PassedToService': 'ec2.amazonaws.com' };

/** The document as IAM would receive it: serialised, then parsed back. */
function roundTrip(document: PolicyDocument): PolicyDocument {
  const parsed = parsePolicy(toPolicyJson(document), 'managed');
  if (!parsed.ok) throw new Error(parsed.errors.map((error) => error.message).join('; '));
  return parsed.document;
}

function decision(document: PolicyDocument, action: string, resource: string, context?: Record<string, string>): string {
  return evaluate({ request: { action, resource, principal: OPERATOR, ...(context === undefined ? {} : { context }) }, identityPolicies: [{ name: 'operator', document }] }).decision;
}

describe('buildOperatorPolicy', () => {
  it('grants iam:PassRole on the role only when passed to EC2', () => {
    const document = roundTrip(buildOperatorPolicy([{ action: 'iam:PassRole', resource: ROLE, context: PASSED_TO_EC2 }]));
    expect(document.Statement).toEqual([
      { Sid: 'PassRole', Effect: 'Allow', Action: ['iam:PassRole'], Resource: [ROLE], Condition: { StringEquals: { 'iam:PassedToService': ['ec2.amazonaws.com'] } } },
    ]);
    expect(decision(document, 'iam:PassRole', ROLE, PASSED_TO_EC2)).toBe('allowed');
    expect(decision(document, 'iam:PassRole', ROLE, { 'iam:PassedToService': 'lambda.amazonaws.com' })).toBe('implicitDeny');
    expect(decision(document, 'iam:PassRole', ROLE)).toBe('implicitDeny');
    expect(decision(document, 'iam:PassRole', OTHER_ROLE, PASSED_TO_EC2)).toBe('implicitDeny');
  });

  it('groups actions that share resources, keeps Describe calls on "*" and is independent of input order', () => {
    const permissions: RequiredPermission[] = [
      { action: 'iam:CreateRole', resource: ROLE },
      { action: 'iam:TagRole', resource: ROLE },
      { action: 'iam:CreateInstanceProfile', resource: PROFILE },
      { action: 'iam:AddRoleToInstanceProfile', resource: PROFILE },
      { action: 'ec2:AssociateIamInstanceProfile', resource: INSTANCE },
      { action: 'ec2:DescribeIamInstanceProfileAssociations', resource: '*' },
      { action: 'iam:PassRole', resource: ROLE, context: PASSED_TO_EC2 },
    ];
    const document = buildOperatorPolicy(permissions);
    expect(buildOperatorPolicy([...permissions].reverse())).toEqual(document);
    const statements = roundTrip(document).Statement;
    expect(statements.find((s) => s.Resource?.[0] === ROLE && s.Condition === undefined)?.Action).toEqual(['iam:CreateRole', 'iam:TagRole']);
    expect(statements.find((s) => s.Resource?.[0] === PROFILE)?.Action).toEqual(['iam:AddRoleToInstanceProfile', 'iam:CreateInstanceProfile']);
    expect(statements.find((s) => s.Resource?.[0] === '*')?.Action).toEqual(['ec2:DescribeIamInstanceProfileAssociations']);
    expect(new Set(statements.map((s) => s.Sid)).size).toBe(statements.length);
  });

  const ACTIONS = ['iam:CreateRole', 'iam:TagRole', 'iam:CreatePolicy', 'iam:CreatePolicyVersion', 'iam:AttachRolePolicy', 'iam:GetRole', 'ec2:AssociateIamInstanceProfile'];
  const RESOURCES = [ROLE, OTHER_ROLE, PROFILE, POLICY, INSTANCE];

  it('grants exactly the requested action/resource pairs, no other pair of the same actions and resources', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.constantFrom(...ACTIONS), fc.constantFrom(...RESOURCES)), { minLength: 1, maxLength: 12, selector: ([a, r]) => `${a} ${r}` }), (pairs) => {
        const document = roundTrip(buildOperatorPolicy(pairs.map(([action, resource]) => ({ action, resource }))));
        const wanted = new Set(pairs.map(([a, r]) => `${a} ${r}`));
        for (const action of ACTIONS) {
          for (const resource of RESOURCES) {
            expect(decision(document, action, resource)).toBe(wanted.has(`${action} ${resource}`) ? 'allowed' : 'implicitDeny');
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('refuses an empty list, wildcard actions and resources that are not ARNs', () => {
    const code = (run: () => unknown): string | undefined => {
      try {
        run();
      } catch (error) {
        return error instanceof KeylessFailure ? error.detail.code : 'other';
      }
      return undefined;
    };
    expect(code(() => buildOperatorPolicy([]))).toBe('INVALID_OPERATOR_POLICY');
    expect(code(() => buildOperatorPolicy([{ action: 'iam:*', resource: ROLE }]))).toBe('INVALID_ACTION');
    expect(code(() => buildOperatorPolicy([{ action: 'iam:CreateRole', resource: 'keyless-role' }]))).toBe('INVALID_ARN');
  });
});

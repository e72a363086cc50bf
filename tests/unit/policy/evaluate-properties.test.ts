import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/policy/evaluate';
import type { EvaluationInput } from '../../../shared/policy/evaluation-types';
import type { NamedPolicy, Statement } from '../../../shared/policy/model';

/**
 * Properties that hold for any policies: evaluation never throws, a universal Deny always
 * wins, an explicit deny is reported with Deny statements only, and without any Allow
 * nothing is allowed.
 */

const word = fc.constantFrom('s3', 'S3', 'iam', 'sts', '*', 'Get*', 'GetObject', 'ListBucket', '?', 'x', ':', '/', '${aws:username}', "${aws:username, 'd'}", '${*}', '${', '}');
const piece = fc.array(word, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
const operator = fc.constantFrom(
  'StringEquals', 'StringNotEquals', 'StringLike', 'StringNotLikeIfExists', 'ArnLike', 'ArnNotEquals', 'NumericLessThan', 'DateGreaterThan',
  'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress', 'Null', 'ForAllValues:StringLike', 'ForAnyValue:StringEquals', 'Bogus', 'NullIfExists',
);
const key = fc.constantFrom('s3:prefix', 'aws:SourceIp', 'aws:CurrentTime', 'aws:username', 'aws:TagKeys', 'sts:ExternalId');
const statement: fc.Arbitrary<Statement> = fc.record(
  {
    Sid: fc.option(fc.string({ maxLength: 6 }), { nil: undefined }),
    Effect: fc.constantFrom('Allow' as const, 'Deny' as const),
    Action: fc.option(fc.array(piece, { maxLength: 3 }), { nil: undefined }),
    NotAction: fc.option(fc.array(piece, { maxLength: 2 }), { nil: undefined }),
    Resource: fc.option(fc.array(piece, { maxLength: 3 }), { nil: undefined }),
    NotResource: fc.option(fc.array(piece, { maxLength: 2 }), { nil: undefined }),
    Principal: fc.option(fc.constantFrom('*' as const, { AWS: ['111122223333'] }, { Service: ['ec2.amazonaws.com'] }, { AWS: ['arn:aws:iam::111122223333:role/Agent'] }), { nil: undefined }),
    Condition: fc.option(fc.dictionary(operator, fc.dictionary(key, fc.array(piece, { maxLength: 3 }), { maxKeys: 2 }), { maxKeys: 2 }), { nil: undefined }),
  },
  { requiredKeys: ['Effect'] },
);
const policy = (name: string): fc.Arbitrary<NamedPolicy> =>
  fc.record({ version: fc.constantFrom('2012-10-17' as const, '2008-10-17' as const, undefined), statements: fc.array(statement, { maxLength: 4 }) }).map(({ version, statements }) => ({
    name,
    document: { ...(version === undefined ? {} : { Version: version }), Statement: statements },
  }));
const principal = fc.constantFrom(
  undefined,
  { arn: 'arn:aws:sts::111122223333:assumed-role/Agent/s', account: '111122223333' },
  { arn: 'arn:aws:iam::444455556666:user/bob', account: '444455556666' },
  { arn: 'arn:aws:iam::111122223333:root', account: '111122223333' },
  { arn: 'ec2.amazonaws.com', account: '', service: 'ec2.amazonaws.com' },
);
const input: fc.Arbitrary<EvaluationInput> = fc.record({
  action: fc.constantFrom('s3:GetObject', 's3:ListBucket', 'sts:AssumeRole', 'iam:CreateUser'),
  resource: fc.constantFrom('arn:aws:s3:::b/x', 'arn:aws:s3:::b', 'arn:aws:iam::111122223333:role/Agent', '*'),
  principal,
  context: fc.dictionary(key, fc.oneof(piece, fc.array(piece, { maxLength: 3 })), { maxKeys: 3 }),
  identity: fc.array(policy('identity'), { maxLength: 2 }),
  boundary: fc.option(policy('boundary'), { nil: undefined }),
  resourcePolicy: fc.option(policy('resource'), { nil: undefined }),
  resourceAccount: fc.constantFrom(undefined, '111122223333', '444455556666'),
}).map((r) => ({
  request: { action: r.action, resource: r.resource, context: r.context, ...(r.principal === undefined ? {} : { principal: r.principal }) },
  identityPolicies: r.identity,
  ...(r.boundary === undefined ? {} : { permissionsBoundary: r.boundary }),
  ...(r.resourcePolicy === undefined ? {} : { resourcePolicy: r.resourcePolicy }),
  ...(r.resourceAccount === undefined ? {} : { resourceAccount: r.resourceAccount }),
}));

describe('evaluate: properties over random policies', () => {
  it('never throws and always explains itself consistently', () => {
    fc.assert(
      fc.property(input, (i) => {
        const result = evaluate(i);
        expect(['allowed', 'explicitDeny', 'implicitDeny']).toContain(result.decision);
        expect(result.reason.length).toBeGreaterThan(0);
        if (result.decision === 'explicitDeny') {
          expect(result.matchedStatements.length).toBeGreaterThan(0);
          expect(result.matchedStatements.every((s) => s.effect === 'Deny')).toBe(true);
        }
        if (result.decision === 'implicitDeny') expect(result.matchedStatements).toEqual([]);
        if (result.decision === 'allowed') expect(result.matchedStatements.every((s) => s.effect === 'Allow')).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it('an identity policy denying everything always wins', () => {
    const denyAll: NamedPolicy = { name: 'deny-all', document: { Version: '2012-10-17', Statement: [{ Sid: 'DenyAll', Effect: 'Deny', Action: ['*'], Resource: ['*'] }] } };
    fc.assert(
      fc.property(input, (i) => {
        const result = evaluate({ ...i, identityPolicies: [...i.identityPolicies, denyAll] });
        expect(result.decision).toBe('explicitDeny');
        expect(result.matchedStatements.some((s) => s.sid === 'DenyAll')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('without any Allow statement nothing is allowed (except the root user in its own account)', () => {
    const onlyDenies = (p: NamedPolicy): NamedPolicy => ({ ...p, document: { ...p.document, Statement: p.document.Statement.filter((s) => s.Effect === 'Deny') } });
    fc.assert(
      fc.property(input, (i) => {
        const stripped: EvaluationInput = {
          ...i,
          identityPolicies: i.identityPolicies.map(onlyDenies),
          ...(i.resourcePolicy === undefined ? {} : { resourcePolicy: onlyDenies(i.resourcePolicy) }),
        };
        const result = evaluate(stripped);
        const root = i.request.principal?.arn.endsWith(':root') === true;
        if (!root) expect(result.decision).not.toBe('allowed');
      }),
      { numRuns: 500 },
    );
  });
});

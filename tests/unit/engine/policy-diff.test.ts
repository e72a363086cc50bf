import { describe, expect, it } from 'vitest';
import { documentDiff, samePolicy } from '../../../shared/plan/policy-normalize';

const base = { Version: '2012-10-17', Statement: [{ Sid: 'A', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'] }] };

describe('policy documents compared by meaning', () => {
  it('key order, string-vs-array and value order are not changes', () => {
    const iamForm = { Statement: { Resource: ['arn:aws:s3:::b/*', 'arn:aws:s3:::b'], Action: ['s3:ListBucket', 's3:GetObject'], Effect: 'Allow', Sid: 'A' }, Version: '2012-10-17' };
    expect(samePolicy(base, iamForm, 'managed')).toBe(true);
    expect(samePolicy(JSON.stringify(base), iamForm, 'managed')).toBe(true);
    const single = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    const arrays = { Version: '2012-10-17', Statement: [{ Action: ['sts:AssumeRole'], Principal: { Service: ['ec2.amazonaws.com'] }, Effect: 'Allow' }] };
    expect(samePolicy(single, arrays, 'trust')).toBe(true);
  });

  it('statement order is not a change; a different action or condition value is', () => {
    const two = { Version: '2012-10-17', Statement: [base.Statement[0], { Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' }] };
    const swapped = { ...two, Statement: [...two.Statement].reverse() };
    expect(samePolicy(two, swapped, 'managed')).toBe(true);
    expect(samePolicy(base, { ...base, Statement: [{ ...base.Statement[0], Action: ['s3:GetObject'] }] }, 'managed')).toBe(false);
    const withCondition = (value: string) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': value } } }] });
    expect(samePolicy(withCondition('a1'), withCondition('a1'), 'trust')).toBe(true);
    expect(samePolicy(withCondition('a1'), withCondition('b2'), 'trust')).toBe(false);
  });

  it('a diff shows before and after in normalised form, and null before for a new document', () => {
    const created = documentDiff(null, base, 'managed');
    expect(created).toMatchObject({ before: null, changed: true });
    const changed = documentDiff(base, { ...base, Statement: [{ ...base.Statement[0], Action: 's3:GetObject' }] }, 'managed');
    expect(changed.changed).toBe(true);
    expect(JSON.stringify(changed.before)).toContain('s3:ListBucket');
    expect(JSON.stringify(changed.after)).not.toContain('s3:ListBucket');
    expect(documentDiff(base, base, 'managed').changed).toBe(false);
  });

  it('a document the parser rejects still compares, by key-sorted JSON', () => {
    const odd = { Version: '2012-10-17', Statement: [{ Effect: 'Maybe', Action: 'x:Y', Resource: '*' }] };
    expect(samePolicy(odd, { Statement: [{ Resource: '*', Action: 'x:Y', Effect: 'Maybe' }], Version: '2012-10-17' }, 'managed')).toBe(true);
    expect(samePolicy(odd, base, 'managed')).toBe(false);
  });
});

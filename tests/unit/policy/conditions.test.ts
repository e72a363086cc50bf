import { describe, expect, it } from 'vitest';
import type { ContextValue } from '../../../shared/policy/evaluation-types';
import type { ConditionBlock } from '../../../shared/policy/model';
import { compileConditionBlock, evaluateConditionBlock, type ConditionOutcome } from '../../../shared/policy/eval/conditions/condition-block';
import { parseDate } from '../../../shared/policy/eval/conditions/date-operators';
import { decodeBase64 } from '../../../shared/policy/eval/conditions/binary-operator';
import { parseCidr, parseIpAddress, inRange } from '../../../shared/policy/eval/conditions/ip-address-operator';
import { EvaluationRequest } from '../../../shared/policy/eval/request';

function check(block: ConditionBlock, context: Record<string, ContextValue>, variables = true): ConditionOutcome {
  const request = new EvaluationRequest({ action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context });
  return evaluateConditionBlock(compileConditionBlock(block, variables), request);
}

const holds = (block: ConditionBlock, context: Record<string, ContextValue>, variables = true): boolean => check(block, context, variables).holds;
const one = (operator: string, key: string, values: string[]): ConditionBlock => ({ [operator]: { [key]: values } });

describe('String operators', () => {
  it('StringEquals is exact and case-sensitive, * literal', () => {
    expect(holds(one('StringEquals', 'sts:ExternalId', ['abc']), { 'sts:ExternalId': 'abc' })).toBe(true);
    expect(holds(one('StringEquals', 'sts:ExternalId', ['abc']), { 'sts:ExternalId': 'ABC' })).toBe(false);
    expect(holds(one('StringEquals', 'k', ['a*']), { k: 'abc' })).toBe(false);
    expect(holds(one('StringEquals', 'k', ['a*']), { k: 'a*' })).toBe(true);
  });

  it('StringNotEquals is true when no value matches', () => {
    expect(holds(one('StringNotEquals', 'k', ['a', 'b']), { k: 'c' })).toBe(true);
    expect(holds(one('StringNotEquals', 'k', ['a', 'b']), { k: 'b' })).toBe(false);
  });

  it('StringEqualsIgnoreCase and StringNotEqualsIgnoreCase ignore case', () => {
    expect(holds(one('StringEqualsIgnoreCase', 'k', ['Prod']), { k: 'PROD' })).toBe(true);
    expect(holds(one('StringEqualsIgnoreCase', 'k', ['Prod']), { k: 'dev' })).toBe(false);
    expect(holds(one('StringNotEqualsIgnoreCase', 'k', ['Prod']), { k: 'PROD' })).toBe(false);
    expect(holds(one('StringNotEqualsIgnoreCase', 'k', ['Prod']), { k: 'dev' })).toBe(true);
  });

  it('StringLike and StringNotLike use * and ?', () => {
    expect(holds(one('StringLike', 's3:prefix', ['folder/', 'folder/*']), { 's3:prefix': 'folder/sub/' })).toBe(true);
    expect(holds(one('StringLike', 's3:prefix', ['folder/', 'folder/*']), { 's3:prefix': 'other/' })).toBe(false);
    expect(holds(one('StringLike', 'k', ['v?']), { k: 'v1' })).toBe(true);
    expect(holds(one('StringNotLike', 'k', ['tmp/*']), { k: 'data/x' })).toBe(true);
    expect(holds(one('StringNotLike', 'k', ['tmp/*']), { k: 'tmp/x' })).toBe(false);
  });

  it('substitutes policy variables in String values (2012-10-17) but not in 2008-10-17', () => {
    expect(holds(one('StringLike', 's3:prefix', ['home/${aws:username}/*']), { 's3:prefix': 'home/ann/x', 'aws:username': 'ann' })).toBe(true);
    expect(holds(one('StringLike', 's3:prefix', ['home/${aws:username}/*']), { 's3:prefix': 'home/bob/x', 'aws:username': 'ann' })).toBe(false);
    expect(holds(one('StringEquals', 'k', ['${aws:username}']), { k: '${aws:username}', 'aws:username': 'ann' }, false)).toBe(true);
  });

  it('an unresolved variable makes the condition false and says which variable', () => {
    const outcome = check(one('StringLike', 's3:prefix', ['home/${aws:username}/*']), { 's3:prefix': 'home/ann/x' });
    expect(outcome.holds).toBe(false);
    expect(outcome.problem).toContain('${aws:username}');
  });
});

describe('ARN operators', () => {
  it('ArnEquals/ArnLike compare each of the six components with wildcards', () => {
    expect(holds(one('ArnLike', 'aws:SourceArn', ['arn:aws:sns:*:123456789012:topic-*']), { 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:topic-a' })).toBe(true);
    expect(holds(one('ArnEquals', 'aws:SourceArn', ['arn:aws:sns:*:123456789012:topic-*']), { 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:topic-a' })).toBe(true);
    expect(holds(one('ArnLike', 'aws:SourceArn', ['arn:aws:sns:*:123456789012:topic-*']), { 'aws:SourceArn': 'arn:aws:sns:us-east-1:999999999999:topic-a' })).toBe(false);
  });

  it('a * inside one component does not swallow the next component', () => {
    // Whole-string globbing would let "*" in the region run into the account; segment-wise it cannot.
    expect(holds(one('ArnLike', 'k', ['arn:aws:iam::1*:role/x']), { k: 'arn:aws:iam::123:role/x' })).toBe(true);
    expect(holds(one('ArnLike', 'k', ['arn:aws:ec2:us-*:123:instance/*']), { k: 'arn:aws:ec2:us-east-1:999:x:123:instance/i' })).toBe(false);
  });

  it('the resource component keeps its colons', () => {
    expect(holds(one('ArnLike', 'k', ['arn:aws:logs:us-east-1:123:log-group:app:*']), { k: 'arn:aws:logs:us-east-1:123:log-group:app:log-stream:s' })).toBe(true);
  });

  it('ArnNotEquals/ArnNotLike negate, and a non-ARN request value never matches', () => {
    expect(holds(one('ArnNotLike', 'aws:PrincipalArn', ['arn:aws:iam::*:role/Admin']), { 'aws:PrincipalArn': 'arn:aws:iam::1:role/Dev' })).toBe(true);
    expect(holds(one('ArnNotEquals', 'aws:PrincipalArn', ['arn:aws:iam::*:role/Admin']), { 'aws:PrincipalArn': 'arn:aws:iam::1:role/Admin' })).toBe(false);
    expect(holds(one('ArnLike', 'k', ['arn:aws:iam::*:role/*']), { k: 'not-an-arn' })).toBe(false);
  });

  it('each ARN operator has a false case too', () => {
    const role = { 'aws:PrincipalArn': 'arn:aws:iam::1:role/Dev' };
    expect(holds(one('ArnEquals', 'aws:PrincipalArn', ['arn:aws:iam::1:role/Admin']), role)).toBe(false);
    expect(holds(one('ArnNotEquals', 'aws:PrincipalArn', ['arn:aws:iam::1:role/Admin']), role)).toBe(true);
    expect(holds(one('ArnNotLike', 'aws:PrincipalArn', ['arn:aws:iam::*:role/D*']), role)).toBe(false);
  });

  it('accepts policy variables', () => {
    expect(holds(one('ArnEquals', 'k', ['arn:aws:iam::123:user/${aws:username}']), { k: 'arn:aws:iam::123:user/ann', 'aws:username': 'ann' })).toBe(true);
  });
});

describe('Numeric operators', () => {
  const cases: [string, string, boolean, boolean][] = [
    // operator, policy value, true for request 10, true for request 5
    ['NumericEquals', '10', true, false],
    ['NumericNotEquals', '10', false, true],
    ['NumericLessThan', '10', false, true],
    ['NumericLessThanEquals', '10', true, true],
    ['NumericGreaterThan', '5', true, false],
    ['NumericGreaterThanEquals', '10', true, false],
  ];
  it.each(cases)('%s %s', (operator, value, for10, for5) => {
    expect(holds(one(operator, 's3:max-keys', [value]), { 's3:max-keys': '10' })).toBe(for10);
    expect(holds(one(operator, 's3:max-keys', [value]), { 's3:max-keys': '5' })).toBe(for5);
  });

  it('compares decimals numerically, not as text', () => {
    expect(holds(one('NumericLessThan', 'k', ['10']), { k: '9.5' })).toBe(true);
    expect(holds(one('NumericEquals', 'k', ['1.0']), { k: '1' })).toBe(true);
  });

  it('a non-number makes the condition false and is explained', () => {
    const outcome = check(one('NumericLessThan', 'k', ['ten']), { k: '5' });
    expect(outcome).toMatchObject({ holds: false });
    expect(outcome.problem).toContain('NumericLessThan');
    expect(holds(one('NumericNotEquals', 'k', ['5']), { k: 'five' })).toBe(false);
  });
});

describe('Date operators', () => {
  const now = '2026-06-15T12:00:00Z';
  const cases: [string, string, boolean][] = [
    ['DateEquals', '2026-06-15T12:00:00Z', true],
    ['DateEquals', '2026-06-15T12:00:01Z', false],
    ['DateNotEquals', '2026-06-15T12:00:01Z', true],
    ['DateNotEquals', '2026-06-15T12:00:00Z', false],
    ['DateLessThan', '2026-06-15T12:00:01Z', true],
    ['DateLessThan', '2026-06-15T12:00:00Z', false],
    ['DateLessThanEquals', '2026-06-15T12:00:00Z', true],
    ['DateLessThanEquals', '2026-06-15T11:59:59Z', false],
    ['DateGreaterThan', '2026-06-15', true],
    ['DateGreaterThan', '2026-06-16', false],
    ['DateGreaterThanEquals', '2026-06-15T12:00:00Z', true],
    ['DateGreaterThanEquals', '2027', false],
  ];
  it.each(cases)('%s %s against aws:CurrentTime', (operator, value, expected) => {
    expect(holds(one(operator, 'aws:CurrentTime', [value]), { 'aws:CurrentTime': now })).toBe(expected);
  });

  it('accepts epoch seconds on either side and time-zone offsets', () => {
    const epoch = String(Date.UTC(2026, 5, 15, 12) / 1000);
    expect(holds(one('DateEquals', 'aws:EpochTime', [epoch]), { 'aws:EpochTime': epoch })).toBe(true);
    expect(holds(one('DateEquals', 'aws:CurrentTime', [epoch]), { 'aws:CurrentTime': now })).toBe(true);
    expect(holds(one('DateEquals', 'aws:CurrentTime', ['2026-06-15T14:00:00+02:00']), { 'aws:CurrentTime': now })).toBe(true);
  });

  it('parses the W3C ISO 8601 profiles and rejects impossible dates', () => {
    expect(parseDate('2026')).toBe(Date.UTC(2026, 0, 1));
    expect(parseDate('2026-02')).toBe(Date.UTC(2026, 1, 1));
    expect(parseDate('2026-02-03T04:05Z')).toBe(Date.UTC(2026, 1, 3, 4, 5));
    expect(parseDate('2026-02-03T04:05:06.789Z')).toBe(Date.UTC(2026, 1, 3, 4, 5, 6, 789));
    expect(parseDate('2026-02-30')).toBeUndefined();
    expect(parseDate('yesterday')).toBeUndefined();
  });
});

describe('Bool', () => {
  it('matches true/false in any case', () => {
    expect(holds(one('Bool', 'aws:SecureTransport', ['true']), { 'aws:SecureTransport': 'TRUE' })).toBe(true);
    expect(holds(one('Bool', 'aws:SecureTransport', ['true']), { 'aws:SecureTransport': 'false' })).toBe(false);
  });
  it('a value that is not a boolean makes the condition false', () => {
    expect(check(one('Bool', 'aws:SecureTransport', ['yes']), { 'aws:SecureTransport': 'true' }).problem).toContain('Bool');
  });
});

describe('BinaryEquals', () => {
  it('compares decoded bytes', () => {
    expect(holds(one('BinaryEquals', 'k', ['QmluYXJ5VmFsdWVJbkJhc2U2NA==']), { k: 'QmluYXJ5VmFsdWVJbkJhc2U2NA' })).toBe(true);
    expect(holds(one('BinaryEquals', 'k', ['QmluYXJ5VmFsdWVJbkJhc2U2NA==']), { k: 'QmluYXJ5' })).toBe(false);
  });
  it('decodes base-64 and rejects other text', () => {
    expect(decodeBase64('aGk=')).toEqual(Uint8Array.from([104, 105]));
    expect(decodeBase64('a$b=')).toBeUndefined();
  });
});

describe('IpAddress / NotIpAddress', () => {
  it('matches IPv4 CIDR ranges and single addresses (/32 by default)', () => {
    expect(holds(one('IpAddress', 'aws:SourceIp', ['203.0.113.0/24']), { 'aws:SourceIp': '203.0.113.77' })).toBe(true);
    expect(holds(one('IpAddress', 'aws:SourceIp', ['203.0.113.0/24']), { 'aws:SourceIp': '203.0.114.1' })).toBe(false);
    expect(holds(one('IpAddress', 'aws:SourceIp', ['203.0.113.5']), { 'aws:SourceIp': '203.0.113.5' })).toBe(true);
    expect(holds(one('IpAddress', 'aws:SourceIp', ['203.0.113.5']), { 'aws:SourceIp': '203.0.113.6' })).toBe(false);
  });

  it('matches IPv6 ranges with :: compression, never across families', () => {
    expect(holds(one('IpAddress', 'aws:SourceIp', ['2001:DB8:1234:5678::/64']), { 'aws:SourceIp': '2001:db8:1234:5678:abcd::1' })).toBe(true);
    expect(holds(one('IpAddress', 'aws:SourceIp', ['2001:DB8:1234:5678::/64']), { 'aws:SourceIp': '2001:db8:1234:5679::1' })).toBe(false);
    expect(holds(one('IpAddress', 'aws:SourceIp', ['0.0.0.0/0']), { 'aws:SourceIp': '::1' })).toBe(false);
  });

  it('NotIpAddress is true outside every listed range', () => {
    expect(holds(one('NotIpAddress', 'aws:SourceIp', ['10.0.0.0/8', '192.168.0.0/16']), { 'aws:SourceIp': '203.0.113.1' })).toBe(true);
    expect(holds(one('NotIpAddress', 'aws:SourceIp', ['10.0.0.0/8', '192.168.0.0/16']), { 'aws:SourceIp': '192.168.4.4' })).toBe(false);
  });

  it('parses addresses and ranges strictly', () => {
    expect(parseIpAddress('256.1.1.1')).toBeUndefined();
    expect(parseIpAddress('1:2:3:4:5:6:7:8:9')).toBeUndefined();
    expect(parseIpAddress('::ffff:192.0.2.1')).toEqual(Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 192, 0, 2, 1]));
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
    expect(inRange(parseIpAddress('10.1.2.3')!, parseCidr('10.0.0.0/15')!)).toBe(true);
    expect(inRange(parseIpAddress('10.2.0.0')!, parseCidr('10.0.0.0/15')!)).toBe(false);
  });
});

describe('Null', () => {
  it('"true" holds when the key is absent, "false" when it is present', () => {
    expect(holds(one('Null', 'aws:TokenIssueTime', ['true']), {})).toBe(true);
    expect(holds(one('Null', 'aws:TokenIssueTime', ['true']), { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' })).toBe(false);
    expect(holds(one('Null', 'aws:TokenIssueTime', ['false']), { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' })).toBe(true);
    expect(holds(one('Null', 'aws:TokenIssueTime', ['false']), {})).toBe(false);
  });
});

describe('missing keys and …IfExists', () => {
  it('a missing key makes a positive operator false', () => {
    expect(holds(one('StringEquals', 'sts:ExternalId', ['abc']), {})).toBe(false);
    expect(holds(one('IpAddress', 'aws:SourceIp', ['10.0.0.0/8']), {})).toBe(false);
  });

  it('a missing key makes a negated operator true', () => {
    expect(holds(one('StringNotEquals', 'k', ['a']), {})).toBe(true);
    expect(holds(one('NotIpAddress', 'aws:SourceIp', ['10.0.0.0/8']), {})).toBe(true);
    expect(holds(one('ArnNotLike', 'k', ['arn:*:*:*:*:*']), {})).toBe(true);
  });

  it('…IfExists is true when the key is missing and tests it when present', () => {
    expect(holds(one('StringLikeIfExists', 'ec2:InstanceType', ['t3.*']), {})).toBe(true);
    expect(holds(one('StringLikeIfExists', 'ec2:InstanceType', ['t3.*']), { 'ec2:InstanceType': 't3.micro' })).toBe(true);
    expect(holds(one('StringLikeIfExists', 'ec2:InstanceType', ['t3.*']), { 'ec2:InstanceType': 'm5.large' })).toBe(false);
    expect(holds(one('BoolIfExists', 'aws:MultiFactorAuthPresent', ['false']), {})).toBe(true);
  });

  it('condition key names are case-insensitive', () => {
    expect(holds(one('StringEquals', 'STS:EXTERNALID', ['abc']), { 'sts:externalid': 'abc' })).toBe(true);
  });
});

describe('ForAllValues / ForAnyValue', () => {
  const allowed = ['PostDateTime', 'Message', 'Tags'];
  it('ForAllValues holds when every request value is in the set', () => {
    expect(holds(one('ForAllValues:StringEquals', 'dynamodb:Attributes', allowed), { 'dynamodb:Attributes': ['Message', 'Tags'] })).toBe(true);
    expect(holds(one('ForAllValues:StringEquals', 'dynamodb:Attributes', allowed), { 'dynamodb:Attributes': ['PostDateTime', 'UserName'] })).toBe(false);
  });

  it('ForAllValues holds for an absent key or an empty set', () => {
    expect(holds(one('ForAllValues:StringEquals', 'aws:TagKeys', ['a']), {})).toBe(true);
    expect(holds(one('ForAllValues:StringEquals', 'aws:TagKeys', ['a']), { 'aws:TagKeys': [] })).toBe(true);
    expect(holds(one('ForAllValues:StringEquals', 'aws:TagKeys', ['a']), { 'aws:TagKeys': '' })).toBe(true);
  });

  it('ForAnyValue holds when one request value is in the set, and not for an absent key', () => {
    expect(holds(one('ForAnyValue:StringEquals', 'dynamodb:Attributes', ['ID', 'PostDateTime']), { 'dynamodb:Attributes': ['UserName', 'Message', 'PostDateTime'] })).toBe(true);
    expect(holds(one('ForAnyValue:StringEquals', 'dynamodb:Attributes', ['ID', 'PostDateTime']), { 'dynamodb:Attributes': ['UserName'] })).toBe(false);
    expect(holds(one('ForAnyValue:StringEquals', 'dynamodb:Attributes', ['ID']), {})).toBe(false);
    expect(holds(one('ForAnyValue:StringEquals', 'dynamodb:Attributes', ['ID']), { 'dynamodb:Attributes': [] })).toBe(false);
  });

  it('…IfExists makes a qualified condition true for an absent key', () => {
    expect(holds(one('ForAnyValue:StringEqualsIfExists', 'aws:TagKeys', ['env']), {})).toBe(true);
    expect(holds(one('ForAnyValue:StringEqualsIfExists', 'aws:TagKeys', ['env']), { 'aws:TagKeys': ['team'] })).toBe(false);
  });

  it('qualifiers work with negated and wildcard operators', () => {
    expect(holds(one('ForAllValues:StringNotEquals', 'aws:TagKeys', ['secret']), { 'aws:TagKeys': ['a', 'b'] })).toBe(true);
    expect(holds(one('ForAllValues:StringNotEquals', 'aws:TagKeys', ['secret']), { 'aws:TagKeys': ['a', 'secret'] })).toBe(false);
    expect(holds(one('ForAnyValue:StringNotEquals', 'aws:TagKeys', ['a']), { 'aws:TagKeys': ['a', 'b'] })).toBe(true);
    expect(holds(one('ForAnyValue:StringNotEquals', 'aws:TagKeys', ['a']), { 'aws:TagKeys': ['a'] })).toBe(false);
    expect(holds(one('ForAllValues:StringLike', 'aws:TagKeys', ['team-*']), { 'aws:TagKeys': ['team-a', 'team-b'] })).toBe(true);
  });

  it('without a qualifier, a multivalued key matches if any value matches (negated: if none does)', () => {
    expect(holds(one('StringEquals', 'aws:TagKeys', ['a']), { 'aws:TagKeys': ['x', 'a'] })).toBe(true);
    expect(holds(one('StringNotEquals', 'aws:TagKeys', ['a']), { 'aws:TagKeys': ['x', 'a'] })).toBe(false);
  });
});

describe('combining', () => {
  it('ANDs operators and keys, ORs values', () => {
    const block: ConditionBlock = {
      DateGreaterThan: { 'aws:CurrentTime': ['2019-07-16T12:00:00Z'] },
      DateLessThan: { 'aws:CurrentTime': ['2019-07-16T15:00:00Z'] },
      IpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '203.0.113.0/24'] },
    };
    expect(holds(block, { 'aws:CurrentTime': '2019-07-16T13:00:00Z', 'aws:SourceIp': '203.0.113.9' })).toBe(true);
    expect(holds(block, { 'aws:CurrentTime': '2019-07-16T16:00:00Z', 'aws:SourceIp': '203.0.113.9' })).toBe(false);
    expect(holds(block, { 'aws:CurrentTime': '2019-07-16T13:00:00Z', 'aws:SourceIp': '198.51.100.1' })).toBe(false);
    const twoKeys: ConditionBlock = { StringEquals: { 'aws:PrincipalTag/team': ['data'], 'aws:RequestedRegion': ['eu-west-1'] } };
    expect(holds(twoKeys, { 'aws:PrincipalTag/team': 'data', 'aws:RequestedRegion': 'eu-west-1' })).toBe(true);
    expect(holds(twoKeys, { 'aws:PrincipalTag/team': 'data', 'aws:RequestedRegion': 'us-east-1' })).toBe(false);
  });

  it('an unknown operator makes the condition false and is reported, never thrown', () => {
    const outcome = check(one('StringEqualz', 'k', ['a']), { k: 'a' });
    expect(outcome).toEqual({ holds: false, problem: 'condition operator "StringEqualz" is not recognised' });
    expect(check(one('NullIfExists', 'k', ['true']), {}).problem).toContain('NullIfExists');
    expect(check(one('ForSomeValues:StringEquals', 'k', ['a']), { k: 'a' }).holds).toBe(false);
  });

  it('an empty block holds', () => {
    expect(holds({}, {})).toBe(true);
  });
});

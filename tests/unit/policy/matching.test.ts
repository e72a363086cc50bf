import { describe, expect, it } from 'vitest';
import { compileGlob, globMatches } from '../../../shared/policy/eval/wildcard';
import { compileTemplate, resolveTemplate, type VariableSource } from '../../../shared/policy/eval/policy-variables';
import { describeCaller, roleArnOf } from '../../../shared/policy/eval/caller';
import { notPrincipalExempts, principalGrant } from '../../../shared/policy/eval/principal-match';
import { EvaluationRequest } from '../../../shared/policy/eval/request';

const glob = (pattern: string, value: string): boolean => globMatches(compileGlob(pattern), value);

function source(values: Record<string, string>): VariableSource {
  const lower = new Map(Object.entries(values).map(([k, v]) => [k.toLowerCase(), v]));
  return { singleValue: (key) => lower.get(key) };
}

function templateMatches(template: string, value: string, vars: Record<string, string> = {}, variables = true): boolean | undefined {
  const pattern = resolveTemplate(compileTemplate(template, { wildcards: true, variables }), source(vars));
  return pattern === undefined ? undefined : globMatches(pattern, value);
}

describe('glob matching (Action and Resource wildcards)', () => {
  it('matches literal text exactly and case-sensitively', () => {
    expect(glob('arn:aws:s3:::bucket', 'arn:aws:s3:::bucket')).toBe(true);
    expect(glob('arn:aws:s3:::bucket', 'arn:aws:s3:::Bucket')).toBe(false);
    expect(glob('arn:aws:s3:::bucket', 'arn:aws:s3:::bucket2')).toBe(false);
  });

  it('lets * match any run, including empty, / and :', () => {
    expect(glob('arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b/c.txt')).toBe(true);
    expect(glob('arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/')).toBe(true);
    expect(glob('arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/key:with:colons')).toBe(true);
    expect(glob('arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket')).toBe(false);
    expect(glob('arn:aws:iam::*:role/*', 'arn:aws:iam::123456789012:role/path/Name')).toBe(true);
  });

  it('lets ? match exactly one character', () => {
    expect(glob('s3:?etObject', 's3:GetObject')).toBe(true);
    expect(glob('s3:?etObject', 's3:etObject')).toBe(false);
    expect(glob('s3:Get?', 's3:Get')).toBe(false);
  });

  it('backtracks across several stars', () => {
    expect(glob('*a*b*c', 'xxaxxbxxbxxc')).toBe(true);
    expect(glob('*a*b*c', 'xxaxxcxxb')).toBe(false);
    expect(glob('a**b', 'ab')).toBe(true);
    expect(glob('*', '')).toBe(true);
    expect(glob('', '')).toBe(true);
    expect(glob('', 'x')).toBe(false);
  });

  it('returns the same compiled pattern for the same text (cached)', () => {
    expect(compileGlob('s3:Get*')).toBe(compileGlob('s3:Get*'));
  });
});

describe('policy variables in templates', () => {
  it('substitutes a variable from the request (key names case-insensitive)', () => {
    expect(templateMatches('arn:aws:s3:::b/${aws:username}/*', 'arn:aws:s3:::b/alice/x', { 'aws:username': 'alice' })).toBe(true);
    expect(templateMatches('arn:aws:s3:::b/${AWS:UserName}/*', 'arn:aws:s3:::b/alice/x', { 'aws:username': 'alice' })).toBe(true);
    expect(templateMatches('arn:aws:s3:::b/${aws:username}/*', 'arn:aws:s3:::b/bob/x', { 'aws:username': 'alice' })).toBe(false);
  });

  it('substitutes tag-valued variables', () => {
    expect(templateMatches('arn:aws:s3:::b/${aws:PrincipalTag/team}/*', 'arn:aws:s3:::b/data/x', { 'aws:principaltag/team': 'data' })).toBe(true);
  });

  it('is unresolved when the key is missing and there is no default', () => {
    expect(templateMatches('arn:aws:s3:::b/${aws:username}/*', 'arn:aws:s3:::b/x/y')).toBeUndefined();
  });

  it("uses the default in ${key, 'default'} when the key is missing, and the value when present", () => {
    expect(templateMatches("arn:aws:s3:::b/${aws:username, 'shared'}/*", 'arn:aws:s3:::b/shared/y')).toBe(true);
    expect(templateMatches("arn:aws:s3:::b/${aws:username,'shared'}/*", 'arn:aws:s3:::b/ann/y', { 'aws:username': 'ann' })).toBe(true);
    expect(templateMatches("arn:aws:s3:::b/${aws:username, 'shared'}/*", 'arn:aws:s3:::b/ann/y')).toBe(false);
  });

  it('treats ${*}, ${?} and ${$} as literal characters, not wildcards', () => {
    expect(templateMatches('arn:aws:s3:::b/${*}', 'arn:aws:s3:::b/*')).toBe(true);
    expect(templateMatches('arn:aws:s3:::b/${*}', 'arn:aws:s3:::b/anything')).toBe(false);
    expect(templateMatches('arn:aws:s3:::b/what${?}', 'arn:aws:s3:::b/what?')).toBe(true);
    expect(templateMatches('arn:aws:s3:::b/what${?}', 'arn:aws:s3:::b/whatX')).toBe(false);
    expect(templateMatches('arn:aws:s3:::b/${$}price', 'arn:aws:s3:::b/$price')).toBe(true);
  });

  it('treats a substituted value as literal even if it contains * or ?', () => {
    expect(templateMatches('arn:aws:s3:::b/${aws:username}', 'arn:aws:s3:::b/anyone', { 'aws:username': '*' })).toBe(false);
    expect(templateMatches('arn:aws:s3:::b/${aws:username}', 'arn:aws:s3:::b/*', { 'aws:username': '*' })).toBe(true);
  });

  it('leaves ${...} as literal text when variables are off (policy language 2008-10-17)', () => {
    expect(templateMatches('arn:aws:s3:::b/${aws:username}', 'arn:aws:s3:::b/${aws:username}', { 'aws:username': 'x' }, false)).toBe(true);
    expect(templateMatches('arn:aws:s3:::b/${aws:username}', 'arn:aws:s3:::b/x', { 'aws:username': 'x' }, false)).toBe(false);
  });

  it('folds case when asked (for the IgnoreCase operators)', () => {
    const pattern = resolveTemplate(compileTemplate('Hello-${aws:username}', { wildcards: false, variables: true }), source({ 'aws:username': 'ANN' }), true);
    expect(pattern?.text).toBe('hello-ann');
  });
});

describe('the caller', () => {
  it('recognises users, roles, sessions, root and services', () => {
    expect(describeCaller({ arn: 'arn:aws:iam::111111111111:user/dev/alice', account: '111111111111' }).kind).toBe('user');
    expect(describeCaller({ arn: 'arn:aws:iam::111111111111:role/svc/Agent', account: '111111111111' })).toMatchObject({ kind: 'role', roleName: 'Agent' });
    expect(describeCaller({ arn: 'arn:aws:sts::111111111111:assumed-role/Agent/i-0abc', account: '111111111111' })).toMatchObject({ kind: 'session', roleName: 'Agent' });
    expect(describeCaller({ arn: 'arn:aws:iam::111111111111:root', account: '111111111111' }).kind).toBe('root');
    expect(describeCaller({ arn: 'ec2.amazonaws.com', account: '', service: 'EC2.amazonaws.com' })).toMatchObject({ kind: 'service', service: 'ec2.amazonaws.com' });
    expect(describeCaller(undefined).kind).toBe('anonymous');
  });

  it('derives the role ARN of a session (in its partition)', () => {
    expect(roleArnOf(describeCaller({ arn: 'arn:aws-cn:sts::111111111111:assumed-role/Agent/s', account: '111111111111' }))).toBe('arn:aws-cn:iam::111111111111:role/Agent');
  });

  it('adds the condition keys the caller implies without overriding given ones', () => {
    const session = new EvaluationRequest({
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::b/k',
      principal: { arn: 'arn:aws:sts::111111111111:assumed-role/Agent/s', account: '111111111111' },
    });
    expect(session.values('aws:PrincipalArn')).toEqual(['arn:aws:iam::111111111111:role/Agent']);
    expect(session.values('AWS:PRINCIPALACCOUNT')).toEqual(['111111111111']);
    const user = new EvaluationRequest({
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::b/k',
      principal: { arn: 'arn:aws:iam::111111111111:user/team/alice', account: '111111111111' },
      context: { 'aws:PrincipalAccount': '999999999999' },
    });
    expect(user.values('aws:username')).toEqual(['alice']);
    expect(user.values('aws:principalaccount')).toEqual(['999999999999']);
  });
});

describe('Principal matching', () => {
  const session = describeCaller({ arn: 'arn:aws:sts::111111111111:assumed-role/Agent/i-0abc', account: '111111111111' });
  const user = describeCaller({ arn: 'arn:aws:iam::111111111111:user/alice', account: '111111111111' });
  const ec2 = describeCaller({ arn: 'ec2.amazonaws.com', account: '', service: 'ec2.amazonaws.com' });

  it('"*" and {"AWS":"*"} admit everyone', () => {
    expect(principalGrant('*', user)).toBe('everyone');
    expect(principalGrant({ AWS: ['*'] }, session)).toBe('everyone');
  });

  it('an account id or the account root ARN names the account (not another one)', () => {
    expect(principalGrant({ AWS: ['111111111111'] }, user)).toBe('account');
    expect(principalGrant({ AWS: ['arn:aws:iam::111111111111:root'] }, session)).toBe('account');
    expect(principalGrant({ AWS: ['222222222222'] }, user)).toBeUndefined();
  });

  it('a role ARN (with or without a path) matches sessions of that role only', () => {
    expect(principalGrant({ AWS: ['arn:aws:iam::111111111111:role/Agent'] }, session)).toBe('role');
    expect(principalGrant({ AWS: ['arn:aws:iam::111111111111:role/svc/Agent'] }, session)).toBe('role');
    expect(principalGrant({ AWS: ['arn:aws:iam::111111111111:role/Other'] }, session)).toBeUndefined();
    expect(principalGrant({ AWS: ['arn:aws:iam::222222222222:role/Agent'] }, session)).toBeUndefined();
  });

  it('a session ARN or user ARN matches exactly', () => {
    expect(principalGrant({ AWS: ['arn:aws:sts::111111111111:assumed-role/Agent/i-0abc'] }, session)).toBe('direct');
    expect(principalGrant({ AWS: ['arn:aws:sts::111111111111:assumed-role/Agent/other'] }, session)).toBeUndefined();
    expect(principalGrant({ AWS: ['arn:aws:iam::111111111111:user/alice'] }, user)).toBe('direct');
    expect(principalGrant({ AWS: ['arn:aws:iam::111111111111:user/Alice'] }, user)).toBeUndefined();
  });

  it('a Service principal matches the calling service, never an IAM caller', () => {
    expect(principalGrant({ Service: ['ec2.amazonaws.com'] }, ec2)).toBe('direct');
    expect(principalGrant({ Service: ['lambda.amazonaws.com'] }, ec2)).toBeUndefined();
    expect(principalGrant({ Service: ['ec2.amazonaws.com'] }, user)).toBeUndefined();
    expect(principalGrant({ AWS: ['111111111111'] }, ec2)).toBeUndefined();
  });

  it('picks the strongest grant when several entries match', () => {
    expect(principalGrant({ AWS: ['111111111111', 'arn:aws:iam::111111111111:user/alice'] }, user)).toBe('direct');
  });

  it('NotPrincipal exempts a session only when session, role and account are all listed', () => {
    const all = { AWS: ['arn:aws:sts::111111111111:assumed-role/Agent/i-0abc', 'arn:aws:iam::111111111111:role/Agent', 'arn:aws:iam::111111111111:root'] };
    expect(notPrincipalExempts(all, session)).toBe(true);
    expect(notPrincipalExempts({ AWS: ['arn:aws:sts::111111111111:assumed-role/Agent/i-0abc'] }, session)).toBe(false);
    expect(notPrincipalExempts({ AWS: ['arn:aws:iam::111111111111:user/alice', '111111111111'] }, user)).toBe(true);
    expect(notPrincipalExempts({ AWS: ['arn:aws:iam::111111111111:user/alice'] }, user)).toBe(false);
    expect(notPrincipalExempts({ Service: ['ec2.amazonaws.com'] }, ec2)).toBe(true);
  });
});

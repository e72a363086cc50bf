import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../shared/policy/parse';
import type { ParseOutcome } from '../../../shared/policy/parse';
import type { PolicyKind } from '../../../shared/policy/model';

const BUCKET = 'arn:aws:s3:::my-bucket';

function doc(statement: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ Version: '2012-10-17', ...extra, Statement: statement }, null, 2);
}

function accepted(text: string, kind: PolicyKind = 'managed') {
  const outcome = parsePolicy(text, kind);
  if (!outcome.ok) throw new Error(`expected ok, got ${JSON.stringify(outcome.errors)}`);
  return outcome.document;
}

function codes(outcome: ParseOutcome): string[] {
  return outcome.ok ? [] : outcome.errors.map((e) => e.code);
}

function rejected(text: string, kind: PolicyKind = 'managed') {
  const outcome = parsePolicy(text, kind);
  if (outcome.ok) throw new Error('expected the document to be rejected');
  for (const error of outcome.errors) {
    expect(error.message.length).toBeGreaterThan(10);
    expect(error.nextStep.length).toBeGreaterThan(5);
    expect(error.code).toMatch(/^[A-Z][A-Z_]+$/);
  }
  return outcome.errors;
}

const allowGet = { Effect: 'Allow', Action: 's3:GetObject', Resource: `${BUCKET}/*` };

describe('parsePolicy: lenient forms AWS accepts', () => {
  it('accepts Statement as a single object and normalises it to an array', () => {
    const document = accepted(doc(allowGet));
    expect(document.Statement).toEqual([{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: [`${BUCKET}/*`] }]);
  });

  it('accepts Statement as an array of objects', () => {
    expect(accepted(doc([allowGet, { ...allowGet, Effect: 'Deny' }])).Statement).toHaveLength(2);
  });

  it('accepts Action and Resource as arrays', () => {
    const document = accepted(doc([{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: [`${BUCKET}/a/*`, `${BUCKET}/b/*`] }]));
    expect(document.Statement[0]?.Action).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(document.Statement[0]?.Resource).toEqual([`${BUCKET}/a/*`, `${BUCKET}/b/*`]);
  });

  it('accepts NotAction and NotResource as strings', () => {
    const document = accepted(doc([{ Effect: 'Deny', NotAction: 's3:GetObject', NotResource: BUCKET }]));
    expect(document.Statement[0]).toEqual({ Effect: 'Deny', NotAction: ['s3:GetObject'], NotResource: [BUCKET] });
  });

  it('accepts "Action": "*" and "Resource": "*"', () => {
    expect(accepted(doc([{ Effect: 'Allow', Action: '*', Resource: '*' }])).Statement[0]?.Action).toEqual(['*']);
  });

  it('accepts Principal "*" in a trust policy', () => {
    expect(accepted(doc([{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }]), 'trust').Statement[0]?.Principal).toBe('*');
  });

  it('accepts a principal map with string and array values', () => {
    const document = accepted(doc([{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com', AWS: ['111122223333', 'arn:aws:iam::111122223333:role/agent'] }, Action: 'sts:AssumeRole' }]), 'trust');
    expect(document.Statement[0]?.Principal).toEqual({ Service: ['ec2.amazonaws.com'], AWS: ['111122223333', 'arn:aws:iam::111122223333:role/agent'] });
  });

  it('accepts a bucket policy with Principal and Resource', () => {
    const document = accepted(doc([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: `${BUCKET}/*` }]), 'resource');
    expect(document.Statement[0]?.Resource).toEqual([`${BUCKET}/*`]);
  });

  it('turns condition values that are strings, booleans or numbers (or arrays of them) into strings, keeping the written number', () => {
    const document = accepted('{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::b","Condition":{"Bool":{"aws:SecureTransport":true},"NumericLessThanEquals":{"s3:max-keys":[10, 2.50]},"StringLike":{"s3:prefix":["a/","a/*"]}}}}');
    expect(document.Statement[0]?.Condition).toEqual({ Bool: { 'aws:SecureTransport': ['true'] }, NumericLessThanEquals: { 's3:max-keys': ['10', '2.50'] }, StringLike: { 's3:prefix': ['a/', 'a/*'] } });
  });

  it('accepts operators with IfExists and set qualifiers', () => {
    const document = accepted(doc([{ ...allowGet, Condition: { 'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': ['a*'] }, Null: { 'aws:TokenIssueTime': 'false' } } }]));
    expect(Object.keys(document.Statement[0]?.Condition ?? {})).toEqual(['ForAnyValue:StringLikeIfExists', 'Null']);
  });

  it('accepts Version 2008-10-17, a missing Version, an Id and a Sid', () => {
    expect(accepted(doc([allowGet], { Version: '2008-10-17' })).Version).toBe('2008-10-17');
    const noVersion = accepted(JSON.stringify({ Id: 'x', Statement: [{ ...allowGet, Sid: 'Read' }] }));
    expect(noVersion.Version).toBeUndefined();
    expect(noVersion.Id).toBe('x');
    expect(noVersion.Statement[0]?.Sid).toBe('Read');
  });

  it('accepts the Informatica sample write policy verbatim', () => {
    const text = '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow",\n  "Action":[ "s3:PutObject", "s3:GetObject", "s3:DeleteObject", "s3:ListBucket", "s3:ListBucketMultipartUploads" ],\n  "Resource": [ "arn:aws:s3:::<bucket_name>/*", "arn:aws:s3:::<bucket_name>" ] } ] }';
    expect(accepted(text).Statement[0]?.Action).toHaveLength(5);
  });

  it('accepts ARNs with wildcards, policy variables and colons in the resource part', () => {
    accepted(doc([{ Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::b/${aws:username}/*', 'arn:aws:s3:::b/x:y:z', 'arn:*:s3:::*'] }]));
  });
});

describe('parsePolicy: what AWS rejects', () => {
  it('JSON_SYNTAX_ERROR for a trailing comma, at its line and column', () => {
    const errors = rejected('{\n  "Version": "2012-10-17",\n  "Statement": [],\n}');
    expect(errors).toEqual([expect.objectContaining({ code: 'JSON_SYNTAX_ERROR', line: 4, column: 1 })]);
    expect(errors[0]?.message).toMatch(/trailing commas/);
  });

  it('JSON_SYNTAX_ERROR for a comment, at its line and column', () => {
    const errors = rejected('{\n  // the policy\n  "Version": "2012-10-17"\n}');
    expect(errors[0]).toMatchObject({ code: 'JSON_SYNTAX_ERROR', line: 2, column: 3 });
    expect(errors[0]?.message).toMatch(/Comments are not allowed/);
  });

  it('JSON_SYNTAX_ERROR for a missing comma, pointing at the next property', () => {
    const errors = rejected('{\n  "Version": "2012-10-17"\n  "Statement": []\n}');
    expect(errors[0]).toMatchObject({ code: 'JSON_SYNTAX_ERROR', line: 3, column: 3 });
    expect(errors[0]?.message).toMatch(/Expected a comma/);
  });

  it('JSON_SYNTAX_ERROR for an unterminated string and for single quotes', () => {
    expect(rejected('{"Version": "2012-10-17')[0]).toMatchObject({ code: 'JSON_SYNTAX_ERROR', line: 1, column: 13 });
    expect(rejected("{'Version': '2012-10-17'}")[0]).toMatchObject({ code: 'JSON_SYNTAX_ERROR', line: 1, column: 2 });
  });

  it('JSON_SYNTAX_ERROR for empty text', () => {
    expect(codes(parsePolicy('', 'managed'))).toEqual(['JSON_SYNTAX_ERROR']);
    expect(codes(parsePolicy('   \n', 'managed'))).toEqual(['JSON_SYNTAX_ERROR']);
  });

  it('counts lines after CRLF and lone CR line ends', () => {
    expect(rejected('{\r\n"Version": "2012-10-17",\r\n}')[0]).toMatchObject({ line: 3, column: 1 });
    expect(rejected('{\r"Version": "2012-10-17",\r}')[0]).toMatchObject({ line: 3, column: 1 });
  });

  it('INVALID_ELEMENT_TYPE when the document is not an object', () => {
    expect(codes(parsePolicy('[]', 'managed'))).toEqual(['INVALID_ELEMENT_TYPE']);
    expect(codes(parsePolicy('"policy"', 'managed'))).toEqual(['INVALID_ELEMENT_TYPE']);
  });

  it('UNKNOWN_ELEMENT at the top level, with a case hint', () => {
    const errors = rejected(doc([allowGet], { statement: [] }));
    expect(errors).toEqual([expect.objectContaining({ code: 'UNKNOWN_ELEMENT', path: ['statement'], line: 3, column: 3 })]);
    expect(errors[0]?.message).toMatch(/did you mean "Statement"/);
  });

  it('UNKNOWN_ELEMENT in a statement', () => {
    const errors = rejected(doc([{ ...allowGet, Resources: BUCKET }]));
    expect(errors[0]).toMatchObject({ code: 'UNKNOWN_ELEMENT', path: ['Statement', 0, 'Resources'] });
  });

  it('INVALID_VERSION for another date or a non-string', () => {
    expect(rejected(doc([allowGet], { Version: '2024-01-01' }))[0]).toMatchObject({ code: 'INVALID_VERSION', path: ['Version'], line: 2, column: 14 });
    expect(codes(parsePolicy(doc([allowGet], { Version: 2012 }), 'managed'))).toEqual(['INVALID_VERSION']);
  });

  it('MISSING_STATEMENT when Statement is absent or empty; INVALID_ELEMENT_TYPE when it is a string', () => {
    expect(codes(parsePolicy('{"Version":"2012-10-17"}', 'managed'))).toEqual(['MISSING_STATEMENT']);
    expect(codes(parsePolicy(doc([]), 'managed'))).toEqual(['MISSING_STATEMENT']);
    expect(codes(parsePolicy(doc('x'), 'managed'))).toEqual(['INVALID_ELEMENT_TYPE']);
    expect(codes(parsePolicy(doc([1]), 'managed'))).toEqual(['INVALID_ELEMENT_TYPE']);
  });

  it('MISSING_EFFECT and INVALID_EFFECT', () => {
    expect(rejected(doc([{ Action: 's3:GetObject', Resource: '*' }]))[0]).toMatchObject({ code: 'MISSING_EFFECT', path: ['Statement', 0] });
    expect(rejected(doc([{ ...allowGet, Effect: 'allow' }]))[0]).toMatchObject({ code: 'INVALID_EFFECT', path: ['Statement', 0, 'Effect'] });
  });

  it('MISSING_ACTION when neither Action nor NotAction is present', () => {
    expect(codes(parsePolicy(doc([{ Effect: 'Allow', Resource: '*' }]), 'managed'))).toEqual(['MISSING_ACTION']);
  });

  it('EMPTY_ARRAY_ACTION for an empty Action list and INVALID_ELEMENT_TYPE for a non-string action', () => {
    expect(codes(parsePolicy(doc([{ ...allowGet, Action: [] }]), 'managed'))).toEqual(['EMPTY_ARRAY_ACTION']);
    expect(rejected(doc([{ ...allowGet, Action: ['s3:GetObject', 3] }]))[0]).toMatchObject({ code: 'INVALID_ELEMENT_TYPE', path: ['Statement', 0, 'Action', 1] });
    expect(codes(parsePolicy(doc([{ ...allowGet, Action: { a: 1 } }]), 'managed'))).toEqual(['INVALID_ELEMENT_TYPE']);
  });

  it('INVALID_ACTION_FORMAT for an action without a service prefix', () => {
    expect(rejected(doc([{ ...allowGet, Action: ['s3:GetObject', 'GetObject'] }]))[0]).toMatchObject({ code: 'INVALID_ACTION_FORMAT', path: ['Statement', 0, 'Action', 1] });
    expect(codes(parsePolicy(doc([{ ...allowGet, Action: 's3:Get Object' }]), 'managed'))).toEqual(['INVALID_ACTION_FORMAT']);
  });

  it('UNSUPPORTED_ELEMENT_COMBINATION for Action with NotAction, Resource with NotResource, Principal with NotPrincipal', () => {
    expect(codes(parsePolicy(doc([{ ...allowGet, NotAction: 's3:PutObject' }]), 'managed'))).toEqual(['UNSUPPORTED_ELEMENT_COMBINATION']);
    expect(codes(parsePolicy(doc([{ ...allowGet, NotResource: BUCKET }]), 'managed'))).toEqual(['UNSUPPORTED_ELEMENT_COMBINATION']);
    expect(codes(parsePolicy(doc([{ Effect: 'Deny', Principal: '*', NotPrincipal: { AWS: '111122223333' }, Action: 's3:*', Resource: '*' }]), 'resource'))).toEqual(['UNSUPPORTED_ELEMENT_COMBINATION']);
  });

  it('MISSING_RESOURCE in identity and resource policies', () => {
    expect(codes(parsePolicy(doc([{ Effect: 'Allow', Action: 's3:GetObject' }]), 'inline'))).toEqual(['MISSING_RESOURCE']);
    expect(codes(parsePolicy(doc([{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject' }]), 'resource'))).toEqual(['MISSING_RESOURCE']);
  });

  it('UNSUPPORTED_RESOURCE_IN_TRUST_POLICY for Resource in a trust policy', () => {
    expect(codes(parsePolicy(doc([{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole', Resource: '*' }]), 'trust'))).toEqual(['UNSUPPORTED_RESOURCE_IN_TRUST_POLICY']);
  });

  it('INVALID_ARN for a resource that is neither "*" nor an ARN', () => {
    expect(rejected(doc([{ ...allowGet, Resource: [BUCKET, 'my-bucket/*'] }]))[0]).toMatchObject({ code: 'INVALID_ARN', path: ['Statement', 0, 'Resource', 1] });
    for (const bad of ['arn:aws:s3:::', 'arn:aws:s3', 'arn::s3:::b', 'arn:aws::::b', 's3://bucket', 'arn:aws:s3:::bucket name', '']) {
      expect(codes(parsePolicy(doc([{ ...allowGet, Resource: bad }]), 'managed'))).toEqual(['INVALID_ARN']);
    }
  });

  it('accepts spaces inside an S3 object path (folder "Sales Data"), but no other whitespace', () => {
    expect(parsePolicy(doc([{ ...allowGet, Resource: 'arn:aws:s3:::my-bucket/Sales Data/*' }]), 'managed').ok).toBe(true);
    for (const bad of ['arn:aws:s3:::my-bucket/Sales\tData/*', 'arn:aws:s3:::my-bucket/Sales/ ', 'arn:aws:s3:::my bucket/x']) {
      expect(codes(parsePolicy(doc([{ ...allowGet, Resource: bad }]), 'managed'))).toEqual(['INVALID_ARN']);
    }
  });

  it('UNSUPPORTED_PRINCIPAL for Principal or NotPrincipal in managed, inline and boundary policies', () => {
    for (const kind of ['managed', 'inline', 'boundary'] as const) {
      expect(codes(parsePolicy(doc([{ ...allowGet, Principal: '*' }]), kind))).toEqual(['UNSUPPORTED_PRINCIPAL']);
    }
    expect(codes(parsePolicy(doc([{ ...allowGet, Effect: 'Deny', NotPrincipal: { AWS: '111122223333' } }]), 'managed'))).toEqual(['UNSUPPORTED_PRINCIPAL']);
  });

  it('MISSING_PRINCIPAL in trust and resource policies', () => {
    expect(codes(parsePolicy(doc([{ Effect: 'Allow', Action: 'sts:AssumeRole' }]), 'trust'))).toEqual(['MISSING_PRINCIPAL']);
    expect(codes(parsePolicy(doc([allowGet]), 'resource'))).toEqual(['MISSING_PRINCIPAL']);
  });

  it('NOT_PRINCIPAL_WITH_ALLOW, while NotPrincipal with Deny is accepted', () => {
    expect(codes(parsePolicy(doc([{ ...allowGet, NotPrincipal: { AWS: '111122223333' } }]), 'resource'))).toEqual(['NOT_PRINCIPAL_WITH_ALLOW']);
    accepted(doc([{ ...allowGet, Effect: 'Deny', NotPrincipal: { AWS: '111122223333' } }]), 'resource');
  });

  it('INVALID_PRINCIPAL_KEY and INVALID_PRINCIPAL_FORMAT', () => {
    const trust = (principal: unknown) => parsePolicy(doc([{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }]), 'trust');
    expect(codes(trust({ aws: '111122223333' }))).toEqual(['INVALID_PRINCIPAL_KEY']);
    expect(codes(trust('arn:aws:iam::111122223333:root'))).toEqual(['INVALID_PRINCIPAL_FORMAT']);
    expect(codes(trust({}))).toEqual(['INVALID_PRINCIPAL_FORMAT']);
    expect(codes(trust({ AWS: 'my-role' }))).toEqual(['INVALID_PRINCIPAL_FORMAT']);
    expect(codes(trust({ AWS: '1111' }))).toEqual(['INVALID_PRINCIPAL_FORMAT']);
    expect(codes(trust({ Service: '' }))).toEqual(['INVALID_PRINCIPAL_FORMAT']);
    expect(codes(trust(5))).toEqual(['INVALID_PRINCIPAL_FORMAT']);
  });

  it('INVALID_CONDITION_OPERATOR, INVALID_CONDITION_KEY_FORMAT, INVALID_CONDITION_VALUE', () => {
    const withCondition = (condition: unknown) => parsePolicy(doc([{ ...allowGet, Condition: condition }]), 'managed');
    expect(codes(withCondition({ StringEqual: { 'aws:SourceIp': 'x' } }))).toEqual(['INVALID_CONDITION_OPERATOR']);
    expect(codes(withCondition({ NullIfExists: { 'aws:SourceIp': 'true' } }))).toEqual(['INVALID_CONDITION_OPERATOR']);
    expect(codes(withCondition({ StringEquals: { SourceIp: 'x' } }))).toEqual(['INVALID_CONDITION_KEY_FORMAT']);
    expect(codes(withCondition({ StringEquals: { 'aws:SourceIp': null } }))).toEqual(['INVALID_CONDITION_VALUE']);
    expect(codes(withCondition({ StringEquals: { 'aws:SourceIp': [{ a: 1 }] } }))).toEqual(['INVALID_CONDITION_VALUE']);
    expect(codes(withCondition({ StringEquals: 'x' }))).toEqual(['INVALID_ELEMENT_TYPE']);
    expect(codes(withCondition([]))).toEqual(['INVALID_ELEMENT_TYPE']);
  });

  it('DUPLICATE_KEYS_WITH_DIFFERENT_CASE for condition keys that differ only in case', () => {
    expect(codes(parsePolicy(doc([{ ...allowGet, Condition: { StringEquals: { 'aws:SourceVpc': 'a', 'aws:sourcevpc': 'b' } } }]), 'managed'))).toEqual(['DUPLICATE_KEYS_WITH_DIFFERENT_CASE']);
  });

  it('DUPLICATE_KEY at the top level and inside a statement, at the second occurrence', () => {
    const errors = rejected('{\n"Version": "2012-10-17",\n"Version": "2012-10-17",\n"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Action": "s3:PutObject", "Resource": "*"}}');
    expect(errors.map((e) => [e.code, e.path, e.line, e.column])).toEqual([
      ['DUPLICATE_KEY', ['Version'], 3, 1],
      ['DUPLICATE_KEY', ['Statement', 'Action'], 4, 60],
    ]);
  });

  it('INVALID_ELEMENT_TYPE for a non-string Sid or Id', () => {
    expect(codes(parsePolicy(doc([{ ...allowGet, Sid: 1 }]), 'managed'))).toEqual(['INVALID_ELEMENT_TYPE']);
    expect(codes(parsePolicy(doc([allowGet], { Id: [] }), 'managed'))).toEqual(['INVALID_ELEMENT_TYPE']);
  });

  it('INVALID_POLICY_CHARACTER for characters IAM does not accept, at their position', () => {
    const errors = rejected('{"Version": "2012-10-17",\n "Statement": {"Sid": "读取", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}');
    expect(errors).toEqual([expect.objectContaining({ code: 'INVALID_POLICY_CHARACTER', line: 2, column: 24 })]);
    expect(errors[0]?.message).toContain('U+8BFB');
    expect(codes(parsePolicy('{"Version": "2012-10-17", "Id": "a\u0001"}', 'managed'))).toEqual(['INVALID_POLICY_CHARACTER']);
  });

  it('accepts Latin-1 characters and \\u escapes of any character', () => {
    accepted(doc([{ ...allowGet, Condition: { StringEquals: { 'aws:PrincipalTag/team': ['Läsen', 'café'] } } }]));
    const escaped = accepted('{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"\\u8bfb"}}}}');
    expect(escaped.Statement[0]?.Condition).toEqual({ StringEquals: { 'aws:PrincipalTag/team': ['读'] } });
  });

  it('reports every problem of a document, not just the first', () => {
    expect(codes(parsePolicy(doc([{ Effect: 'Maybe', Action: 'GetObject', Resource: 'bucket', Extra: 1 }]), 'managed')).sort()).toEqual(['INVALID_ACTION_FORMAT', 'INVALID_ARN', 'INVALID_EFFECT', 'UNKNOWN_ELEMENT']);
  });

  it('JSON_NESTING_TOO_DEEP instead of exhausting the stack', () => {
    const deep = `{"Version":"2012-10-17","Statement":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(codes(parsePolicy(deep, 'resource'))).toEqual(['POLICY_DOCUMENT_TOO_LONG']);
    const lessDeep = `{"Statement":${'['.repeat(5_000)}${']'.repeat(5_000)}}`;
    expect(rejected(lessDeep, 'resource')[0]).toMatchObject({ code: 'JSON_NESTING_TOO_DEEP', line: 1, column: 45 });
  });

  it('JSON_NESTING_TOO_DEEP also where a quote in a comment or an unterminated string could hide the brackets (found by fuzzing)', () => {
    const nested = `${'['.repeat(6_000)}1${']'.repeat(6_000)}`;
    expect(codes(parsePolicy(`{"Statement": /* " */ ${nested}}`, 'resource'))).toEqual(['JSON_NESTING_TOO_DEEP']);
    // The string ends at the line break, as the parser sees it; the brackets after it are structure.
    expect(codes(parsePolicy(`{"Sid": "open\n${nested}}`, 'resource'))).toEqual(['JSON_NESTING_TOO_DEEP']);
  });
});

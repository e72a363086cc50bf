import { describe, expect, it } from 'vitest';
import { buildPermissionsPolicy } from '../../../shared/policy/build/permissions-policy';
import type { PolicyDocument } from '../../../shared/policy/model';
import { policySizeWithoutWhitespace, toPolicyJson } from '../../../shared/policy/serialize';

describe('toPolicyJson', () => {
  it('writes keys in AWS order whatever order the model object has', () => {
    const document = {
      Statement: [
        {
          Condition: { StringEquals: { 'sts:ExternalId': ['x1'] } },
          NotResource: ['arn:aws:s3:::b'],
          Action: ['sts:AssumeRole'],
          Principal: { Service: ['ec2.amazonaws.com'], AWS: ['arn:aws:iam::111122223333:root'] },
          Effect: 'Allow',
          Sid: 'S1',
        },
      ],
      Id: 'policy-1',
      Version: '2012-10-17',
    } as unknown as PolicyDocument;
    const text = toPolicyJson(document, { indent: 0 });
    expect(text).toBe(
      '{"Version":"2012-10-17","Id":"policy-1","Statement":[{"Sid":"S1","Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:root"],"Service":["ec2.amazonaws.com"]},"Action":["sts:AssumeRole"],"NotResource":["arn:aws:s3:::b"],"Condition":{"StringEquals":{"sts:ExternalId":["x1"]}}}]}',
    );
  });

  it('writes Principal "*" as a string and round-trips through JSON.parse', () => {
    const document: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', NotPrincipal: '*', NotAction: ['s3:*'] }] };
    expect(JSON.parse(toPolicyJson(document))).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', NotPrincipal: '*', NotAction: ['s3:*'] }] });
  });

  it('indents by 2 by default', () => {
    expect(toPolicyJson({ Statement: [] })).toBe('{\n  "Statement": []\n}');
  });

  it('escapes characters beyond U+00FF so the text stays within IAM\'s character set', () => {
    const text = toPolicyJson(buildPermissionsPolicy({ bucket: 'acme', folder: '日本/café', access: 'read', advancedMode: false, partition: 'aws' }));
    expect(text).toContain('\\u65e5\\u672c/café');
    expect([...text].every((ch) => ch === '\n' || ((ch.codePointAt(0) ?? 0) >= 0x20 && (ch.codePointAt(0) ?? 0) <= 0xff))).toBe(true);
    const parsed = JSON.parse(text) as { Statement: { Resource: string[] }[] };
    expect(parsed.Statement[2]?.Resource).toEqual(['arn:aws:s3:::acme/日本/café/*']);
  });
});

describe('policySizeWithoutWhitespace', () => {
  it('ignores whitespace outside strings and counts it inside', () => {
    expect(policySizeWithoutWhitespace('{ "a b" : [ 1 ,\n\t2 ] }')).toBe('{"a b":[1,2]}'.length);
  });
  it('handles escaped quotes inside strings', () => {
    expect(policySizeWithoutWhitespace('{"k": "a\\" b"}')).toBe('{"k":"a\\" b"}'.length);
  });
  it('is the same for the pretty and the compact form of a document', () => {
    const document = buildPermissionsPolicy({ bucket: 'acme', folder: 'a b', access: 'write', advancedMode: true, partition: 'aws' });
    expect(policySizeWithoutWhitespace(toPolicyJson(document))).toBe(toPolicyJson(document, { indent: 0 }).length);
  });
});

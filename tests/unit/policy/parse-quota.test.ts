import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../shared/policy/parse';
import type { PolicyKind } from '../../../shared/policy/model';
import { POLICY_SIZE_QUOTAS, countedPolicyCharacters } from '../../../shared/policy/quotas';

/**
 * A document whose size without whitespace is exactly `size`. The oracle is JSON.stringify:
 * its compact form has no whitespace outside strings, so its length is what IAM counts; the
 * parser is given the indented form, whose extra whitespace must not count.
 */
function documentOfSize(kind: PolicyKind, size: number): string {
  const statement = (pad: string): Record<string, unknown> => {
    const condition = { StringEquals: { 'aws:PrincipalTag/team': pad } };
    return kind === 'trust'
      ? { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: condition }
      : kind === 'resource'
        ? { Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: condition }
        : { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: condition };
  };
  const build = (pad: string) => ({ Version: '2012-10-17', Statement: [statement(pad)] });
  const base = JSON.stringify(build('')).length;
  // Spaces inside a string value count: the pad mixes them in.
  const pad = 'ab '.repeat(size).slice(0, size - base);
  const compact = JSON.stringify(build(pad));
  expect(compact.length).toBe(size);
  return JSON.stringify(build(pad), null, 4);
}

const KINDS: readonly PolicyKind[] = ['managed', 'inline', 'trust', 'boundary', 'resource'];

describe('policy size quotas (whitespace outside strings not counted)', () => {
  it('has the documented numbers: managed 6,144, inline 10,240, trust 2,048', () => {
    expect(POLICY_SIZE_QUOTAS).toMatchObject({ managed: 6144, inline: 10240, trust: 2048, boundary: 6144 });
  });

  for (const kind of KINDS) {
    const quota = POLICY_SIZE_QUOTAS[kind];
    it(`${kind}: exactly ${quota} characters passes`, () => {
      const outcome = parsePolicy(documentOfSize(kind, quota), kind);
      expect(outcome.ok).toBe(true);
      expect(outcome.ok && outcome.warnings.map((w) => w.code)).toEqual(['POLICY_SIZE_NEAR_QUOTA']);
    });
    it(`${kind}: ${quota + 1} characters fails with POLICY_SIZE_EXCEEDS_QUOTA`, () => {
      const outcome = parsePolicy(documentOfSize(kind, quota + 1), kind);
      expect(outcome.ok).toBe(false);
      expect(!outcome.ok && outcome.errors).toEqual([expect.objectContaining({ code: 'POLICY_SIZE_EXCEEDS_QUOTA' })]);
      expect(!outcome.ok && outcome.errors[0]?.message).toContain(`${quota + 1} characters`);
    });
  }

  it('a small policy gets no size warning', () => {
    const outcome = parsePolicy(documentOfSize('managed', 500), 'managed');
    expect(outcome.ok && outcome.warnings).toEqual([]);
  });

  it('counts escaped quotes and backslashes inside strings, and no whitespace outside', () => {
    expect(countedPolicyCharacters('{ "a" : "x \\" y" }')).toBe(JSON.stringify({ a: 'x " y' }).length);
    expect(countedPolicyCharacters('{"a":"\\\\"}\n\t ')).toBe(JSON.stringify({ a: '\\' }).length);
  });

  it('POLICY_DOCUMENT_TOO_LONG above the API limit of 131,072 characters, whitespace included', () => {
    const text = `{"Version":"2012-10-17",${' '.repeat(131_072)}"Statement":[]}`;
    const outcome = parsePolicy(text, 'managed');
    expect(!outcome.ok && outcome.errors.map((e) => e.code)).toEqual(['POLICY_DOCUMENT_TOO_LONG']);
  });
});

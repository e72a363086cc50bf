import { describe, expect, it } from 'vitest';
import { accountOfArn, loadPolicy, loadPrincipal } from '../../../electron/core/sandbox/gateway/stored-policies';

describe('policies loaded for simulation', () => {
  const text = ['{', '  "Version": "2012-10-17",', '  "Statement": [', '    { "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*" },', '    { "Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*" }', '  ]', '}'].join('\n');

  it('keeps where each statement starts, for MatchedStatements positions', () => {
    const outcome = loadPolicy({ name: 'reader', text, sourceType: 'role' }, 'inline');
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.loaded.policy.name).toBe('reader');
    expect(outcome.loaded.statementStart(0)?.line).toBe(4);
    expect(outcome.loaded.statementStart(1)?.line).toBe(5);
    expect(outcome.loaded.statementStart(1)?.line).not.toBe(outcome.loaded.statementStart(0)?.line);
  });

  it('a policy that cannot be read is refused naming the policy', () => {
    const outcome = loadPolicy({ name: 'broken', text: '{"Statement": "nope"', sourceType: 'user' }, 'inline');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toMatch(/^Policy broken cannot be read: /);
  });

  it("a principal's identity policies and boundary load together; one unreadable policy fails the whole principal", () => {
    const loaded = loadPrincipal({ identity: [{ name: 'reader', text, sourceType: 'user-managed' }], boundary: { name: 'fence', text, sourceType: 'none' } });
    expect(loaded.ok && loaded.principal.boundary?.policy.name).toBe('fence');
    const failed = loadPrincipal({ identity: [{ name: 'reader', text, sourceType: 'role' }, { name: 'broken', text: '[', sourceType: 'role' }] });
    expect(failed).toMatchObject({ ok: false });
  });

  it('reads the account of IAM, STS and S3-style ARNs that carry one', () => {
    expect(accountOfArn('arn:aws:iam::111111111111:role/connector')).toBe('111111111111');
    expect(accountOfArn('arn:aws:sts::222222222222:assumed-role/r/s')).toBe('222222222222');
    expect(accountOfArn('arn:aws:s3:::keyless-bucket')).toBeUndefined();
  });
});

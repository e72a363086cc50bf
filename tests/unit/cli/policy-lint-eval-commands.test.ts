import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keyless } from '../../support/cli-harness';
import type { CliRun } from '../../support/cli-harness';
import { buildPermissionsPolicy } from '../../../shared/policy/build/permissions-policy';
import { buildTrustPolicy } from '../../../shared/policy/build/trust-policy';
import { toPolicyJson } from '../../../shared/policy/serialize';


/** Offline commands run with an empty environment. */
function keylessOffline(args: string[], stdin = ''): Promise<CliRun> {
  return keyless(args, { stdin, isolatedEnv: true });
}

const dir = mkdtempSync(join(tmpdir(), 'keyless-policy-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const folderWrite = toPolicyJson(buildPermissionsPolicy({ bucket: 'acme-landing', folder: 'sales', access: 'write', advancedMode: false, partition: 'aws' }));
const goodPolicy = file('good.json', folderWrite);
const misspelled = file(
  'misspelled.json',
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObjekt', Resource: 'arn:aws:s3:::acme-landing/*' }] }),
);
const brokenJson = file('broken.json', '{ "Version": "2012-10-17", "Statement": [ }');
const withDeny = file(
  'deny.json',
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'ReadAll', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-landing/*' },
      { Sid: 'NoSecrets', Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::acme-landing/secret/*' },
    ],
  }),
);

describe('keyless policy lint', () => {
  it('a builder document has no error-level finding: exit 0', async () => {
    const result = await keylessOffline(['policy', 'lint', goodPolicy]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^0 error\(s\), /m);
  });

  it('an unknown action is an error finding with its location: exit 1', async () => {
    const result = await keylessOffline(['policy', 'lint', misspelled]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^error INVALID_ACTION at \d+:\d+ \$\.Statement\[0\]\.Action\[0\]: .*GetObject/m);
  });

  it('--json prints the findings array', async () => {
    const result = await keylessOffline(['policy', 'lint', misspelled, '--json']);
    expect(result.code).toBe(1);
    const findings = JSON.parse(result.stdout) as { severity: string; code: string; path: unknown[] }[];
    expect(findings.find((f) => f.code === 'INVALID_ACTION')).toMatchObject({ severity: 'error', path: ['Statement', 0, 'Action', 0] });
  });

  it('reads standard input for "-" and applies --kind', async () => {
    const trust = toPolicyJson(buildTrustPolicy({ trusted: { kind: 'account', accountId: '444455556666' }, partition: 'aws' }));
    const asTrust = await keylessOffline(['policy', 'lint', '-', '--kind', 'trust', '--json', '--agent-account', '111122223333'], trust);
    expect(asTrust.code).toBe(0);
    const codes = (JSON.parse(asTrust.stdout) as { code: string }[]).map((f) => f.code);
    expect(codes).toContain('CROSS_ACCOUNT_TRUST_WITHOUT_EXTERNAL_ID');
    // The same document as a permissions policy: Principal is not allowed there.
    const asManaged = await keylessOffline(['policy', 'lint', '-', '--json'], trust);
    expect(asManaged.code).toBe(1);
  });

  it('checks the Informatica needs with --access', async () => {
    const readOnly = file('read.json', toPolicyJson(buildPermissionsPolicy({ bucket: 'acme-landing', access: 'read', advancedMode: false, partition: 'aws' })));
    const result = await keylessOffline(['policy', 'lint', readOnly, '--access', 'write', '--json']);
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as { code: string }[]).map((f) => f.code)).toContain('INFA_MISSING_PUT_OBJECT');
  });

  it.each([
    [() => ['policy', 'lint', brokenJson], /^keyless: .*broken\.json is not valid JSON at line 1, column \d+: .*\n {2}next: Fix the JSON syntax/],
    [() => ['policy', 'lint', join(dir, 'missing.json')], /^keyless: Cannot read the policy file .*missing\.json: no such file\./],
    [() => ['policy', 'lint', goodPolicy, '--kind', 'scp'], /^keyless: --kind must be one of managed, inline, trust, boundary, not "scp"\./],
    [() => ['policy', 'lint', goodPolicy, '--partition', 'aws-iso'], /Unknown AWS partition "aws-iso"/],
  ])('bad input → exit 2 with a message and next step (%#)', async (args, message) => {
    const result = await keylessOffline(args());
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });
});

describe('keyless policy eval', () => {
  const object = 'arn:aws:s3:::acme-landing/sales/2024/orders.csv';

  it('--json prints exactly the decision and the matched statements: allowed → exit 0', async () => {
    const result = await keylessOffline(['policy', 'eval', goodPolicy, '--action', 's3:PutObject', '--resource', object, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      decision: 'allowed',
      matchedStatements: [{ policy: goodPolicy, statementIndex: 2, sid: 'ObjectAccess', effect: 'Allow' }],
    });
  });

  it('implicit deny outside the folder: exit 1', async () => {
    const result = await keylessOffline(['policy', 'eval', goodPolicy, '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::acme-landing/hr/pay.csv', '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({ decision: 'implicitDeny', matchedStatements: [] });
  });

  it('explicit deny wins, and the human form says why', async () => {
    const result = await keylessOffline(['policy', 'eval', withDeny, '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::acme-landing/secret/key.pem']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^explicitDeny: Denied: .*NoSecrets/);
  });

  it('--context feeds condition keys (ListBucket scoped by s3:prefix), from standard input', async () => {
    const args = ['policy', 'eval', '-', '--action', 's3:ListBucket', '--resource', 'arn:aws:s3:::acme-landing', '--json'];
    const inside = await keylessOffline([...args, '--context', 's3:prefix=sales/2024/'], folderWrite);
    expect(inside.code).toBe(0);
    expect((JSON.parse(inside.stdout) as { decision: string }).decision).toBe('allowed');
    const outside = await keylessOffline([...args, '--context', 's3:prefix=hr/'], folderWrite);
    expect((JSON.parse(outside.stdout) as { decision: string }).decision).toBe('implicitDeny');
    const none = await keylessOffline(args, folderWrite);
    expect((JSON.parse(none.stdout) as { decision: string }).decision).toBe('implicitDeny');
  });

  it.each([
    [() => ['policy', 'eval', brokenJson, '--action', 's3:GetObject', '--resource', object], /is not valid JSON at line 1/],
    [() => ['policy', 'eval', misspelled.replace('misspelled', 'nope'), '--action', 's3:GetObject', '--resource', object], /Cannot read the policy file/],
    [() => ['policy', 'eval', goodPolicy, '--resource', object], /^keyless: --action is missing\.\n {2}next: Add --action s3:GetObject\./],
    [() => ['policy', 'eval', goodPolicy, '--action', 's3:GetObject'], /--resource is missing/],
    [() => ['policy', 'eval', goodPolicy, '--action', 's3:GetObject', '--resource', object, '--context', 'novalue'], /--context "novalue" is not of the form key=value/],
    [() => ['policy', 'eval', goodPolicy, '--action', 's3:GetObject', '--resource', object, '--kind', 'trust'], /evaluates identity policies/],
    [() => ['policy', 'eval', file('bad-version.json', '{"Version":"2011-01-01","Statement":[]}'), '--action', 's3:GetObject', '--resource', object], /^keyless: The policy in .* is not valid \(line 1/],
  ])('bad input → exit 2 (%#)', async (args, message) => {
    const result = await keylessOffline(args());
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/\n {2}next: .+\n$/);
  });

  it('--help states the exit status', async () => {
    const result = await keylessOffline(['policy', 'eval', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Exit status: 0 allowed, 1 denied');
  });
});

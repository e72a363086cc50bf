import { describe, expect, it } from 'vitest';
import { keyless } from '../../support/cli-harness';
import type { CliRun } from '../../support/cli-harness';
import { buildPermissionsPolicy } from '../../../shared/policy/build/permissions-policy';
import { buildTrustPolicy } from '../../../shared/policy/build/trust-policy';
import { toPolicyJson } from '../../../shared/policy/serialize';


/** Offline commands run with an empty environment. */
function keylessOffline(...args: string[]): Promise<CliRun> {
  return keyless(args, { isolatedEnv: true });
}

describe('keyless policy permissions', () => {
  it('prints the builder\'s document for the options given', async () => {
    const result = await keylessOffline('policy', 'permissions', '--bucket', 'acme-landing', '--folder', 'sales/in', '--access', 'write', '--advanced', '--partition', 'aws-us-gov');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `${toPolicyJson(buildPermissionsPolicy({ bucket: 'acme-landing', folder: 'sales/in', access: 'write', advancedMode: true, partition: 'aws-us-gov' }))}\n`,
    );
  });

  it('defaults to read access in the aws partition', async () => {
    const result = await keylessOffline('policy', 'permissions', '--bucket', 'acme-landing');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(toPolicyJson(buildPermissionsPolicy({ bucket: 'acme-landing', access: 'read', advancedMode: false, partition: 'aws' }))));
  });

  it('adds the KMS statement for --kms-key-arn', async () => {
    const key = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const result = await keylessOffline('policy', 'permissions', '--bucket', 'acme-landing', '--kms-key-arn', key);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { Statement: { Resource: string[] }[] }).Statement[3]?.Resource).toEqual([key]);
  });

  it.each([
    [['--bucket', 'Acme_Landing'], /^keyless: "Acme_Landing" is not a valid S3 bucket name: .*lowercase letters.*\n {2}next: /],
    [['--bucket', 'acme-landing', '--folder', 'sales/'], /^keyless: Folder path "sales\/" is not valid: it ends with "\/" — remove the trailing slash\.\n {2}next: /],
    [['--bucket', 'acme-landing', '--partition', 'aws-iso'], /^keyless: Unknown AWS partition "aws-iso"; Keyless supports aws, aws-cn, aws-us-gov\.\n/],
    [['--bucket', 'acme-landing', '--access', 'full'], /^keyless: --access must be "read" or "write", not "full"\.\n {2}next: Use --access read or --access write\.\n$/],
    [['--folder', 'x'], /^keyless: The bucket is missing\.\n {2}next: Add --bucket <name>/],
  ])('bad input %j → exit 2 with what is wrong and the fix', async (args, message) => {
    const result = await keylessOffline('policy', 'permissions', ...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it('an unknown option is a usage error (exit 2)', async () => {
    const result = await keylessOffline('policy', 'permissions', '--bucket', 'acme-landing', '--bukcet', 'x');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown option '--bukcet'/);
  });

  it('--help lists every option with what it does', async () => {
    const result = await keylessOffline('policy', 'permissions', '--help');
    expect(result.code).toBe(0);
    for (const option of ['--bucket <name>', '--folder <path>', '--access <level>', '--advanced', '--kms-key-arn <arn>', '--partition <partition>']) {
      expect(result.stdout).toContain(option);
    }
    expect(result.stdout.replace(/\s+/g, " ")).toMatch(/no slash at either end/);
  });
});

describe('keyless policy trust', () => {
  it('trusts the EC2 service by default, partition-aware', async () => {
    const result = await keylessOffline('policy', 'trust', '--partition', 'aws-cn');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${toPolicyJson(buildTrustPolicy({ trusted: { kind: 'ec2Service' }, partition: 'aws-cn' }))}\n`);
  });

  it('trusts an account with an External Id', async () => {
    const result = await keylessOffline('policy', 'trust', '--trusted-account', '444455556666', '--external-id', 'acme-7f3a');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${toPolicyJson(buildTrustPolicy({ trusted: { kind: 'account', accountId: '444455556666' }, externalId: 'acme-7f3a', partition: 'aws' }))}\n`);
  });

  it('trusts a role', async () => {
    const arn = 'arn:aws:iam::111122223333:role/agent';
    const result = await keylessOffline('policy', 'trust', '--trusted-role-arn', arn);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { Statement: { Principal: unknown }[] }).Statement[0]?.Principal).toEqual({ AWS: [arn] });
  });

  it.each([
    [['--trusted-account', '4444-5555-6666'], /12 digits \(remove the separators: 444455556666\)/],
    [['--external-id', 'abc'], /External Id cannot be required of the EC2 service/],
    [['--trusted-account', '444455556666', '--trusted-role-arn', 'arn:aws:iam::111122223333:role/a'], /were both given/],
    [['--partition', 'aws-eu'], /Unknown AWS partition "aws-eu"/],
  ])('bad input %j → exit 2', async (args, message) => {
    const result = await keylessOffline('policy', 'trust', ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/\n {2}next: /);
  });
});

describe('keyless policy assume', () => {
  it('prints sts:AssumeRole on exactly the connector role', async () => {
    const arn = 'arn:aws:iam::111122223333:role/informatica/s3-connector';
    const result = await keylessOffline('policy', 'assume', '--connector-role-arn', arn);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ Version: '2012-10-17', Statement: [{ Sid: 'AssumeConnectorRole', Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: [arn] }] });
  });

  it.each([
    [[], /The connector role ARN is missing/],
    [['--connector-role-arn', 's3-connector'], /"s3-connector" is not an IAM role ARN/],
    [['--connector-role-arn', 'arn:aws:iam::111122223333:role/c', '--partition', 'aws-cn'], /partition "aws" but the policy is for "aws-cn"/],
  ])('bad input %j → exit 2', async (args, message) => {
    const result = await keylessOffline('policy', 'assume', ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { keyless } from '../../support/cli-harness';
import type { CliRun } from '../../support/cli-harness';
import { draftExportInput } from '../../../shared/export/draft-export';
import { exportTerraform } from '../../../shared/export/terraform';


/** Offline commands run with an empty environment. */
function keylessOffline(...args: string[]): Promise<CliRun> {
  return keyless(args, { isolatedEnv: true });
}

const outDir = mkdtempSync(join(tmpdir(), 'keyless-export-cli-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const BUCKET = ['--bucket', 'acme-landing', '--folder', 'sales/in', '--access', 'write'];

describe('keyless export', () => {
  it('terraform to standard output: the same text as the exporter, from the same options', async () => {
    const result = await keylessOffline('export', '--format', 'terraform', ...BUCKET, '--role-name', 'agent', '--policy-name', 's3', '--path', '/informatica/', '--tag', 'team=data', '--tag', 'note=a=b');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const expected = exportTerraform(
      draftExportInput({
        setup: 'instanceRole',
        bucket: 'acme-landing',
        folder: 'sales/in',
        access: 'write',
        advancedMode: false,
        partition: 'aws',
        roleName: 'agent',
        policyName: 's3',
        instanceProfileName: 'agent',
        path: '/informatica/',
        tags: [
          { key: 'team', value: 'data' },
          { key: 'note', value: 'a=b' },
        ],
      }),
    );
    expect(result.stdout).toBe(expected[0]!.content);
    await expect(parseHcl('main.tf', result.stdout)).resolves.toBeTruthy();
  });

  it('json to standard output: one object, file name → document', async () => {
    const result = await keylessOffline('export', '--format', 'json', ...BUCKET, '--setup', 'b', '--account-id', '111122223333', '--external-id', 'xid-42');
    expect(result.code).toBe(0);
    const files = JSON.parse(result.stdout) as Record<string, { Statement: unknown[] }>;
    expect(Object.keys(files).sort()).toEqual([
      'keyless-assume-s3-connector.policy.json',
      'keyless-informatica-agent.trust-policy.json',
      'keyless-informatica-s3-access.policy.json',
      'keyless-informatica-s3-connector.trust-policy.json',
    ]);
    expect(JSON.stringify(files['keyless-informatica-s3-connector.trust-policy.json'])).toContain('"sts:ExternalId":["xid-42"]');
  });

  it('cloudformation --out writes one template file', async () => {
    const target = join(outDir, 'template.yaml');
    const result = await keylessOffline('export', '--format', 'cloudformation', ...BUCKET, '--instance-id', 'i-0123456789abcdef0', '--out', target);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`wrote ${target}\n`);
    const template = parseYaml(readFileSync(target, 'utf8')) as { Resources: Record<string, unknown>; Description: string };
    expect(Object.keys(template.Resources)).toEqual(['S3AccessPolicy', 'InstanceRole', 'AgentInstanceProfile']);
    expect(template.Description).toContain('outside CloudFormation');
  });

  it('aws-cli --out writes an executable script', async () => {
    const target = join(outDir, 'setup.sh');
    const result = await keylessOffline('export', '--format', 'aws-cli', ...BUCKET, '--instance-id', 'i-0123456789abcdef0', '--out', target);
    expect(result.code).toBe(0);
    expect(statSync(target).mode & 0o111).not.toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('set -euo pipefail');
  });

  it('setup c writes one file per account into the --out folder', async () => {
    const folder = join(outDir, 'cross');
    const result = await keylessOffline('export', '--format', 'terraform', ...BUCKET, '--setup', 'c', '--account-id', '111122223333', '--trusted-account', '444455556666', '--out', folder);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`wrote ${join(folder, 'bucket-account/main.tf')}\nwrote ${join(folder, 'agent-account/main.tf')}\n`);
    expect(readFileSync(join(folder, 'agent-account/main.tf'), 'utf8')).toContain('resource "aws_iam_instance_profile" "agent"');
  });

  it('setup c to standard output: each file under a comment header', async () => {
    const result = await keylessOffline('export', '--format', 'aws-cli', ...BUCKET, '--setup', 'c', '--account-id', '111122223333', '--trusted-account', '444455556666');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# ==== bucket-account\/keyless-setup\.sh ====\n#!\/usr\/bin\/env bash/);
    expect(result.stdout).toContain('\n# ==== agent-account/keyless-setup.sh ====\n');
  });

  it('reports a write failure without an INVALID code (exit 1)', async () => {
    const blocker = join(outDir, 'a-file');
    writeFileSync(blocker, '');
    const result = await keylessOffline('export', '--format', 'json', ...BUCKET, '--out', join(blocker, 'sub'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^keyless: Could not write the export to .*a-file\/sub: .*\n {2}next: This export has several files: give --out a folder/);
  });

  it.each([
    [[...BUCKET], /^keyless: The export format is missing\.\n {2}next: Add --format with one of: json, terraform, cloudformation, aws-cli\./],
    [['--format', 'pulumi', ...BUCKET], /^keyless: Unknown export format "pulumi"\./],
    [['--format', 'json', '--bucket', 'acme..landing'], /two adjacent periods/],
    [['--format', 'json', '--bucket', 'acme-landing', '--folder', '/sales'], /starts with "\/"/],
    [['--format', 'json', ...BUCKET, '--partition', 'aws-iso-b'], /Unknown AWS partition "aws-iso-b"/],
    [['--format', 'json', ...BUCKET, '--setup', 'd'], /--setup must be a, b or c, not "d"/],
    [['--format', 'json', ...BUCKET, '--setup', 'b'], /Setup B needs the account id of the roles/],
    [['--format', 'json', ...BUCKET, '--setup', 'c', '--account-id', '111122223333'], /Setup C needs the agent's account id/],
    [['--format', 'json', ...BUCKET, '--external-id', 'abc'], /EC2 never sends one/],
    [['--format', 'json', ...BUCKET, '--tag', 'novalue'], /--tag "novalue" is not of the form key=value/],
    [['--format', 'json', ...BUCKET, '--role-name', 'agent role'], /role name "agent role" contains " "/],
    [['--format', 'json', ...BUCKET, '--path', 'informatica'], /must be "\/" or begin and end with "\/"/],
    [['--format', 'json', ...BUCKET, '--boundary-arn', 'arn:aws:iam::111122223333:role/x'], /not a managed policy ARN/],
    [['--format', 'json', ...BUCKET, '--instance-id', 'i-123'], /not an EC2 instance id/],
    [['--format', 'json', ...BUCKET, '--region', 'cn-north-1'], /belongs to partition "aws-cn", not "aws"/],
  ])('bad input %j → exit 2 with what is wrong and how to fix it', async (args, message) => {
    const result = await keylessOffline('export', ...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/\n {2}next: .+\n$/);
  });

  it('--help documents every builder and naming option', async () => {
    const result = await keylessOffline('export', '--help');
    expect(result.code).toBe(0);
    for (const option of [
      '--format', '--out', '--bucket', '--folder', '--access', '--advanced', '--kms-key-arn', '--partition', '--role-name', '--policy-name', '--profile-name',
      '--path', '--boundary-arn', '--tag', '--setup', '--account-id', '--trusted-account', '--connector-role-name', '--assume-policy-name', '--external-id', '--instance-id', '--region',
    ]) {
      expect(result.stdout).toContain(option);
    }
  });
});

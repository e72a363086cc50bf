import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { afterAll, describe, expect, it } from 'vitest';
import { draftExportInput } from '../../../shared/export/draft-export';
import type { ExportInput } from '../../../shared/export/export-input';
import { exportTerraform } from '../../../shared/export/terraform';
import { toPolicyJson } from '../../../shared/policy/serialize';
import { AGENT_ACCOUNT, draftFor, SETUPS } from './export-fixtures';

type Block = Record<string, unknown>;
type Parsed = { resource: Record<string, Record<string, Block[]>>; output: Record<string, Block[]> };

async function parseHcl(name: string, content: string): Promise<Parsed> {
  return (await parse(name, content)) as Parsed;
}

function only(parsed: Parsed, type: string, label: string): Block {
  const blocks = parsed.resource[type]?.[label];
  expect(blocks, `${type}.${label}`).toHaveLength(1);
  return blocks![0]!;
}

/** Terraform's JSON form keeps template escapes; undoing them gives the document Terraform sends. */
function policyFromHcl(value: unknown): unknown {
  expect(typeof value).toBe('string');
  return JSON.parse((value as string).replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{'));
}

describe('Terraform export', () => {
  const workdir = mkdtempSync(join(tmpdir(), 'keyless-tf-'));
  afterAll(() => rmSync(workdir, { recursive: true, force: true }));

  it('the machine\'s terraform parses every file and finds it already formatted (terraform fmt -check)', () => {
    const files: string[] = [];
    for (const setup of SETUPS) {
      for (const file of exportTerraform(draftExportInput(draftFor(setup, { tags: [{ key: 'team', value: 'data' }, { key: 'cost:centre', value: 'cc=42' }, { key: 'é', value: 'x' }] })))) {
        const path = join(workdir, `${setup}-${file.name.replace('/', '-')}`);
        writeFileSync(path, file.content);
        files.push(path);
      }
    }
    const result = spawnSync('terraform', ['fmt', '-check', '-diff', '-no-color', ...files], { encoding: 'utf8', env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' } });
    expect(result.error).toBeUndefined();
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);

  it('setup A: policy, role, attachment and instance profile with path, tags and boundary', async () => {
    const input = draftExportInput(draftFor('instanceRole'));
    const files = exportTerraform(input);
    expect(files.map((f) => f.name)).toEqual(['main.tf']);
    const parsed = await parseHcl('main.tf', files[0]!.content);
    expect(Object.keys(parsed.resource).sort()).toEqual(['aws_iam_instance_profile', 'aws_iam_policy', 'aws_iam_role', 'aws_iam_role_policy_attachment']);
    const tags = { team: 'data platform', 'cost:centre': 'cc=42/+@' };

    const policy = only(parsed, 'aws_iam_policy', 's3_access');
    expect(policy).toMatchObject({ name: 'informatica-s3-access', path: '/informatica/', tags });
    expect(policyFromHcl(policy.policy)).toEqual(JSON.parse(toPolicyJson(input.documents.permissions)));

    const role = only(parsed, 'aws_iam_role', 'instance_role');
    expect(role).toMatchObject({ name: 'informatica-agent', path: '/informatica/', permissions_boundary: 'arn:aws:iam::111122223333:policy/boundaries/informatica', tags });
    expect(policyFromHcl(role.assume_role_policy)).toEqual(JSON.parse(toPolicyJson(input.documents.instanceRoleTrust)));

    expect(only(parsed, 'aws_iam_role_policy_attachment', 'instance_role_s3_access')).toEqual({
      role: '${aws_iam_role.instance_role.name}',
      policy_arn: '${aws_iam_policy.s3_access.arn}',
    });
    expect(only(parsed, 'aws_iam_instance_profile', 'agent')).toMatchObject({ name: 'informatica-agent-profile', path: '/informatica/', role: '${aws_iam_role.instance_role.name}' });
    expect(Object.keys(parsed.output).sort()).toEqual(['instance_profile_name', 'instance_role_arn']);
    expect(files[0]!.content).toContain("aws ec2 associate-iam-instance-profile --region 'us-east-1' --instance-id 'i-0123456789abcdef0'");
  });

  it('escapes "${" in policies as "$${" (a folder with "*" becomes the ${*} policy variable)', async () => {
    const input = draftExportInput(draftFor('instanceRole'));
    const content = exportTerraform(input)[0]!.content;
    expect(content).toContain('arn:aws:s3:::acme-landing/sales/in$${*}/*');
    expect(content).not.toMatch(/[^$]\$\{\*\}/);
    const policy = only(await parseHcl('main.tf', content), 'aws_iam_policy', 's3_access');
    expect(policyFromHcl(policy.policy)).toEqual(JSON.parse(toPolicyJson(input.documents.permissions)));
  });

  it('escapes policy variables and %{ in documents and quotes in descriptions', async () => {
    const base = draftExportInput(draftFor('instanceRole', { permissionsBoundaryArn: undefined, tags: [] }));
    const permissions = {
      Version: '2012-10-17' as const,
      Statement: [{ Sid: 'Home', Effect: 'Allow' as const, Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::acme-landing/home/${aws:username}/%{x}/"q"/*'] }],
    };
    const input: ExportInput = { ...base, documents: { ...base.documents, permissions } };
    const parsed = await parseHcl('main.tf', exportTerraform(input)[0]!.content);
    const policy = only(parsed, 'aws_iam_policy', 's3_access');
    expect(policy.policy).toContain('$${aws:username}/%%{x}');
    expect(policyFromHcl(policy.policy)).toEqual(permissions);
    expect(policy.tags).toBeUndefined();
    expect(only(parsed, 'aws_iam_role', 'instance_role').permissions_boundary).toBeUndefined();
  });

  it('escapes quotes, backslashes and template sequences in paths', async () => {
    const path = '/a"b/\\c/${HOME}/%{x}/';
    const parsed = await parseHcl('main.tf', exportTerraform(draftExportInput(draftFor('instanceRole', { path })))[0]!.content);
    expect(only(parsed, 'aws_iam_role', 'instance_role').path).toBe('/a"b/\\c/$${HOME}/%%{x}/');
  });

  it('setup B: two roles, the connector role depends on the instance role it trusts', async () => {
    const input = draftExportInput(draftFor('assumeConnectorRole'));
    const parsed = await parseHcl('main.tf', exportTerraform(input)[0]!.content);
    expect(Object.keys(parsed.resource.aws_iam_role!).sort()).toEqual(['connector_role', 'instance_role']);
    expect(Object.keys(parsed.resource.aws_iam_policy!).sort()).toEqual(['assume_connector_role', 's3_access']);
    expect(Object.keys(parsed.resource.aws_iam_role_policy_attachment!).sort()).toEqual(['connector_role_s3_access', 'instance_role_assume_connector_role']);
    const connector = only(parsed, 'aws_iam_role', 'connector_role');
    expect(connector.depends_on).toEqual(['${aws_iam_role.instance_role}']);
    expect(policyFromHcl(connector.assume_role_policy)).toEqual(JSON.parse(toPolicyJson(input.documents.connectorRoleTrust!)));
    expect(policyFromHcl(only(parsed, 'aws_iam_policy', 'assume_connector_role').policy)).toEqual(JSON.parse(toPolicyJson(input.documents.assume!)));
    expect(only(parsed, 'aws_iam_instance_profile', 'agent').role).toBe('${aws_iam_role.instance_role.name}');
  });

  it('setup C: one root module per account; only the agent account has the instance profile', async () => {
    const files = exportTerraform(draftExportInput(draftFor('crossAccount')));
    expect(files.map((f) => f.name)).toEqual(['bucket-account/main.tf', 'agent-account/main.tf']);
    const bucket = await parseHcl('b.tf', files[0]!.content);
    const agent = await parseHcl('a.tf', files[1]!.content);
    expect(Object.keys(bucket.resource.aws_iam_role!)).toEqual(['connector_role']);
    expect(bucket.resource.aws_iam_instance_profile).toBeUndefined();
    expect(only(bucket, 'aws_iam_role', 'connector_role').depends_on).toBeUndefined();
    expect(Object.keys(agent.resource.aws_iam_role!)).toEqual(['instance_role']);
    expect(only(agent, 'aws_iam_instance_profile', 'agent').name).toBe('informatica-agent-profile');
    expect(files[1]!.content).toContain(`# Apply with credentials of account ${AGENT_ACCOUNT}.`);
  });
});

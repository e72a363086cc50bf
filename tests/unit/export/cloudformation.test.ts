import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportCloudFormation } from '../../../shared/export/cloudformation';
import { draftExportInput } from '../../../shared/export/draft-export';
import { toPolicyJson } from '../../../shared/policy/serialize';
import { AGENT_ACCOUNT, draftFor } from './export-fixtures';

type Template = {
  AWSTemplateFormatVersion: string;
  Description: string;
  Resources: Record<string, { Type: string; DependsOn?: string; Properties: Record<string, unknown> }>;
  Outputs: Record<string, unknown>;
};

const workdir = mkdtempSync(join(tmpdir(), 'keyless-cfn-'));
afterAll(() => rmSync(workdir, { recursive: true, force: true }));

const inputs = {
  a: draftExportInput(draftFor('instanceRole')),
  aMinimal: draftExportInput(draftFor('instanceRole', { folder: undefined, kmsKeyArn: undefined, tags: [], permissionsBoundaryArn: undefined, instanceId: undefined, region: undefined, path: '/' })),
  b: draftExportInput(draftFor('assumeConnectorRole')),
  c: draftExportInput(draftFor('crossAccount')),
};

describe('CloudFormation export', () => {
  it('every template passes cfn-lint with no findings', () => {
    const files: string[] = [];
    for (const [label, input] of Object.entries(inputs)) {
      for (const file of exportCloudFormation(input)) {
        const path = join(workdir, `${label}-${file.name.replace('/', '-')}`);
        writeFileSync(path, file.content);
        files.push(path);
      }
    }
    expect(files).toHaveLength(5);
    const result = spawnSync('cfn-lint', files, { encoding: 'utf8' });
    expect(result.error).toBeUndefined();
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 240_000);

  it('setup A: ManagedPolicy, Role and InstanceProfile with the documents, path, tags and boundary', () => {
    const files = exportCloudFormation(inputs.a);
    expect(files.map((f) => f.name)).toEqual(['template.yaml']);
    const template = parse(files[0]!.content) as Template;
    expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(Object.fromEntries(Object.entries(template.Resources).map(([id, r]) => [id, r.Type]))).toEqual({
      S3AccessPolicy: 'AWS::IAM::ManagedPolicy',
      InstanceRole: 'AWS::IAM::Role',
      AgentInstanceProfile: 'AWS::IAM::InstanceProfile',
    });
    const policy = template.Resources.S3AccessPolicy!.Properties;
    expect(policy.ManagedPolicyName).toBe('informatica-s3-access');
    expect(policy.Path).toBe('/informatica/');
    expect(policy.PolicyDocument).toEqual(JSON.parse(toPolicyJson(inputs.a.documents.permissions)));
    const role = template.Resources.InstanceRole!.Properties;
    expect(role).toMatchObject({
      RoleName: 'informatica-agent',
      Path: '/informatica/',
      PermissionsBoundary: 'arn:aws:iam::111122223333:policy/boundaries/informatica',
      ManagedPolicyArns: [{ Ref: 'S3AccessPolicy' }],
      Tags: [
        { Key: 'team', Value: 'data platform' },
        { Key: 'cost:centre', Value: 'cc=42/+@' },
      ],
    });
    expect(role.AssumeRolePolicyDocument).toEqual(JSON.parse(toPolicyJson(inputs.a.documents.instanceRoleTrust)));
    expect(template.Resources.AgentInstanceProfile!.Properties).toEqual({ InstanceProfileName: 'informatica-agent-profile', Path: '/informatica/', Roles: [{ Ref: 'InstanceRole' }] });
  });

  it('says in a comment and in the Description that the instance association is outside CloudFormation, and how to do it', () => {
    const content = exportCloudFormation(inputs.a)[0]!.content;
    const template = parse(content) as Template;
    expect(template.Description).toMatch(/EC2 instance association is outside CloudFormation/);
    expect(template.Description).toContain("aws ec2 associate-iam-instance-profile --region 'us-east-1' --instance-id 'i-0123456789abcdef0'");
    expect(content).toMatch(/^# .*outside\n# CloudFormation/m);
    expect(exportCloudFormation(inputs.aMinimal)[0]!.content).toContain('--instance-id <instance-id>');
  });

  it('keeps version dates and account ids as strings', () => {
    const content = exportCloudFormation(inputs.c)[0]!.content;
    expect(content).toContain('Version: "2012-10-17"');
    const template = parse(content, { version: '1.1' }) as Template;
    const trust = template.Resources.ConnectorRole!.Properties.AssumeRolePolicyDocument as { Version: unknown };
    expect(trust.Version).toBe('2012-10-17');
  });

  it('escapes YAML-significant characters in names and paths', () => {
    const path = "/a:b/#c/'q'/\"d\"/!x/&y/*z/{}/[]/";
    const template = parse(exportCloudFormation(draftExportInput(draftFor('instanceRole', { path, roleName: 'yes', policyName: '0123', instanceProfileName: 'null' })))[0]!.content, { version: '1.1' }) as Template;
    expect(template.Resources.InstanceRole!.Properties.Path).toBe(path);
    expect(template.Resources.InstanceRole!.Properties.RoleName).toBe('yes');
    expect(template.Resources.S3AccessPolicy!.Properties.ManagedPolicyName).toBe('0123');
    expect(template.Resources.AgentInstanceProfile!.Properties.InstanceProfileName).toBe('null');
  });

  it('setup B: the connector role DependsOn the instance role it trusts', () => {
    const template = parse(exportCloudFormation(inputs.b)[0]!.content) as Template;
    expect(Object.keys(template.Resources).sort()).toEqual(['AgentInstanceProfile', 'AssumeConnectorRolePolicy', 'ConnectorRole', 'InstanceRole', 'S3AccessPolicy']);
    expect(template.Resources.ConnectorRole!.DependsOn).toBe('InstanceRole');
    expect(template.Resources.ConnectorRole!.Properties.ManagedPolicyArns).toEqual([{ Ref: 'S3AccessPolicy' }]);
    expect(template.Resources.InstanceRole!.Properties.ManagedPolicyArns).toEqual([{ Ref: 'AssumeConnectorRolePolicy' }]);
    expect(template.Outputs.ConnectorRoleArn).toEqual(expect.objectContaining({ Value: { 'Fn::GetAtt': ['ConnectorRole', 'Arn'] } }));
  });

  it('setup C: one template per account', () => {
    const files = exportCloudFormation(inputs.c);
    expect(files.map((f) => f.name)).toEqual(['bucket-account/template.yaml', 'agent-account/template.yaml']);
    const bucket = parse(files[0]!.content) as Template;
    const agent = parse(files[1]!.content) as Template;
    expect(Object.keys(bucket.Resources).sort()).toEqual(['ConnectorRole', 'S3AccessPolicy']);
    expect(Object.keys(agent.Resources).sort()).toEqual(['AgentInstanceProfile', 'AssumeConnectorRolePolicy', 'InstanceRole']);
    expect(files[1]!.content).toContain(`# Deploy in account ${AGENT_ACCOUNT}.`);
  });
});

import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportAwsCliScript } from '../../../shared/export/aws-cli-script';
import { draftExportInput } from '../../../shared/export/draft-export';
import type { ExportInput } from '../../../shared/export/export-input';
import { toPolicyJson } from '../../../shared/policy/serialize';
import { AGENT_ACCOUNT, BUCKET_ACCOUNT, draftFor, SETUPS } from './export-fixtures';

const root = mkdtempSync(join(tmpdir(), 'keyless-aws-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const binDir = join(root, 'bin');
mkdirSync(binDir);
copyFileSync(join(import.meta.dirname, 'fixtures', 'fake-aws.sh'), join(binDir, 'aws'));
chmodSync(join(binDir, 'aws'), 0o755);

let runs = 0;

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** `service operation` of each call, in order. */
  readonly calls: readonly string[];
  readonly rawCalls: readonly string[];
}

function newState(knobs: Record<string, string> = {}): string {
  runs += 1;
  const state = join(root, `state-${runs}`);
  mkdirSync(state);
  for (const [file, content] of Object.entries(knobs)) writeFileSync(join(state, file), content);
  return state;
}

function runScript(content: string, state: string, env: Record<string, string> = {}): Run {
  const script = join(state, `script-${Date.now()}.sh`);
  writeFileSync(script, content);
  writeFileSync(join(state, 'calls.log'), '');
  const result = spawnSync('bash', [script], { encoding: 'utf8', env: { ...process.env, PATH: `${binDir}:${process.env.PATH ?? ''}`, FAKE_AWS_STATE: state, ...env } });
  const rawCalls = readFileSync(join(state, 'calls.log'), 'utf8').split('\n').filter((line) => line !== '');
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, rawCalls, calls: rawCalls.map((line) => line.split(' ').slice(0, 2).join(' ')) };
}

function scriptFor(input: ExportInput, index = 0): string {
  return exportAwsCliScript(input)[index]!.content;
}

const setupA = draftExportInput(draftFor('instanceRole'));
const setupB = draftExportInput(draftFor('assumeConnectorRole'));
const setupC = draftExportInput(draftFor('crossAccount'));

/** The machine's AWS CLI, found before the fake is put first on PATH. */
const realAws = spawnSync('bash', ['-c', 'command -v aws'], { encoding: 'utf8' }).stdout.trim();

const ROLE_CALLS = ['iam get-policy', 'iam create-policy', 'iam get-role', 'iam create-role', 'iam attach-role-policy'];
const PROFILE_CALLS = ['iam get-instance-profile', 'iam create-instance-profile', 'iam get-instance-profile', 'iam add-role-to-instance-profile', 'iam wait'];

describe('AWS CLI script export', () => {
  it('is bash with strict mode, and every script passes bash -n', () => {
    for (const setup of SETUPS) {
      for (const file of exportAwsCliScript(draftExportInput(draftFor(setup)))) {
        expect(file.content.startsWith('#!/usr/bin/env bash\n')).toBe(true);
        expect(file.content).toContain('\nset -euo pipefail\n');
        const path = join(root, `syntax-${setup}-${file.name.replace('/', '-')}`);
        writeFileSync(path, file.content);
        const check = spawnSync('bash', ['-n', path], { encoding: 'utf8' });
        expect(check.stderr).toBe('');
        expect(check.status).toBe(0);
      }
    }
  });

  it('every kind of call is accepted by the machine\'s AWS CLI (parsed offline, stopped at "no credentials")', () => {
    expect(realAws, 'the aws CLI must be on PATH').not.toBe('');
    const fresh = newState({ account: BUCKET_ACCOUNT });
    const setupRun = runScript(scriptFor(setupB), fresh, { REAL_AWS: realAws });
    const replaceState = newState({ association: 'iip-assoc-0abc\tarn:aws:iam::111122223333:instance-profile/other\n' });
    const replaceRun = runScript(scriptFor(setupA), replaceState, { REAL_AWS: realAws });
    for (const [run, state] of [[setupRun, fresh], [replaceRun, replaceState]] as const) {
      expect(existsSync(join(state, 'invalid.log')) ? readFileSync(join(state, 'invalid.log'), 'utf8') : '').toBe('');
      expect(run.status).toBe(0);
    }
    const validated = [fresh, replaceState].flatMap((state) => readFileSync(join(state, 'validated'), 'utf8').split('\n')).filter((line) => line !== '');
    expect(new Set(validated)).toEqual(
      new Set([
        'sts get-caller-identity',
        'iam get-policy',
        'iam create-policy',
        'iam get-role',
        'iam create-role',
        'iam attach-role-policy',
        'iam get-instance-profile',
        'iam create-instance-profile',
        'iam add-role-to-instance-profile',
        'iam wait',
        'ec2 describe-iam-instance-profile-associations',
        'ec2 associate-iam-instance-profile',
        'ec2 replace-iam-instance-profile-association',
      ]),
    );
  }, 240_000);

  it('setup A, first run: creates policy, role, profile, then associates the profile with the instance', () => {
    const state = newState();
    const run = runScript(scriptFor(setupA), state);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.calls).toEqual([
      'sts get-caller-identity',
      ...ROLE_CALLS,
      ...PROFILE_CALLS,
      'ec2 describe-iam-instance-profile-associations',
      'ec2 associate-iam-instance-profile',
    ]);
    expect(run.rawCalls).toContain('iam wait instance-profile-exists --instance-profile-name informatica-agent-profile');
    expect(run.rawCalls.at(-1)).toBe(
      'ec2 associate-iam-instance-profile --region us-east-1 --instance-id i-0123456789abcdef0 --iam-instance-profile {"Name":"informatica-agent-profile"}',
    );
    // The documents reach the AWS CLI intact through the heredoc files, "${*}" included.
    expect(readFileSync(join(state, 'policy.informatica-s3-access'), 'utf8')).toBe(`${toPolicyJson(setupA.documents.permissions)}\n`);
    expect(readFileSync(join(state, 'role.informatica-agent'), 'utf8')).toBe(`${toPolicyJson(setupA.documents.instanceRoleTrust)}\n`);
    expect(run.rawCalls.find((c) => c.startsWith('iam create-role'))).toContain(
      '--permissions-boundary arn:aws:iam::111122223333:policy/boundaries/informatica --tags [{"Key":"team","Value":"data platform"},{"Key":"cost:centre","Value":"cc=42/+@"}]',
    );
  });

  it('is re-runnable: a second run creates nothing and leaves its own association alone', () => {
    const state = newState();
    expect(runScript(scriptFor(setupA), state).status).toBe(0);
    const again = runScript(scriptFor(setupA), state);
    expect(again.status).toBe(0);
    expect(again.calls).toEqual([
      'sts get-caller-identity',
      'iam get-policy',
      'iam get-role',
      'iam attach-role-policy',
      'iam get-instance-profile',
      'iam get-instance-profile',
      'iam wait',
      'ec2 describe-iam-instance-profile-associations',
    ]);
    expect(again.stdout).toContain('Role informatica-agent exists; kept as it is.');
    expect(again.stdout).toContain('already uses instance profile informatica-agent-profile; nothing to change');
  });

  it('replaces another profile on the instance, with a warning that other applications are affected', () => {
    const state = newState({ association: 'iip-assoc-0abc\tarn:aws:iam::111122223333:instance-profile/ops-shared-profile\n' });
    const run = runScript(scriptFor(setupA), state);
    expect(run.status).toBe(0);
    expect(run.calls.slice(-2)).toEqual(['ec2 describe-iam-instance-profile-associations', 'ec2 replace-iam-instance-profile-association']);
    expect(run.rawCalls.at(-1)).toContain('--association-id iip-assoc-0abc --iam-instance-profile {"Name":"informatica-agent-profile"}');
    expect(run.stderr).toMatch(/^WARNING: instance i-0123456789abcdef0 already has instance profile arn:aws:iam::111122223333:instance-profile\/ops-shared-profile\. Replacing it .* every other application on that instance\.$/m);
  });

  it('retries the association while the new profile propagates to EC2', () => {
    const state = newState({ 'associate-fails': '1' });
    const run = runScript(scriptFor(setupA), state);
    expect(run.status).toBe(0);
    expect(run.calls.filter((c) => c === 'ec2 associate-iam-instance-profile')).toHaveLength(2);
    expect(run.stderr).toContain('Waiting 2s for IAM changes to propagate (attempt 1 of 8)');
  });

  it('stops, changing nothing, when the profile already carries another role', () => {
    const state = newState({ 'profile.informatica-agent-profile': 'someone-elses-role' });
    const run = runScript(scriptFor(setupA), state);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('instance profile informatica-agent-profile already carries role someone-elses-role');
    expect(run.calls).not.toContain('iam add-role-to-instance-profile');
    expect(run.calls).not.toContain('ec2 associate-iam-instance-profile');
  });

  it('setup B: instance role first, then the connector role that trusts it; refuses another account', () => {
    const state = newState({ account: BUCKET_ACCOUNT });
    const run = runScript(scriptFor(setupB), state);
    expect(run.status).toBe(0);
    expect(run.calls).toEqual(['sts get-caller-identity', ...ROLE_CALLS, ...ROLE_CALLS, ...PROFILE_CALLS, 'ec2 describe-iam-instance-profile-associations', 'ec2 associate-iam-instance-profile']);
    const roles = run.rawCalls.filter((c) => c.startsWith('iam create-role')).map((c) => c.split(' ')[3]);
    expect(roles).toEqual(['informatica-agent', 'informatica-s3-connector']);
    expect(readFileSync(join(state, 'role.informatica-s3-connector'), 'utf8')).toBe(`${toPolicyJson(setupB.documents.connectorRoleTrust!)}\n`);
    expect(run.stdout).toContain('Set the connection\'s "IAM Role ARN" to arn:aws:iam::111122223333:role/informatica/informatica-s3-connector');

    const wrong = runScript(scriptFor(setupB), newState({ account: AGENT_ACCOUNT }));
    expect(wrong.status).toBe(1);
    expect(wrong.calls).toEqual(['sts get-caller-identity']);
    expect(wrong.stderr).toContain(`these credentials are for account ${AGENT_ACCOUNT}; this script is for account ${BUCKET_ACCOUNT}`);
  });

  it('setup C: the bucket-account script creates only the connector role; the agent-account script the rest', () => {
    const bucket = runScript(scriptFor(setupC, 0), newState({ account: BUCKET_ACCOUNT }));
    expect(bucket.status).toBe(0);
    expect(bucket.calls).toEqual(['sts get-caller-identity', ...ROLE_CALLS]);
    const agentState = newState({ account: AGENT_ACCOUNT });
    const agent = runScript(scriptFor(setupC, 1), agentState);
    expect(agent.status).toBe(0);
    expect(agent.calls).toEqual(['sts get-caller-identity', ...ROLE_CALLS, ...PROFILE_CALLS, 'ec2 describe-iam-instance-profile-associations', 'ec2 associate-iam-instance-profile']);
    expect(readFileSync(join(agentState, 'policy.informatica-assume-connector'), 'utf8')).toBe(`${toPolicyJson(setupC.documents.assume!)}\n`);
  });

  it('without an instance id, ends by printing the association command instead of calling EC2', () => {
    const input = draftExportInput(draftFor('instanceRole', { instanceId: undefined }));
    const run = runScript(scriptFor(input), newState());
    expect(run.status).toBe(0);
    expect(run.calls.some((c) => c.startsWith('ec2 '))).toBe(false);
    expect(run.stdout).toContain(`Next: associate the instance profile with the Secure Agent's instance: aws ec2 associate-iam-instance-profile --region 'us-east-1' --instance-id <instance-id>`);
  });

  it('quotes names and paths for the shell: nothing in them is expanded', () => {
    const path = "/it's/$(id)/`id`/\"q\"/${HOME}/";
    const input = draftExportInput(draftFor('instanceRole', { roleName: 'role+a=b,c.d@e', instanceProfileName: 'p,Name=x', path }));
    const state = newState();
    const run = runScript(scriptFor(input), state);
    expect(run.status).toBe(0);
    expect(run.rawCalls).toContain('iam get-role --role-name role+a=b,c.d@e');
    expect(run.rawCalls).toContain(`iam get-policy --policy-arn arn:aws:iam::111122223333:policy${path}informatica-s3-access`);
    expect(run.rawCalls.find((c) => c.startsWith('iam create-role'))).toContain(`--path ${path} `);
    expect(run.rawCalls.at(-1)).toContain('--iam-instance-profile {"Name":"p,Name=x"}');
    expect(run.stdout + run.stderr).not.toMatch(/uid=/);
  });
});

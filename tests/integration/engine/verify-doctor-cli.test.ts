import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OwnedAwsClients } from '../../../electron/core/engine/aws-clients';
import { DEFAULT_IICS_IDS } from '../../../electron/core/sandbox/iics/default-world';
import { readIicsConnection } from '../../../electron/core/engine/doctor/iics-connection-reader';
import type { Sandbox } from '../../../electron/core/sandbox/start-sandbox';
import { keyless } from '../../support/cli-harness';
import { asOperator, startTestSandbox } from '../../support/sandbox';
import { makeAwsHome } from '../../unit/aws/support/aws-home';
import type { AwsHome } from '../../unit/aws/support/aws-home';
import { operatorClients, s3Policy, setUpA, STAGING } from './doctor-world';

/** `keyless verify` and `keyless doctor` in process, with the sandbox's profiles (endpoint_url in ~/.aws/config). */

let sandbox: Sandbox;
let aws: AwsHome;
let adminClients: OwnedAwsClients;
let env: Record<string, string | undefined>;

beforeAll(async () => {
  sandbox = await startTestSandbox({ iics: true });
  adminClients = operatorClients(sandbox, 'keyless-admin');
  const admin = asOperator(sandbox, 'keyless-admin').credentials;
  // "plain-admin" has no endpoint_url: it reaches the sandbox only through --endpoint-url.
  aws = await makeAwsHome({
    config: `${sandbox.profilesSnippet.config}\n[profile plain-admin]\nregion = us-east-1\n`,
    credentials: `${sandbox.profilesSnippet.credentials}\n[plain-admin]\naws_access_key_id = ${admin.accessKeyId}\naws_secret_access_key = ${admin.secretAccessKey}\n`,
  });
  vi.stubEnv('HOME', aws.home);
  vi.stubEnv('DBUS_SESSION_BUS_ADDRESS', `unix:path=${join(aws.home, 'no-bus')}`);
  for (const name of ['AWS_PROFILE', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION', 'AWS_ENDPOINT_URL', 'KEYLESS_IICS_PASSWORD']) vi.stubEnv(name, undefined);
  env = { KEYLESS_DATA_DIR: join(aws.home, 'app-data') };
});

afterAll(async () => {
  vi.unstubAllEnvs();
  adminClients?.destroy();
  await sandbox?.stop();
  await aws?.remove();
});

/** Creates an S3 v2 connection in the IICS emulator as a user would, through its REST API. */
async function createConnection(name: string, runtimeEnvironmentId: string, connParams: Record<string, string>): Promise<void> {
  const iics = sandbox.iicsLogin!;
  const loginAnswer = await fetch(`${iics.loginUrl}/ma/api/v2/user/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: iics.username, password: iics.password }) });
  const login = (await loginAnswer.json()) as { serverUrl: string; icSessionId: string };
  const created = await fetch(`${login.serverUrl}/api/v2/connection`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', icSessionId: login.icSessionId },
    body: JSON.stringify({ '@type': 'connection', name, type: 'TOOLKIT_CCI', instanceName: 'Amazon S3 v2', runtimeEnvironmentId, connParams: { RegionName: 'US East(N. Virginia)', ...connParams } }),
  });
  if (created.status !== 200) throw new Error(`creating ${name}: ${await created.text()}`);
}

const agent01 = (): string => sandbox.seed.instances.find((instance) => instance.name === 'infa-secure-agent-01')!.instanceId;

describe('keyless doctor', () => {
  it('prints the checklist, names the missing instance profile with its fix, and exits 1', async () => {
    const run = await keyless(['doctor', '--profile', 'sandbox-admin', '--instance', agent01(), '--bucket', STAGING.bucket, '--folder', STAGING.folder], { env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`✓ EC2 instance ${agent01()} is running`);
    expect(run.stdout).toContain(`✗ Instance ${agent01()} has an IAM instance profile`);
    expect(run.stdout).toContain('fix: Create a role and instance profile for the agent');
    expect(run.stdout).toContain(`aws ec2 associate-iam-instance-profile --region 'us-east-1' --instance-id '${agent01()}'`);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(`First broken link: Instance ${agent01()} has an IAM instance profile.`);
  });

  it('--json gives the report with its status and first broken link', async () => {
    const run = await keyless(['doctor', '--profile', 'sandbox-admin', '--instance', agent01(), '--json'], { env });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { status: string; firstBroken: string; links: Array<{ id: string; status: string }> };
    expect(report).toMatchObject({ status: 'broken', firstBroken: 'association' });
    expect(report.links.map((link) => link.id)).toEqual(['instance', 'imds', 'association']);
  });

  it('starts from an IICS connection: the sandbox org\'s active agent runs on the instance with no profile', async () => {
    const iics = sandbox.iicsLogin!;
    await createConnection('Staging S3', DEFAULT_IICS_IDS.activeGroup, { FolderPath: `${STAGING.bucket}/${STAGING.folder}` });
    const run = await keyless(['doctor', '--profile', 'sandbox-admin', '--connection', 'Staging S3', '--iics-login-url', iics.loginUrl, '--iics-username', iics.username, '--json'], { env, stdin: `${iics.password}\n` });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { firstBroken: string; links: Array<{ id: string; status: string; reason: string }> };
    expect(report.links.slice(0, 4).map((link) => [link.id, link.status])).toEqual([['authentication', 'ok'], ['runtime-environment', 'ok'], ['agent', 'ok'], ['agent-instance', 'ok']]);
    expect(report.links.find((link) => link.id === 'agent-instance')?.reason).toContain(agent01());
    expect(report.firstBroken).toBe('association');
    expect(run.stdout).not.toContain(iics.password);
  });

  it('reads "Use EC2 Role to Assume Role", the IAM Role ARN and External Id of a connection, and refuses a serverless runtime environment', async () => {
    const iics = sandbox.iicsLogin!;
    const login = { loginUrl: iics.loginUrl, username: iics.username, password: iics.password };
    const roleArn = `arn:aws:iam::${sandbox.seed.accounts.agent.id}:role/keyless-informatica-s3-connector`;
    await createConnection('Staging via role', DEFAULT_IICS_IDS.activeGroup, { FolderPath: STAGING.bucket, UseEC2RoletoAssumeRole: 'true', IAMRoleARN: roleArn, ExternalId: 'ext-42' });
    expect(await readIicsConnection(login, 'Staging via role')).toEqual({
      name: 'Staging via role',
      runtimeEnvironment: { name: 'aws-ec2-agents', serverless: false, agents: [{ name: 'ec2-agent-1', active: true, agentHost: sandbox.seed.instances.find((i) => i.name === 'infa-secure-agent-01')!.privateDnsName }] },
      auth: { kind: 'assumeRole', roleArn, externalId: 'ext-42' },
      folderPath: STAGING.bucket,
    });
    await createConnection('Staging serverless', DEFAULT_IICS_IDS.serverless, { FolderPath: STAGING.bucket });
    const serverless = await readIicsConnection(login, 'Staging serverless');
    expect(serverless.runtimeEnvironment).toMatchObject({ name: 'serverless-aws', serverless: true, agents: [] });
    const run = await keyless(['doctor', '--profile', 'sandbox-admin', '--connection', 'Staging serverless', '--iics-login-url', iics.loginUrl, '--iics-username', iics.username], { env: { ...env, KEYLESS_IICS_PASSWORD: iics.password } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ Runtime environment "serverless-aws" runs on a Secure Agent');
    expect(run.stdout).toMatch(/serverless runtime environment: it has no EC2 instance of yours, so IAM authentication .* cannot work there/);
    await expect(readIicsConnection(login, 'No such connection')).rejects.toMatchObject({ detail: { code: 'INVALID_IICS_CONNECTION' } });
    await expect(readIicsConnection({ ...login, password: 'wrong' }, 'Staging via role')).rejects.toMatchObject({ detail: { code: 'IICS_LOGIN_FAILED' } });
  });

  it('refuses to start without an instance or a connection, and a folder with a trailing slash, changing nothing (exit 2)', async () => {
    const nowhere = await keyless(['doctor', '--profile', 'sandbox-admin'], { env });
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/Tell the doctor where to start/);
    const slash = await keyless(['doctor', '--profile', 'sandbox-admin', '--instance', agent01(), '--bucket', STAGING.bucket, '--folder', 'inbound/'], { env });
    expect(slash.code).toBe(2);
    expect(slash.stderr).toMatch(/slash/i);
  });
});

describe('keyless verify', () => {
  it('finds the instance\'s role from --instance-id and reports every link ok (exit 0)', async () => {
    const a = await setUpA(adminClients, 'cli-verify-a', s3Policy({ ...STAGING, access: 'write' }));
    const run = await keyless(['verify', '--profile', 'sandbox-admin', '--instance-id', a.instanceId, '--bucket', STAGING.bucket, '--folder', STAGING.folder, '--access', 'write'], { env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✓ Instance role cli-verify-a-role exists');
    expect(run.stdout).toContain('✓ cli-verify-a-role: Write objects under s3://keyless-sandbox-staging/inbound/');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('Every link is ok.');
  });

  it('exits 1 and names the link when the role lacks the access asked for', async () => {
    const a = await setUpA(adminClients, 'cli-verify-read', s3Policy(STAGING));
    const run = await keyless(['verify', '--profile', 'sandbox-admin', '--role', a.roleName, '--bucket', STAGING.bucket, '--folder', STAGING.folder, '--access', 'write', '--json'], { env });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'broken', firstBroken: 's3:PutObject' });
  });

  it('--endpoint-url sends a profile without endpoint_url to the sandbox', async () => {
    const run = await keyless(['verify', '--profile', 'plain-admin', '--endpoint-url', sandbox.awsEndpoint, '--role', 'cli-verify-a-role', '--bucket', STAGING.bucket, '--folder', STAGING.folder, '--json'], { env });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'ok' });
  });

  it('tells an instance without a profile to run the doctor', async () => {
    const run = await keyless(['verify', '--profile', 'sandbox-admin', '--instance-id', agent01(), '--bucket', STAGING.bucket], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`EC2 instance ${agent01()} has no role to verify: No instance profile is associated with ${agent01()}`);
    expect(run.stderr).toContain(`keyless doctor --instance ${agent01()}`);
  });

  it('refuses bad input before calling AWS (exit 2)', async () => {
    for (const [args, message] of [
      [['--bucket', STAGING.bucket, '--access', 'admin'], /Access must be "read" or "write"/],
      [['--bucket', 'Not_A_Bucket'], /bucket/i],
      [['--bucket', STAGING.bucket, '--setup', 'd'], /--setup must be a, b or c/],
      [['--bucket', STAGING.bucket, '--setup', 'c'], /Setup C needs the bucket account's profile/],
    ] as const) {
      const run = await keyless(['verify', '--profile', 'no-such-profile', ...args], { env });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/no-such-profile/);
    }
  });
});

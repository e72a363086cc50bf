import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IICS_PASSWORD, DEFAULT_IICS_USERNAME, defaultIicsWorldInput } from '../../../electron/core/sandbox/iics/default-world';
import { startIicsEmulator } from '../../../electron/core/sandbox/iics/start-iics-emulator';
import type { IicsEmulator } from '../../../electron/core/sandbox/iics/start-iics-emulator';
import { keyless } from '../../support/cli-harness';

/**
 * `keyless iics …` in process, through the real parser and exit codes, against the emulator.
 * Each command logs in for itself (login flags + KEYLESS_IICS_PASSWORD), which works whether or
 * not this process has an OS keychain; keeping the session between commands is tested across
 * processes in cli-across-processes.test.ts. The connection test here runs on the agent that is
 * down, so it needs no AWS.
 */

const NO_AWS = { endpoint: 'http://127.0.0.1:9', region: 'us-east-1', credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' } };

describe('keyless iics (in process)', () => {
  let emulator: IicsEmulator;
  let dataDir: string;
  let login: string[];
  let env: Record<string, string>;

  beforeAll(async () => {
    emulator = await startIicsEmulator({ world: defaultIicsWorldInput(), aws: NO_AWS });
    dataDir = await mkdtemp(join(tmpdir(), 'keyless-iics-cli-'));
    login = ['--login-url', emulator.loginUrl, '--username', DEFAULT_IICS_USERNAME];
    env = { KEYLESS_DATA_DIR: dataDir, KEYLESS_IICS_PASSWORD: DEFAULT_IICS_PASSWORD };
  });

  afterAll(async () => {
    await emulator?.close();
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  });

  it('login reads the password from standard input and never prints it', async () => {
    const run = await keyless(['iics', 'login', ...login, '--v3'], { stdin: `${DEFAULT_IICS_PASSWORD}\n`, env: { KEYLESS_DATA_DIR: dataDir, KEYLESS_IICS_PASSWORD: '' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`logged in to IICS as ${DEFAULT_IICS_USERNAME} (org Keyless Sandbox Org)\npod: ${emulator.serverUrl}\n`);
    expect(`${run.stdout}${run.stderr}`).not.toContain(DEFAULT_IICS_PASSWORD);
  });

  it('a wrong password: exit 2 with IICS\'s words; there is no --password flag', async () => {
    const wrong = await keyless(['iics', 'login', ...login], { stdin: 'not-the-password\n', env: { KEYLESS_DATA_DIR: dataDir, KEYLESS_IICS_PASSWORD: '' } });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('User name or password is not valid.');
    expect(wrong.stderr).not.toContain('not-the-password');
    const flag = await keyless(['iics', 'login', ...login, '--password', DEFAULT_IICS_PASSWORD], { env });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("unknown option '--password'");
  });

  it('refuses an unknown POD and plain http to a remote host', async () => {
    const pod = await keyless(['iics', 'login', '--pod', 'EU1', '--username', 'u'], { env });
    expect(pod.code).toBe(2);
    expect(pod.stderr).toContain('"EU1" is not a POD Keyless knows');
    const http = await keyless(['iics', 'login', '--login-url', 'http://dm-us.informaticacloud.com', '--username', 'u'], { env });
    expect(http.code).toBe(2);
    expect(http.stderr).toContain('not https');
  });

  it('environments: each group with its agents, the EC2 instance to look for, serverless marked', async () => {
    const run = await keyless(['iics', 'environments', ...login], { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('aws-ec2-agents (01000325000000000005): Secure Agent group, active');
    expect(run.stdout).toContain('agent ec2-agent-1 (01000308000000000002): active, ready to run, linux64, host ip-10-0-1-23.ec2.internal');
    expect(run.stdout).toContain('EC2 instance to look for: private DNS ip-10-0-1-23.ec2.internal or private IP 10.0.1.23');
    expect(run.stdout).toContain('services: Data Integration Server RUNNING');
    expect(run.stdout).toContain('aws-ec2-agents-down (01000325000000000006): Secure Agent group, inactive');
    expect(run.stdout).toContain('serverless-aws (01000325000000000007): serverless: IAM authentication is not possible');

    const json = await keyless(['iics', 'environments', ...login, '--json'], { env });
    const parsed = JSON.parse(json.stdout) as { runtimeEnvironments: Array<{ name: string; kind: string; agents: Array<{ ec2Candidates: { privateIpAddresses: string[] } }> }> };
    expect(parsed.runtimeEnvironments.map((e) => e.kind)).toEqual(['secureAgentGroup', 'secureAgentGroup', 'serverless']);
    expect(parsed.runtimeEnvironments[0]!.agents[0]!.ec2Candidates.privateIpAddresses).toEqual(['10.0.1.23']);
  });

  it('connection apply creates, then reports unchanged; the test result decides the exit code', async () => {
    const apply = (folder: string, regionName: string): string[] => [
      'iics', 'connection', 'apply', ...login, '--name', 'CLI landing', '--runtime-environment', 'aws-ec2-agents-down',
      '--bucket', 'keyless-sandbox-staging', '--folder', folder, '--region-name', regionName,
    ];
    const args = apply('inbound', 'us-east-1');
    const created = await keyless(args, { env });
    expect(created.code).toBe(1);
    expect(created.stdout).toMatch(/^connection "CLI landing" \(\w+\): created in runtime environment "aws-ec2-agents-down"\n/);
    expect(created.stdout).toContain('  Folder Path: keyless-sandbox-staging/inbound\n');
    expect(created.stdout).toContain('  Region Name: US East(N. Virginia)\n');
    expect(created.stdout).toContain('  Use EC2 Role to Assume Role: false\n');
    expect(created.stdout).toContain('warning: No Secure Agent of runtime environment "aws-ec2-agents-down" is active');
    expect(created.stdout).toContain('test: failed (AGENT_INACTIVE) — No Secure Agent of runtime environment "aws-ec2-agents-down" is active: agent "ec2-agent-2"');

    const again = await keyless([...args, '--json'], { env });
    const result = JSON.parse(again.stdout) as { connection: { action: string }; test: { result: string; code: string } };
    expect(result.connection.action).toBe('unchanged');
    expect(result.test).toMatchObject({ result: 'failed', code: 'AGENT_INACTIVE' });

    const moved = await keyless(apply('archive', 'US East(N. Virginia)'), { env });
    expect(moved.stdout).toContain('updated in runtime environment');
    expect(moved.stdout).toContain('  Folder Path: keyless-sandbox-staging/inbound → keyless-sandbox-staging/archive\n');

    const test = await keyless(['iics', 'connection', 'test', 'CLI landing', ...login], { env });
    expect(test.code).toBe(1);
    expect(test.stdout).toMatch(/^connection "CLI landing" \(\w+\)\ntest: failed \(AGENT_INACTIVE\)/);
  });

  it('refuses bad input with exit 2 and creates nothing', async () => {
    const base = ['iics', 'connection', 'apply', ...login, '--name', 'CLI refused', '--bucket', 'keyless-sandbox-staging', '--region-name', 'us-east-1'];
    const slash = await keyless([...base, '--runtime-environment', 'aws-ec2-agents', '--folder', 'inbound/'], { env });
    expect(slash.code).toBe(2);
    expect(slash.stderr).toContain('ends with "/"');
    const serverless = await keyless([...base, '--runtime-environment', 'serverless-aws'], { env });
    expect(serverless.code).toBe(2);
    expect(serverless.stderr).toContain('is serverless');
    const arn = await keyless([...base, '--runtime-environment', 'aws-ec2-agents', '--iam-role-arn', 'arn:aws:iam::123456789012:user/etl', '--use-ec2-role-to-assume-role'], { env });
    expect(arn.code).toBe(2);
    expect(arn.stderr).toContain('is not an IAM role ARN');
    const unknownEnvironment = await keyless([...base, '--runtime-environment', 'nope'], { env });
    expect(unknownEnvironment.code).toBe(2);
    expect(unknownEnvironment.stderr).toContain('IICS has no runtime environment named or with id "nope"');
    const missing = await keyless(['iics', 'connection', 'test', 'CLI refused', ...login], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('IICS has no connection named "CLI refused"');
  });
});

import type { Command } from 'commander';
import { inputError, KeylessFailure } from '../../../shared/errors';
import type { CliIo } from '../cli-io';
import { applyS3v2Connection } from '../../core/iics/apply-s3v2-connection';
import type { AppliedConnection } from '../../core/iics/apply-s3v2-connection';
import { IicsClient } from '../../core/iics/iics-client';
import type { IicsClientDeps } from '../../core/iics/iics-client';
import type { IicsSession } from '../../core/iics/iics-session';
import { notLoggedIn, storedSessions } from '../../core/iics/iics-session';
import { loginIics, logoutIics } from '../../core/iics/login';
import { POD_NAMES } from '../../core/iics/login-hosts';
import { agentServices, listRuntimeEnvironments } from '../../core/iics/runtime-environments';
import type { RuntimeEnvironment } from '../../core/iics/runtime-environments';
import { testConnectionById, testConnectionByName } from '../../core/iics/test-s3v2-connection';
import type { ConnectionTestResult } from '../../core/iics/test-s3v2-connection';
import { defaultAppDataDir } from '../../core/vault/app-data-folder';
import { openVault } from '../../core/vault/vault';

interface LoginFlags {
  readonly loginUrl?: string;
  readonly pod?: string;
  readonly username?: string;
  readonly v3?: boolean;
}

/**
 * The IICS password: KEYLESS_IICS_PASSWORD, else a prompt without echo on a terminal, else the
 * first line of standard input. Never a flag: flags end up in shell history and process lists.
 */
async function readPassword(io: CliIo, username: string): Promise<string> {
  const fromEnv = io.env.KEYLESS_IICS_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (process.stdin.isTTY) return promptWithoutEcho(`IICS password for ${username}: `);
  return ((await io.readStdin()).split(/\r?\n/)[0] ?? '');
}

async function promptWithoutEcho(question: string): Promise<string> {
  const { createInterface } = await import('node:readline');
  const { Writable } = await import('node:stream');
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const reader = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve, reject) => {
    reader.on('SIGINT', () => {
      reader.close();
      process.stderr.write('\n');
      reject(inputError('INVALID_IICS_LOGIN', 'The password prompt was cancelled.', 'Run the command again and type the password, or set KEYLESS_IICS_PASSWORD.'));
    });
    reader.question(question, (answer) => {
      reader.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

async function clientDeps(io: CliIo): Promise<IicsClientDeps> {
  const vault = await openVault({ appDataDir: defaultAppDataDir(io.env) });
  const password = io.env.KEYLESS_IICS_PASSWORD;
  return { vault, password: () => (password === '' ? undefined : password) };
}

async function login(io: CliIo, deps: IicsClientDeps, flags: LoginFlags): Promise<IicsSession> {
  if (flags.username === undefined) throw inputError('INVALID_IICS_LOGIN', 'No IICS user name was given.', 'Pass --username with the user you log in to Informatica Cloud as.');
  const password = await readPassword(io, flags.username);
  return loginIics(
    { ...(flags.loginUrl === undefined ? {} : { loginUrl: flags.loginUrl }), ...(flags.pod === undefined ? {} : { podRegion: flags.pod }), username: flags.username, password, version: flags.v3 === true ? 'v3' : 'v2' },
    deps,
  );
}

/** The client for a command: a login in this process when login flags are given, else the latest stored session. */
async function connect(io: CliIo, flags: LoginFlags): Promise<IicsClient> {
  const deps = await clientDeps(io);
  if (flags.username !== undefined) return new IicsClient(await login(io, deps, flags), deps);
  const [latest] = await storedSessions(deps.vault);
  if (latest !== undefined) return new IicsClient(latest, deps);
  if (deps.vault.status().mode === 'memory') {
    throw new KeylessFailure({
      code: 'IICS_NOT_LOGGED_IN',
      message: 'There is no IICS session: without an OS keychain, a login lasts only for the command that made it.',
      nextStep: 'Pass --username and --login-url (or --pod) to this command, with the password in KEYLESS_IICS_PASSWORD or on standard input.',
    });
  }
  throw notLoggedIn();
}

function withLoginOptions(cmd: Command, required: boolean): Command {
  const how = required ? '' : ' (log in for this command only; default: the stored session)';
  return cmd
    .option('--login-url <url>', `your POD's login host, e.g. https://dm-us.informaticacloud.com${how}`)
    .option('--pod <name>', `your POD, one of ${POD_NAMES.join(', ')}`)
    .option('--username <user>', `the IICS user; the password comes from a prompt, standard input or KEYLESS_IICS_PASSWORD${how}`)
    .option('--v3', 'log in with the v3 login resource instead of v2');
}

function renderEnvironment(environment: RuntimeEnvironment, services: ReadonlyMap<string, string>): string[] {
  const kind = environment.kind === 'serverless' ? 'serverless: IAM authentication is not possible' : `Secure Agent group, ${environment.status === 'noAgents' ? 'no agents' : environment.status}`;
  const lines = [`${environment.name} (${environment.id}): ${kind}`];
  for (const agent of environment.agents) {
    lines.push(`  agent ${agent.name} (${agent.id}): ${agent.active ? 'active' : 'inactive'}${agent.readyToRun ? ', ready to run' : ''}, ${agent.platform || 'platform unknown'}, host ${agent.agentHost || '(none)'}`);
    const { privateDnsNames, privateIpAddresses, instanceIds } = agent.ec2Candidates;
    const match = [...instanceIds.map((id) => `instance ${id}`), ...privateDnsNames.map((n) => `private DNS ${n}`), ...privateIpAddresses.map((ip) => `private IP ${ip}`)];
    if (match.length > 0) lines.push(`    EC2 instance to look for: ${match.join(' or ')}`);
    const service = services.get(agent.id);
    if (service !== undefined && service !== '') lines.push(`    services: ${service}`);
  }
  return lines;
}

function renderTest(test: ConnectionTestResult): string {
  if (test.result === 'ok') return `test: ok — ${test.message}\n`;
  return `test: failed${test.code === undefined ? '' : ` (${test.code})`} — ${test.message}${test.requestId === undefined ? '' : ` (request id ${test.requestId})`}\n`;
}

function renderApplied(applied: AppliedConnection): string {
  const where = `runtime environment "${applied.runtimeEnvironment.name}"`;
  const lines = [`connection "${applied.name}" (${applied.id}): ${applied.action} in ${where}`];
  if (applied.action === 'updated') lines.push(...applied.changes.map((c) => `  ${c.label}: ${c.from} → ${c.to}`));
  else lines.push(...applied.properties.map((p) => `  ${p.label}: ${p.value === '' ? '(empty)' : p.value}`));
  if (applied.assumedKeys.length > 0) lines.push(`note: connector/metadata did not name ${applied.assumedKeys.join(', ')}; Keyless used its assumed keys for them`);
  lines.push(...applied.warnings.map((w) => `warning: ${w}`));
  return `${lines.join('\n')}\n`;
}

function print(io: CliIo, json: boolean | undefined, value: unknown, human: string): void {
  io.stdout(json === true ? `${JSON.stringify(value, null, 2)}\n` : human);
}

interface ApplyFlags extends LoginFlags {
  readonly name: string;
  readonly runtimeEnvironment: string;
  readonly bucket: string;
  readonly folder?: string;
  readonly regionName: string;
  readonly iamRoleArn?: string;
  readonly useEc2RoleToAssumeRole?: boolean;
  readonly externalId?: string;
  readonly json?: boolean;
}

/** `keyless iics …`: log in to Informatica Cloud, look at runtime environments, create and test the S3 v2 connection. */
export function register(cmd: Command, io: CliIo): void {
  withLoginOptions(cmd.command('login').description('Log in to IICS; the session id is kept in the vault, never printed'), true)
    .option('--json', 'print machine-readable JSON')
    .action(async (flags: LoginFlags & { json?: boolean }) => {
      const deps = await clientDeps(io);
      const session = await login(io, deps, flags);
      const status = deps.vault.status();
      print(io, flags.json, { session, vault: status.mode }, `logged in to IICS as ${session.username}${session.orgName === undefined ? '' : ` (org ${session.orgName})`}\npod: ${session.baseUrl}\n`);
      if (status.mode === 'memory') {
        io.stderr(`warning: there is no OS keychain, so the session is kept in memory and forgotten when this command ends.\n  next: pass --username (and --login-url or --pod) to each keyless iics command, with KEYLESS_IICS_PASSWORD set.\n`);
      }
    });

  withLoginOptions(cmd.command('environments').description('List runtime environments with their Secure Agents, status and the EC2 instance to look for'), false)
    .option('--json', 'print machine-readable JSON')
    .action(async (flags: LoginFlags & { json?: boolean }) => {
      const client = await connect(io, flags);
      const environments = await listRuntimeEnvironments(client);
      const services = new Map<string, string>();
      for (const agent of environments.flatMap((e) => e.agents)) {
        services.set(agent.id, (await agentServices(client, agent.id)).map((s) => `${s.name} ${s.status}`).join(', '));
      }
      const human = environments.length === 0 ? 'IICS has no runtime environments.\n' : `${environments.flatMap((e) => renderEnvironment(e, services)).join('\n')}\n`;
      print(io, flags.json, { runtimeEnvironments: environments }, human);
    });

  const connection = cmd.command('connection').description('Create, update and test the Amazon S3 v2 connection for IAM authentication');
  withLoginOptions(connection.command('apply').description('Create the S3 v2 connection, or update it in place (PARTIAL: secrets are never sent back), then test it'), false)
    .requiredOption('--name <name>', 'the connection name')
    .requiredOption('--runtime-environment <nameOrId>', 'the Secure Agent group whose agent runs on EC2')
    .requiredOption('--bucket <bucket>', 'the S3 bucket')
    .option('--folder <folder>', 'a folder inside the bucket (no trailing slash)')
    .requiredOption('--region-name <region>', 'the bucket\'s region: an AWS code (us-east-1) or the connector\'s Region Name')
    .option('--iam-role-arn <arn>', 'the connector role to assume (setups B and C)')
    .option('--use-ec2-role-to-assume-role', 'the agent\'s EC2 role assumes --iam-role-arn (setups B and C)')
    .option('--external-id <id>', 'the External Id the connector role\'s trust policy requires')
    .option('--json', 'print machine-readable JSON')
    .action(async (flags: ApplyFlags) => {
      const client = await connect(io, flags);
      const applied = await applyS3v2Connection(client, {
        name: flags.name,
        runtimeEnvironment: flags.runtimeEnvironment,
        bucket: flags.bucket,
        ...(flags.folder === undefined ? {} : { folder: flags.folder }),
        regionName: flags.regionName,
        settings: {
          useEc2RoleToAssumeRole: flags.useEc2RoleToAssumeRole === true,
          ...(flags.iamRoleArn === undefined ? {} : { iamRoleArn: flags.iamRoleArn }),
          ...(flags.externalId === undefined ? {} : { externalId: flags.externalId }),
        },
      });
      const test = await testConnectionById(client, { id: applied.id, name: applied.name });
      print(io, flags.json, { connection: applied, test }, `${renderApplied(applied)}${renderTest(test)}`);
      if (test.result === 'failed') process.exitCode = 1;
    });

  withLoginOptions(connection.command('test').argument('<name>', 'the connection name').description('Test a connection on its Secure Agent and show IICS\'s answer'), false)
    .option('--json', 'print machine-readable JSON')
    .action(async (name: string, flags: LoginFlags & { json?: boolean }) => {
      const client = await connect(io, flags);
      const test = await testConnectionByName(client, name);
      print(io, flags.json, test, `connection "${test.connectionName}" (${test.connectionId})\n${renderTest(test)}`);
      if (test.result === 'failed') process.exitCode = 1;
    });

  cmd
    .command('logout')
    .description('End the stored IICS sessions at IICS and forget them')
    .action(async () => {
      const deps = await clientDeps(io);
      const sessions = await storedSessions(deps.vault);
      if (sessions.length === 0) io.stdout('no IICS session is stored; nothing to do\n');
      for (const session of sessions) {
        const { endedAtIics } = await logoutIics(session, deps);
        io.stdout(`logged out ${session.username} from ${session.loginUrl}${endedAtIics ? '' : ' (IICS had already ended the session or could not be reached; it was forgotten here)'}\n`);
      }
    });
}

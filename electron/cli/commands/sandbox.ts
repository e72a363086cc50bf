import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { inputError } from '../../../shared/errors';
import type { CliIo } from '../cli-io';
import { faultSettingsSchema } from '../../core/sandbox/gateway/fault-injector';
import type { FaultSettings } from '../../core/sandbox/gateway/fault-injector';
import { loadSeedFile } from '../../core/sandbox/seed/seed-schema';
import { startSandbox } from '../../core/sandbox/start-sandbox';
import type { Sandbox, SandboxOptions } from '../../core/sandbox/start-sandbox';

/**
 * `keyless sandbox`: starts moto, the gateway and the IICS emulator on 127.0.0.1, prints where
 * they are and the AWS profiles to use, and runs until interrupted.
 */

interface SandboxFlags {
  port: string;
  iicsPort: string;
  latencyMs?: string;
  propagationMs?: string;
  seed?: string;
  faults?: string;
  iics: boolean;
}

function integerFlag(name: string, value: string, min: number, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) {
    throw inputError('INVALID_SANDBOX_OPTION', `--${name} must be a whole number from ${String(min)} to ${String(max)}, not "${value}".`, `Pass e.g. --${name} ${String(Math.max(min, 1))}.`);
  }
  return number;
}

export async function sandboxOptionsFrom(flags: SandboxFlags): Promise<SandboxOptions> {
  const port = integerFlag('port', flags.port, 0, 65535);
  const iicsPort = integerFlag('iics-port', flags.iicsPort, 0, 65534);
  if (port !== 0 && (iicsPort === port || iicsPort + 1 === port)) {
    throw inputError('INVALID_SANDBOX_OPTION', `--iics-port ${String(iicsPort)} uses ports ${String(iicsPort)} and ${String(iicsPort + 1)}, which clash with --port ${String(port)}.`, 'Choose ports that do not overlap.');
  }
  return {
    port,
    iicsPort,
    iics: flags.iics,
    ...(flags.latencyMs !== undefined ? { latencyMs: integerFlag('latency-ms', flags.latencyMs, 0, 600_000) } : {}),
    ...(flags.propagationMs !== undefined ? { propagationMs: integerFlag('propagation-ms', flags.propagationMs, 0, 3_600_000) } : {}),
    ...(flags.seed !== undefined ? { seed: await loadSeedFile(flags.seed) } : {}),
    ...(flags.faults !== undefined ? { faults: await loadFaultsFile(flags.faults) } : {}),
  };
}

async function loadFaultsFile(path: string): Promise<FaultSettings> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw inputError('INVALID_SANDBOX_FAULTS', `Cannot read the faults file ${path}: ${error instanceof Error ? error.message : String(error)}.`, 'Pass a JSON file such as {"rules":[{"kind":"throttle","service":"iam","count":3}]}.');
  }
  const parsed = faultSettingsSchema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw inputError('INVALID_SANDBOX_FAULTS', `The faults file ${path} is not valid: ${first?.path.join('.') || '(root)'}: ${first?.message ?? 'invalid'}.`, 'See the fault knobs in docs/sandbox.md.');
  }
  return parsed.data;
}

export function describeSandbox(sandbox: Sandbox): string {
  const { seed } = sandbox;
  const lines = [
    'Keyless sandbox is running (127.0.0.1 only).',
    `  AWS endpoint, every service: ${sandbox.awsEndpoint}`,
  ];
  if (sandbox.iicsLogin !== undefined) {
    lines.push(`  IICS login host:             ${sandbox.iicsLogin.loginUrl}  (user ${sandbox.iicsLogin.username}, password ${sandbox.iicsLogin.password})`);
  } else {
    lines.push('  IICS emulator:               not started');
  }
  lines.push(
    `  Controls (faults, delays):   ${sandbox.admin.url}/faults, ${sandbox.admin.url}/propagation`,
    '',
    `Accounts: agent ${seed.accounts.agent.id} (${seed.accounts.agent.name}), bucket ${seed.accounts.bucket.id} (${seed.accounts.bucket.name})`,
    'Operators:',
    ...seed.operators.map((operator) => `  ${operator.profile.padEnd(20)} ${operator.arn}${operator.description !== undefined ? ` — ${operator.description}` : ''}`),
    'EC2 instances:',
    ...seed.instances.map(
      (instance) =>
        `  ${instance.instanceId} ${instance.name} (${instance.state}, ${instance.privateDnsName})${instance.instanceProfileArn !== undefined ? ` profile ${instance.instanceProfileArn}` : ' no instance profile'}`,
    ),
    'Buckets:',
    ...seed.buckets.map((bucket) => `  s3://${bucket.name} in ${bucket.account}: ${bucket.keys.join(', ')}`),
    `SSO: start URL ${seed.sso.startUrl} (region ${seed.sso.region}); approve sign-ins on the page your client opens.`,
    '',
    '--- add to ~/.aws/config ---',
    sandbox.profilesSnippet.config,
    '--- add to ~/.aws/credentials ---',
    sandbox.profilesSnippet.credentials,
    'Press Ctrl+C to stop.',
    '',
  );
  return lines.join('\n');
}

/** Starts the sandbox, prints it, waits for `untilStopped`, then stops everything it started. */
export async function runSandbox(options: SandboxOptions, io: CliIo, untilStopped: () => Promise<void>): Promise<void> {
  const sandbox = await startSandbox(options);
  try {
    io.stdout(describeSandbox(sandbox));
    await untilStopped();
    io.stdout('Stopping the sandbox…\n');
  } finally {
    await sandbox.stop();
  }
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export function register(cmd: Command, io: CliIo): void {
  cmd
    .option('--port <port>', 'gateway port for every AWS service', '4566')
    .option('--iics-port <port>', 'IICS login host port (the pod uses the next one)', '4567')
    .option('--latency-ms <ms>', 'latency added to every AWS call')
    .option('--propagation-ms <ms>', 'IAM → EC2/STS propagation delay')
    .option('--seed <file>', 'JSON seed replacing the default world')
    .option('--faults <file>', 'JSON fault settings to start with (same shape as PUT /__keyless/faults)')
    .option('--no-iics', 'start without the IICS emulator')
    .action(async (flags: SandboxFlags) => {
      await runSandbox(await sandboxOptionsFrom(flags), io, untilSignal);
    });
}

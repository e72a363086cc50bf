import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { runCli } from '../../../electron/cli/run-cli';
import type { CliIo } from '../../../electron/cli/cli-io';
import { runSandbox, sandboxOptionsFrom } from '../../../electron/cli/commands/sandbox';
import { defaultSandboxSeed, loadSeedFile } from '../../../electron/core/sandbox/seed/seed-schema';
import { KeylessFailure } from '../../../shared/errors';

/** `keyless sandbox`: its options, a replaced seed, and what it prints — all run in process. */

let folder: string;

function collectingIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (text) => void out.push(text), stderr: (text) => void err.push(text), readStdin: () => Promise.resolve(''), env: {} };
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'keyless-sandbox-cli-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('keyless sandbox options', () => {
  it('rejects a port that is not a number with exit code 2 and changes nothing', async () => {
    const io = collectingIo();
    expect(await runCli(['node', 'keyless', 'sandbox', '--port', 'abc'], io)).toBe(2);
    expect(io.err.join('')).toContain('--port must be a whole number from 0 to 65535, not "abc"');
  });

  it('rejects IICS ports that clash with the gateway port', async () => {
    const io = collectingIo();
    expect(await runCli(['node', 'keyless', 'sandbox', '--port', '4567', '--iics-port', '4566'], io)).toBe(2);
    expect(io.err.join('')).toContain('clash with --port 4567');
  });

  it('names a missing seed file', async () => {
    const io = collectingIo();
    expect(await runCli(['node', 'keyless', 'sandbox', '--seed', join(folder, 'absent.json')], io)).toBe(2);
    expect(io.err.join('')).toContain('Cannot read the seed file');
  });

  it('rejects a faults file with an unknown kind', async () => {
    const path = join(folder, 'faults.json');
    await writeFile(path, JSON.stringify({ rules: [{ kind: 'explode' }] }));
    const io = collectingIo();
    expect(await runCli(['node', 'keyless', 'sandbox', '--faults', path], io)).toBe(2);
    expect(io.err.join('')).toContain(`The faults file ${path} is not valid: rules.0.kind`);
  });

  it('rejects a seed whose instance names an instance profile no role has', async () => {
    const seed = defaultSandboxSeed();
    const broken = { ...seed, instances: [{ ...seed.instances[0]!, instanceProfile: 'nobody-has-this' }] };
    const path = join(folder, 'broken-seed.json');
    await writeFile(path, JSON.stringify(broken));
    const error = await loadSeedFile(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KeylessFailure);
    expect((error as KeylessFailure).detail.code).toBe('INVALID_SANDBOX_SEED');
    expect((error as KeylessFailure).detail.message).toContain('instances.0.instanceProfile: no seeded role has instance profile nobody-has-this');
  });
});

describe('keyless sandbox run', () => {
  it('starts moto, the gateway and IICS from a replaced seed, prints them, and stops everything', async () => {
    const seed = defaultSandboxSeed();
    const custom = { ...seed, buckets: [{ account: 'bucket' as const, name: 'custom-seed-bucket', objects: [{ key: 'landing/a.csv', body: 'a\n' }] }] };
    const path = join(folder, 'custom-seed.json');
    await writeFile(path, JSON.stringify(custom));
    const faultsPath = join(folder, 'start-faults.json');
    await writeFile(faultsPath, JSON.stringify({ rules: [{ kind: 'throttle', service: 'sts', action: 'GetCallerIdentity', count: 1 }] }));
    const options = await sandboxOptionsFrom({ port: '0', iicsPort: '0', iics: true, latencyMs: '0', propagationMs: '500', seed: path, faults: faultsPath });
    const io = collectingIo();
    let endpoint = '';
    let loginStatus = 0;
    let callerArn = '';
    let attempts = 0;
    await runSandbox(options, io, async () => {
      const printed = io.out.join('');
      endpoint = /AWS endpoint, every service: (\S+)/.exec(printed)![1]!;
      const loginUrl = /IICS login host: +(\S+)/.exec(printed)![1]!;
      const login = await fetch(`${loginUrl}/ma/api/v2/user/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ '@type': 'login', username: 'admin@keyless.sandbox', password: 'sandbox-password' }),
      });
      loginStatus = login.status;
      await login.arrayBuffer();
      const key = /\[sandbox-admin\]\naws_access_key_id = (\S+)\naws_secret_access_key = (\S+)/.exec(printed)!;
      const sts = new STSClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: key[1]!, secretAccessKey: key[2]! } });
      const identity = await sts.send(new GetCallerIdentityCommand({}));
      callerArn = identity.Arn!;
      attempts = identity.$metadata.attempts ?? 0;
    });
    const printed = io.out.join('');
    expect(printed).toContain('s3://custom-seed-bucket in 222222222222: landing/a.csv');
    expect(printed).toContain('[profile sandbox-admin]');
    expect(printed).toContain(`endpoint_url = ${endpoint}`);
    expect(printed).toContain('[sso-session keyless-sandbox]');
    expect(printed).toContain('Stopping the sandbox');
    expect(loginStatus).toBe(200);
    expect(callerArn).toBe('arn:aws:iam::111111111111:user/keyless-admin');
    // The faults file throttled the first call; the SDK retried it.
    expect(attempts).toBe(2);
    await expect(fetch(`${endpoint}/__keyless/health`)).rejects.toThrow();
  });
});

/**
 * Runs inside a child `node` whose environment points at a private Secret Service (see
 * tests/support/secret-service.ts): the keyring library binds to one D-Bus bus per process,
 * so each scenario gets its own process. Reads a program of vault steps from argv, prints one
 * JSON line with each step's result. Assertions stay in the test files.
 */
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { keyless } from '../../support/cli-harness';
import { DATA_KEY_ACCOUNT, DEFAULT_VAULT_SERVICE } from '../../../electron/core/vault/data-key';
import { osKeychain } from '../../../electron/core/vault/keychain-port';
import { probeKeychain } from '../../../electron/core/vault/keychain-probe';
import { openVault } from '../../../electron/core/vault/vault';
import type { Vault } from '../../../electron/core/vault/vault';
import { KeylessFailure } from '../../../shared/errors';
import type { VaultStep } from './vault-program';
import type { VaultProgram } from './vault-program';

function open(program: VaultProgram): Promise<Vault> {
  return openVault({
    appDataDir: program.appDataDir,
    ...(program.service === undefined ? {} : { service: program.service }),
    ...(program.now === undefined ? {} : { now: () => new Date(program.now!) }),
  });
}

let other: Vault | undefined;

async function runStep(step: VaultStep, program: VaultProgram, first: Vault | undefined): Promise<unknown> {
  const service = program.service ?? DEFAULT_VAULT_SERVICE;
  switch (step.op) {
    case 'probe':
      return probeKeychain();
    case 'readDataKey':
      return osKeychain().getPassword(service, DATA_KEY_ACCOUNT);
    case 'replaceDataKey':
      await osKeychain().setPassword(service, DATA_KEY_ACCOUNT, randomBytes(32).toString('base64'));
      return null;
    case 'breakFolder':
      await rm(program.appDataDir, { recursive: true, force: true });
      await writeFile(program.appDataDir, 'not a folder');
      return null;
    case 'cli':
      return keyless(step.args, { env: { KEYLESS_DATA_DIR: program.appDataDir } });
    default:
      break;
  }
  if (first === undefined) throw new Error(`step ${step.op} needs an open vault`);
  const vault = 'on' in step && step.on === 'other' ? (other ??= await open(program)) : first;
  switch (step.op) {
    case 'status':
      return vault.status();
    case 'get':
      return (await vault.get(step.name)) ?? null;
    case 'set':
      return vault.set(step.name, step.value).then(() => null);
    case 'delete':
      return vault.delete(step.name);
    case 'names':
      return vault.names();
    case 'setInParallel':
      await Promise.all(step.entries.map(([name, value]) => vault.set(name, value)));
      return null;
  }
}

function describeError(error: unknown): unknown {
  if (error instanceof KeylessFailure) return { failure: error.detail, text: `${error.message} ${error.stack ?? ''}` };
  return { failure: null, text: error instanceof Error ? `${error.message} ${error.stack ?? ''}` : String(error) };
}

const program = JSON.parse(process.argv[2] ?? '{}') as VaultProgram;
const needsVault = program.steps.some((step) => !['probe', 'readDataKey', 'replaceDataKey', 'breakFolder', 'cli'].includes(step.op));
const vault = needsVault ? await open(program) : undefined;
const results: unknown[] = [];
for (const step of program.steps) {
  try {
    results.push({ ok: true, value: await runStep(step, program, vault) });
  } catch (error) {
    results.push({ ok: false, error: describeError(error) });
  }
}
process.stdout.write(`${JSON.stringify(results)}\n`);

import { KeylessFailure } from '../../shared/errors';
import { createMotoVenv, findMotoPython } from '../../electron/core/sandbox/moto-process';
import type { MotoPython } from '../../electron/core/sandbox/moto-process';
import { startSandbox } from '../../electron/core/sandbox/start-sandbox';
import type { Sandbox, SandboxOptions } from '../../electron/core/sandbox/start-sandbox';

/**
 * Starts the whole sandbox in process on free ports for a test file; stop it in afterAll.
 * Where no Python with moto exists, it creates the project's `.venv` and pip-installs
 * `moto[server]` (needs PyPI), as `npm test` promises.
 */

let python: Promise<MotoPython> | undefined;

function motoPython(): Promise<MotoPython> {
  python ??= findMotoPython({ projectRoot: process.cwd() }).catch((error: unknown) => {
    if (error instanceof KeylessFailure && error.detail.code === 'SANDBOX_MOTO_MISSING') return createMotoVenv({ projectRoot: process.cwd() });
    throw error;
  });
  return python;
}

export async function startTestSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ iics: false, ...options, port: 0, iicsPort: 0, python: await motoPython() });
}

export interface ClientSetup {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string };
}

/** SDK client options for a seeded operator (by IAM user name), pointed at the gateway. */
export function asOperator(sandbox: Sandbox, userName: string, endpoint = sandbox.awsEndpoint): ClientSetup {
  const operator = sandbox.seed.operators.find((candidate) => candidate.userName === userName);
  if (operator === undefined) throw new Error(`the sandbox seed has no operator ${userName}`);
  return { endpoint, region: sandbox.region, credentials: { accessKeyId: operator.accessKeyId, secretAccessKey: operator.secretAccessKey } };
}

/** Calls a `/__keyless/` control route of the sandbox. */
export async function sandboxAdmin(sandbox: Sandbox, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${sandbox.admin.url}${path}`, {
    method,
    ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
  });
  const text = await response.text();
  return { status: response.status, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

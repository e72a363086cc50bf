import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Which open vault a call goes to: `other` is a second vault on the same folder, as the app and the CLI would each hold. */
interface OnVault {
  readonly on?: 'other';
}

/** One call the child process makes; see vault-driver.ts. */
export type VaultStep =
  | ({ readonly op: 'status' } & OnVault)
  | ({ readonly op: 'get'; readonly name: string } & OnVault)
  | ({ readonly op: 'set'; readonly name: string; readonly value: string } & OnVault)
  | ({ readonly op: 'delete'; readonly name: string } & OnVault)
  | ({ readonly op: 'names' } & OnVault)
  | { readonly op: 'setInParallel'; readonly entries: readonly (readonly [string, string])[] }
  | { readonly op: 'probe' }
  | { readonly op: 'readDataKey' }
  | { readonly op: 'replaceDataKey' }
  /** Replaces the app data folder with a plain file, so the next save cannot be written. */
  | { readonly op: 'breakFolder' }
  | { readonly op: 'cli'; readonly args: readonly string[] };

export interface VaultProgram {
  readonly appDataDir: string;
  readonly service?: string;
  /** A fixed clock (ISO time) for the set-aside file's timestamp. */
  readonly now?: string;
  readonly steps: readonly VaultStep[];
}

export type StepResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: { failure: unknown; text: string } };

const DRIVER = fileURLToPath(new URL('./vault-driver.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// Vite's module runner loads the TypeScript driver the way vitest loads tests, in a plain node.
const LOADER = "import { runnerImport } from 'vite'; await runnerImport(process.argv[1], { configFile: false, logLevel: 'silent' });";

/** Opens the vault in a fresh `node` process with `env` (a private Secret Service, or none) and runs `steps`. */
export async function runVaultProgram(env: Record<string, string>, program: VaultProgram): Promise<StepResult[]> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', LOADER, DRIVER, JSON.stringify(program)], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0 || !stdout.startsWith('[')) throw new Error(`vault driver exited ${code}: ${stderr}${stdout}`);
  // The vault never logs: output beyond the driver's one line is a leak waiting to happen.
  if (stderr !== '' || stdout.indexOf('\n') !== stdout.length - 1) throw new Error(`the vault wrote to the console: ${stderr}${stdout}`);
  const line = stdout.trim();
  return JSON.parse(line) as StepResult[];
}

export function valueOf(result: StepResult | undefined): unknown {
  if (result === undefined) throw new Error('no result for this step');
  if (!result.ok) throw new Error(`step failed: ${result.error.text}`);
  return result.value;
}

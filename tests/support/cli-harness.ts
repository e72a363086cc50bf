import { runCli } from '../../electron/cli/run-cli';
import type { CliIo } from '../../electron/cli/cli-io';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRunOptions {
  readonly stdin?: string;
  readonly env?: Record<string, string | undefined>;
  /** Run with `env` alone, not on top of this process's environment (offline commands, so the developer's AWS settings cannot leak in). */
  readonly isolatedEnv?: boolean;
}

/** Runs `keyless ARGS` in process, through the real parser and exit-code rules. */
export async function keyless(args: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readStdin: () => Promise.resolve(options.stdin ?? ''),
    env: options.isolatedEnv === true ? { ...options.env } : { ...process.env, ...options.env },
  };
  const code = await runCli(['node', 'keyless', ...args], io);
  return { code, stdout, stderr };
}

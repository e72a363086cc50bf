import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { KeylessFailure } from '../../../shared/errors';

/**
 * moto (the AWS emulator, Python) in server mode, as a child process of the sandbox. Python with
 * moto is a sandbox/test dependency only (DESIGN §7): the app never needs it.
 */

export interface MotoPython {
  /** Executable that runs `-m moto.server`. */
  readonly python: string;
  readonly motoVersion: string;
}

export interface FindMotoOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Where a project-local `.venv` is looked for; defaults to the current directory. */
  readonly projectRoot?: string;
}

export const MOTO_INSTALL_COMMAND = 'python3 -m pip install "moto[server]"';

/** Candidates in order: `KEYLESS_PYTHON`, `python3` on PATH, then the project's `.venv`. */
export function motoPythonCandidates(options: FindMotoOptions = {}): string[] {
  const env = options.env ?? process.env;
  const root = options.projectRoot ?? process.cwd();
  const candidates: string[] = [];
  const fromEnv = env.KEYLESS_PYTHON;
  if (fromEnv !== undefined && fromEnv.trim() !== '') candidates.push(fromEnv.trim());
  candidates.push('python3');
  for (const local of [join(root, '.venv', 'bin', 'python'), join(root, '.venv', 'Scripts', 'python.exe')]) {
    if (existsSync(local)) candidates.push(local);
  }
  return candidates;
}

interface ProcessOutcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly spawnError?: Error;
}

function runToEnd(command: string, args: readonly string[], timeoutMs: number): Promise<ProcessOutcome> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let settled = false;
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (spawnError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr, spawnError });
    });
    child.on('close', (code) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const PROBE = 'import moto, moto.server, flask; print(moto.__version__)';

/** The first candidate Python that can import moto's server, or a failure naming what to install. */
export async function findMotoPython(options: FindMotoOptions = {}): Promise<MotoPython> {
  const tried: string[] = [];
  for (const python of motoPythonCandidates(options)) {
    const outcome = await runToEnd(python, ['-c', PROBE], 30_000);
    if (outcome.code === 0) return { python, motoVersion: outcome.stdout.trim() };
    const why = outcome.spawnError !== undefined ? 'not found' : lastLine(outcome.stderr) || `exit ${String(outcome.code)}`;
    tried.push(`${python} (${why})`);
  }
  throw new KeylessFailure({
    code: 'SANDBOX_MOTO_MISSING',
    message: `No Python with moto's server found; tried ${tried.join(', ')}.`,
    nextStep: `Install it with \`${MOTO_INSTALL_COMMAND}\`, or point KEYLESS_PYTHON at a Python that has it.`,
  });
}

export interface CreateVenvOptions {
  readonly projectRoot: string;
  /** Python used to create the venv; defaults to `python3`. */
  readonly basePython?: string;
}

/**
 * Creates `<projectRoot>/.venv` and installs `moto[server]` into it. Needs PyPI; test setup uses
 * it on machines where no moto is installed yet.
 */
export async function createMotoVenv(options: CreateVenvOptions): Promise<MotoPython> {
  const base = options.basePython ?? 'python3';
  const venv = join(options.projectRoot, '.venv');
  const created = await runToEnd(base, ['-m', 'venv', venv], 120_000);
  if (created.code !== 0) {
    throw new KeylessFailure({
      code: 'SANDBOX_VENV_FAILED',
      message: `Could not create a Python virtual environment at ${venv}: ${lastLine(created.stderr) || 'unknown error'}.`,
      nextStep: `Install Python 3 with its venv module, or install moto yourself: \`${MOTO_INSTALL_COMMAND}\`.`,
    });
  }
  const python = process.platform === 'win32' ? join(venv, 'Scripts', 'python.exe') : join(venv, 'bin', 'python');
  const installed = await runToEnd(python, ['-m', 'pip', 'install', 'moto[server]'], 600_000);
  if (installed.code !== 0) {
    throw new KeylessFailure({
      code: 'SANDBOX_PIP_FAILED',
      message: `pip could not install moto[server] into ${venv}: ${lastLine(installed.stderr) || 'unknown error'}.`,
      nextStep: `Check that PyPI is reachable, or install moto another way: \`${MOTO_INSTALL_COMMAND}\`.`,
    });
  }
  return findMotoPython({ projectRoot: options.projectRoot, env: {} });
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return (lines[lines.length - 1] ?? '').trim();
}

/** A port the OS says is free right now (a moment later someone else may take it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface StartMotoOptions {
  /** 0 or absent: a free port. */
  readonly port?: number;
  /** Extra environment for moto, e.g. `INITIAL_NO_AUTH_ACTION_COUNT`. */
  readonly env?: Readonly<Record<string, string>>;
  /** Skip the search when the caller already found one. */
  readonly python?: MotoPython;
  readonly startTimeoutMs?: number;
}

export interface MotoServer {
  readonly endpoint: string;
  readonly port: number;
  readonly motoVersion: string;
  stop(): Promise<void>;
  /** Clears all of moto's state (`POST /moto-api/reset`). */
  reset(): Promise<void>;
}

/**
 * Runs moto's server through a tiny bootstrap that exits when its stdin closes: stdin is a pipe
 * from this process, so the child dies with us even when we are killed without a chance to clean
 * up (SIGKILL, a crashed test worker). It then runs `python -m moto.server -H 127.0.0.1 -p PORT`.
 */
const BOOTSTRAP = [
  'import os, sys, threading, runpy',
  'def _watch_parent():',
  '    sys.stdin.buffer.read()',
  '    os._exit(0)',
  'threading.Thread(target=_watch_parent, daemon=True).start()',
  "sys.argv = ['moto.server'] + sys.argv[1:]",
  "runpy.run_module('moto.server', run_name='__main__', alter_sys=True)",
].join('\n');

const liveChildren = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of liveChildren) child.kill('SIGKILL');
  });
}

export async function startMoto(options: StartMotoOptions = {}): Promise<MotoServer> {
  const python = options.python ?? (await findMotoPython());
  const port = options.port !== undefined && options.port !== 0 ? options.port : await freePort();
  const endpoint = `http://127.0.0.1:${String(port)}`;
  const child = spawn(python.python, ['-c', BOOTSTRAP, '-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, PYTHONUNBUFFERED: '1', ...options.env },
  });
  liveChildren.add(child);
  installExitHook();

  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      liveChildren.delete(child);
      resolve(code);
    });
    child.on('error', () => {
      liveChildren.delete(child);
      resolve(null);
    });
  });
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  for (;;) {
    if (hasExited) {
      throw new KeylessFailure({
        code: 'SANDBOX_MOTO_START_FAILED',
        message: `moto's server exited while starting on port ${String(port)}: ${lastLine(output) || 'no output'}.`,
        nextStep: 'Check that the port is free (or pass another one) and that moto runs: `python3 -m moto.server --help`.',
      });
    }
    if (await answers(`${endpoint}/moto-api/`)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new KeylessFailure({
        code: 'SANDBOX_MOTO_START_FAILED',
        message: `moto's server did not answer on ${endpoint} within ${String(options.startTimeoutMs ?? 30_000)} ms.`,
        nextStep: 'Check that the machine is not overloaded and that `python3 -m moto.server` starts by hand.',
      });
    }
    await delay(100);
  }

  return {
    endpoint,
    port,
    motoVersion: python.motoVersion,
    async stop() {
      if (hasExited) return;
      child.stdin?.end();
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), 3000)));
      const stopped = await Promise.race([exited.then(() => true), gaveUp]);
      clearTimeout(timer);
      if (!stopped) {
        child.kill('SIGKILL');
        await exited;
      }
    },
    async reset() {
      const response = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
      await response.arrayBuffer();
      if (!response.ok) {
        throw new KeylessFailure({
          code: 'SANDBOX_MOTO_RESET_FAILED',
          message: `moto refused to reset its state (HTTP ${String(response.status)}).`,
          nextStep: 'Restart the sandbox.',
        });
      }
    },
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

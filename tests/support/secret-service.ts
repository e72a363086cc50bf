import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A private Secret Service for tests: its own D-Bus session bus and an unlocked gnome-keyring,
 * with HOME and the XDG folders in a temporary directory, so nothing touches the real user's
 * keychain. Children started with `env` see only this keychain.
 *
 * `@napi-rs/keyring` binds to the session bus of its first call for the life of the process
 * (checked: changing DBUS_SESSION_BUS_ADDRESS later still reaches the first bus), so the
 * keychain-backed code must run in a child process started with `env`, not in the test process.
 */
export interface SecretServiceSession {
  /** The environment for a child process: HOME, XDG_*, DBUS_SESSION_BUS_ADDRESS. */
  readonly env: Record<string, string>;
  /** The temporary HOME; gnome-keyring keeps its files under `.local/share/keyrings`. */
  readonly home: string;
  stop(): Promise<void>;
}

export interface SecretServiceOptions {
  /**
   * `unlocked` (default): gnome-keyring with an unlocked login keyring.
   * `none`: a session bus with no Secret Service on it.
   * `no-login-keyring`: gnome-keyring runs, but with no login keyring to store into (what a
   * headless session that cannot show an unlock prompt looks like).
   */
  readonly keyring?: 'unlocked' | 'none' | 'no-login-keyring';
}

const REQUIRED_TOOLS = [
  ['dbus-daemon', 'dbus'],
  ['dbus-send', 'dbus'],
  ['gnome-keyring-daemon', 'gnome-keyring'],
] as const;

const READY_TIMEOUT_MS = 10_000;
const run = promisify(execFile);

function onPath(tool: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, tool), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Throws, never skips: a missing keychain toolchain must fail the suite loudly. */
export function assertSecretServiceTools(): void {
  const missing = REQUIRED_TOOLS.filter(([tool]) => !onPath(tool));
  if (missing.length === 0) return;
  const packages = [...new Set([...missing.map(([, pkg]) => pkg), 'dbus-x11', 'libsecret-tools'])].join(' ');
  throw new Error(
    `The vault tests need a real Secret Service, but ${missing.map(([tool]) => tool).join(', ')} ` +
      `is not installed. Install it with: sudo apt-get install ${packages} (CI installs these packages).`,
  );
}

function collectOutput(child: ChildProcess): () => string {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return () => output;
}

async function waitForBusAddress(bus: ChildProcess, output: () => string): Promise<string> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const address = /^(unix:\S+)$/m.exec(output())?.[1];
    if (address !== undefined) return address;
    if (bus.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`dbus-daemon did not start a session bus: ${output()}`);
}

async function busAnswer(env: Record<string, string>, args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await run('dbus-send', ['--session', '--print-reply', '--type=method_call', ...args], { env, timeout: 5_000 });
    return stdout;
  } catch {
    return '';
  }
}

/** Ready means: the Secret Service owns its name and, when asked for, its default collection exists and is unlocked. */
async function waitForKeyring(env: Record<string, string>, keyring: ChildProcess, output: () => string, unlocked: boolean): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const owned = await busAnswer(env, ['--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.secrets']);
    if (owned.includes('boolean true')) {
      if (!unlocked) return;
      const locked = await busAnswer(env, [
        '--dest=org.freedesktop.secrets',
        '/org/freedesktop/secrets/aliases/default',
        'org.freedesktop.DBus.Properties.Get',
        'string:org.freedesktop.Secret.Collection',
        'string:Locked',
      ]);
      if (locked.includes('boolean false')) return;
    }
    if (keyring.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gnome-keyring-daemon did not come up on the test bus${unlocked ? ' with an unlocked login keyring' : ''}: ${output()}`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
  await exited;
  clearTimeout(timer);
}

/**
 * A session bus whose only service directory is empty: nothing is started on demand, so the only
 * Secret Service on it is the one this helper starts (the stock session config would let D-Bus
 * launch the system's gnome-keyring on first use).
 */
function busConfig(socket: string, serviceDir: string): string {
  return `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=${socket}</listen>
  <servicedir>${serviceDir}</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;
}

export async function startSecretService(options: SecretServiceOptions = {}): Promise<SecretServiceSession> {
  assertSecretServiceTools();
  const root = await mkdtemp(join(tmpdir(), 'keyless-secret-service-'));
  const home = join(root, 'home');
  const runtime = join(root, 'run');
  const noActivation = join(root, 'no-activatable-services');
  await Promise.all([mkdir(home, { mode: 0o700 }), mkdir(runtime, { mode: 0o700 }), mkdir(noActivation)]);
  const base: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    LANG: 'C.UTF-8',
    HOME: home,
    XDG_RUNTIME_DIR: runtime,
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
  };

  const config = join(root, 'session-bus.conf');
  await writeFile(config, busConfig(join(root, 'bus'), noActivation));
  const bus = spawn('dbus-daemon', [`--config-file=${config}`, '--nofork', '--print-address=1'], { env: base, stdio: ['ignore', 'pipe', 'pipe'] });
  const busOutput = collectOutput(bus);
  const children: ChildProcess[] = [bus];
  const stop = async () => {
    for (const child of [...children].reverse()) await stopProcess(child);
    await rm(root, { recursive: true, force: true });
  };

  try {
    const env = { ...base, DBUS_SESSION_BUS_ADDRESS: await waitForBusAddress(bus, busOutput) };
    const mode = options.keyring ?? 'unlocked';
    if (mode !== 'none') {
      // The password arrives on stdin and ends at EOF; an empty password needs its newline, and
      // without one no login keyring is created.
      const keyring = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
      children.push(keyring);
      const keyringOutput = collectOutput(keyring);
      keyring.stdin.end(mode === 'unlocked' ? '\n' : '');
      await waitForKeyring(env, keyring, keyringOutput, mode === 'unlocked');
    }
    return { env, home, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

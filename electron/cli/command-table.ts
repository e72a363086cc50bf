import type { Command } from 'commander';

/**
 * Every `keyless` command is registered from this one table. An entry names the command and
 * loads its implementation only when that command runs, so `keyless --version` and `--help`
 * load no AWS SDK, keyring or policy catalogue module.
 *
 * To add a command: write `electron/cli/commands/<name>.ts` exporting `register(cmd)` and add
 * one line below.
 */
export interface CommandEntry {
  /** As typed: `policy`, `sandbox`, `whoami`. */
  readonly name: string;
  readonly summary: string;
  /** Declares arguments, options and subcommands on `cmd` and attaches the action. */
  readonly define: () => Promise<{ register: (cmd: Command) => void }>;
}

export const commandTable: readonly CommandEntry[] = [
  { name: 'info', summary: 'Show the version, platform and whether an OS keychain is available', define: () => import('./commands/info') },
];

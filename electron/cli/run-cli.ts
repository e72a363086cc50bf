import { Command, CommanderError } from 'commander';
import { KEYLESS_VERSION } from '../core/app/version';
import type { CliIo } from './cli-io';
import { commandTable } from './command-table';
import { reportFailure } from './report-failure';

/**
 * Runs the `keyless` command line and returns its exit code. Only commander and the command
 * table load at start; a command's implementation is imported when that command is invoked.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = new Command('keyless')
    .description('Keyless: set up the Informatica Cloud Amazon S3 v2 connection with IAM roles instead of access keys.')
    .version(KEYLESS_VERSION, '-v, --version', 'print the version')
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();

  const args = argv.slice(2);
  const invoked = args[0] === 'help' ? args[1] : args.find((arg) => !arg.startsWith('-'));
  for (const entry of commandTable) {
    const cmd = program
      .command(entry.name)
      .description(entry.summary)
      .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
      .exitOverride();
    if (entry.name === invoked) {
      const { register } = await entry.define();
      register(cmd, io);
    }
  }

  const before = process.exitCode;
  try {
    await program.parseAsync(argv);
    const code = typeof process.exitCode === 'number' ? process.exitCode : 0;
    process.exitCode = before;
    return code;
  } catch (error) {
    process.exitCode = before;
    if (error instanceof CommanderError) {
      // --help and --version end through exitOverride with code 0; usage errors are exit 2.
      return error.exitCode === 0 ? 0 : 2;
    }
    return reportFailure(error, io);
  }
}

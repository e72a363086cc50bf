/**
 * `keyless ARGS` for a child `node` started through Vite's module runner: the runner stops
 * serving imports once the entry module has finished, so this entry awaits the whole run
 * (electron/cli/keyless.ts does not, being built for plain node).
 */
import { processIo } from '../../../electron/cli/cli-io';
import { runCli } from '../../../electron/cli/run-cli';

process.exitCode = await runCli(['node', 'keyless', ...process.argv.slice(2)], processIo());

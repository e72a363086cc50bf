import { processIo } from './cli-io';
import { runCli } from './run-cli';

void runCli(process.argv, processIo()).then((code) => {
  process.exitCode = code;
});

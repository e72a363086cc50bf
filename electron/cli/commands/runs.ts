import type { Command } from 'commander';
import { listRuns, runSummary } from '../../core/engine/runs';
import { runsFolder } from '../../core/engine/journal/journal-file';
import { defaultAppDataDir } from '../../core/vault/app-data-folder';
import type { CliIo } from '../cli-io';

/** `keyless runs`: the journals in the app data folder, newest last. */
export function register(cmd: Command, io: CliIo): void {
  cmd.option('--json', 'print JSON').action(async (options: { json?: boolean }) => {
    const appDataDir = defaultAppDataDir(io.env);
    const runs = (await listRuns(appDataDir)).map(runSummary);
    if (options.json === true) {
      io.stdout(`${JSON.stringify(runs, null, 2)}\n`);
      return;
    }
    if (runs.length === 0) {
      io.stdout(`No runs yet in ${runsFolder(appDataDir)}.\n`);
      return;
    }
    for (const run of runs) io.stdout(`${run.runId}  ${run.status.padEnd(14)} ${run.stepsDone}/${run.steps} steps  ${run.setup} on ${run.instanceId} (${run.account})  ${run.startedAt}\n`);
  });
}

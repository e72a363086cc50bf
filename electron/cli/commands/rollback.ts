import type { Command } from 'commander';
import { loadRun, rollbackRunById } from '../../core/engine/runs';
import { checkRunId } from '../../core/engine/journal/journal-file';
import { defaultAppDataDir } from '../../core/vault/app-data-folder';
import type { CliIo } from '../cli-io';
import { withProgress } from './apply';
import { factoryForProfiles } from './plan';

/** `keyless rollback RUN`: remove what the run created and restore a replaced association. */
export function register(cmd: Command, io: CliIo): void {
  cmd
    .argument('<run>', 'run id (see `keyless runs`)')
    .option('--endpoint-url <url>', 'send every AWS call here (e.g. the sandbox)')
    .option('--json', 'print JSON')
    .action(async (runId: string, options: { endpointUrl?: string; json?: boolean }) => {
      const appDataDir = defaultAppDataDir(io.env);
      const record = await loadRun(appDataDir, checkRunId(runId));
      const factory = await factoryForProfiles(record.plan.input, options.endpointUrl, io);
      const json = options.json === true;
      const summary = await withProgress(record.plan.steps, io, json, (onProgress) => rollbackRunById(record.runId, { appDataDir, factory, onProgress }));
      if (json) io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
      else if (summary.status === 'complete') io.stdout(`\nRun ${runId} is rolled back: what it created is gone${record.plan.steps.some((step) => step.operation === 'ReplaceIamInstanceProfileAssociation') ? ' and the previous association is restored' : ''}.\n`);
      else io.stdout(`\nRollback of run ${runId} did not finish:\n${summary.failures.map((failure) => `  ${failure.stepId}: ${failure.error.message}`).join('\n')}\nRun \`keyless rollback ${runId}\` again once the cause is fixed.\n`);
      if (summary.status !== 'complete') process.exitCode = 1;
    });
}

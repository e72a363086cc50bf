import type { Command } from 'commander';
import { latestUnfinishedRun, loadRun, resumeRun } from '../../core/engine/runs';
import { checkRunId } from '../../core/engine/journal/journal-file';
import { defaultAppDataDir } from '../../core/vault/app-data-folder';
import type { CliIo } from '../cli-io';
import { renderSummary, withProgress } from './apply';
import { factoryForProfiles } from './plan';

/** `keyless resume [RUN]`: finish an interrupted run (the newest one when no id is given) without duplicates. */
export function register(cmd: Command, io: CliIo): void {
  cmd
    .argument('[run]', 'run id (default: the newest interrupted or failed run)')
    .option('--endpoint-url <url>', 'send every AWS call here (e.g. the sandbox)')
    .option('--json', 'print JSON')
    .action(async (runId: string | undefined, options: { endpointUrl?: string; json?: boolean }) => {
      const appDataDir = defaultAppDataDir(io.env);
      const record = runId === undefined ? await latestUnfinishedRun(appDataDir) : await loadRun(appDataDir, checkRunId(runId));
      const json = options.json === true;
      const remaining = record.plan.steps.filter((step) => !record.outcomes.has(step.id));
      if (!json) io.stdout(`Resuming run ${record.runId}: ${remaining.length} of ${record.plan.steps.length} step(s) left.\n`);
      const factory = await factoryForProfiles(record.plan.input, options.endpointUrl, io);
      const summary = await withProgress(remaining, io, json, (onProgress) => resumeRun(record, { appDataDir, factory, onProgress }));
      io.stdout(json ? `${JSON.stringify(summary, null, 2)}\n` : renderSummary(record.plan, summary));
      if (summary.status !== 'complete') process.exitCode = 1;
    });
}

import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { Listr, type ListrTaskWrapper } from 'listr2';
import { inputError } from '../../../shared/errors';
import type { Plan, PlanStep } from '../../../shared/plan/plan-model';
import type { ApplySummary } from '../../core/engine/apply/apply-run';
import { planRun } from '../../core/engine/plan-run';
import { preflightFailure, preflightLines } from '../../core/engine/preflight/describe-preflight';
import { requiredPermissions } from '../../core/engine/preflight/required-permissions';
import { runPreflight } from '../../core/engine/preflight/run-preflight';
import type { EngineProgress, ProgressListener } from '../../core/engine/progress';
import { startRun } from '../../core/engine/runs';
import { defaultAppDataDir } from '../../core/vault/app-data-folder';
import type { CliIo } from '../cli-io';
import { addProvisionOptions, factoryForProfiles, provisionInputFromCli, renderPlan, type ProvisionCliOptions } from './plan';

/**
 * `keyless apply`: plan, show the plan, check the operator's rights (preflight), ask (unless
 * --yes), then apply with live progress —
 * listr2 on a terminal, one line per event otherwise, the events themselves with --json.
 */

type Deferred = { settle: (event: EngineProgress | undefined) => void; task?: ListrTaskWrapper<unknown, never, never> };

/**
 * Runs `work` while showing its step events. On a terminal each step is a listr2 task whose
 * output line carries the propagation waits; elsewhere each event is one line.
 */
export async function withProgress<T>(
  steps: readonly Pick<PlanStep, 'id' | 'summary'>[],
  io: CliIo,
  json: boolean,
  work: (onProgress: ProgressListener) => Promise<T>,
): Promise<T> {
  if (json) return work(() => undefined);
  // listr2 draws on the process's own terminal; anywhere else (pipes, tests) events are plain lines.
  if (process.stdout.isTTY !== true) {
    return work((event) => {
      const elapsed = event.elapsedMs !== undefined ? ` (${(event.elapsedMs / 1000).toFixed(1)} s)` : '';
      io.stdout(`${event.status.padEnd(8)} ${event.stepId}: ${event.message}${elapsed}\n`);
    });
  }
  const deferred = new Map<string, Deferred>();
  const listr = new Listr(
    steps.map((step) => ({
      title: step.summary,
      task: (_ctx: unknown, task: ListrTaskWrapper<unknown, never, never>) =>
        new Promise<void>((resolve, reject) => {
          deferred.set(step.id, {
            task,
            settle: (event) => {
              if (event === undefined) task.skip('not started');
              if (event?.status === 'failed') reject(new Error(event.message));
              else resolve();
            },
          });
        }),
    })),
    { concurrent: true, exitOnError: false },
  );
  const shown = listr.run().catch(() => undefined);
  try {
    return await work((event) => {
      const entry = deferred.get(event.stepId);
      if (entry === undefined) return;
      if (event.status === 'waiting' || event.status === 'retried') {
        if (entry.task) entry.task.output = `${event.message} — ${((event.elapsedMs ?? 0) / 1000).toFixed(1)} s`;
      } else if (event.status === 'done' || event.status === 'failed') {
        entry.settle(event);
        deferred.delete(event.stepId);
      }
    });
  } finally {
    for (const entry of deferred.values()) entry.settle(undefined);
    await shown;
  }
}

async function confirm(plan: Plan, io: CliIo): Promise<boolean> {
  if (process.stdin.isTTY !== true) {
    throw inputError('INVALID_CONFIRMATION_NEEDED', 'apply changes AWS and needs a confirmation, but there is no terminal to ask on.', 'Review `keyless plan`, then run `keyless apply --yes`.');
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(`Apply these ${plan.steps.length} change(s)? [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
    io.stdout('');
  }
}

export function renderSummary(plan: Plan, summary: ApplySummary): string {
  if (summary.status !== 'complete') {
    const failed = summary.failures.map((failure) => `  ${failure.stepId}: ${failure.error.message}${failure.error.requestId ? ` (request id ${failure.error.requestId})` : ''}`).join('\n');
    return `\nRun ${plan.runId} stopped after ${(summary.durationMs / 1000).toFixed(1)} s.\n${failed}\nFinish it with \`keyless resume ${plan.runId}\`, or undo it with \`keyless rollback ${plan.runId}\`.\n`;
  }
  const { connection } = plan;
  const lines = [
    `\nRun ${plan.runId} applied ${Object.keys(summary.outcomes).length} step(s) in ${(summary.durationMs / 1000).toFixed(1)} s.`,
    'Amazon S3 v2 connection settings:',
    connection.iamRoleArn !== undefined ? `  IAM Role ARN: ${connection.iamRoleArn}` : '  IAM Role ARN: (leave empty: the instance role is used)',
    `  Use EC2 Role to Assume Role: ${connection.useEc2RoleToAssumeRole ? 'yes' : 'no'}`,
    ...(connection.externalId !== undefined ? [`  External Id: ${connection.externalId}`] : []),
    `Undo with \`keyless rollback ${plan.runId}\`.`,
  ];
  return `${lines.join('\n')}\n`;
}

export function register(cmd: Command, io: CliIo): void {
  addProvisionOptions(cmd)
    .option('--yes', 'apply without asking')
    .addHelpText('after', '\nExamples:\n  keyless apply --profile agent --region us-east-1 --bucket acme-landing --folder sales --instance-id i-0123456789abcdef0\n  keyless apply --yes --json ...   (for scripts: no prompt, JSON summary)')
    .action(async (options: ProvisionCliOptions & { yes?: boolean }) => {
      const input = provisionInputFromCli(options, io);
      const factory = await factoryForProfiles(input, options.endpointUrl, io);
      const plan = await planRun(factory, input);
      const json = options.json === true;
      if (!json) io.stdout(renderPlan(plan));
      if (json && plan.blockers.length > 0) io.stdout(`${JSON.stringify({ runId: plan.runId, status: 'blocked', plan }, null, 2)}\n`);
      if (plan.blockers.length === 0 && plan.steps.length === 0) {
        if (json) io.stdout(`${JSON.stringify({ runId: plan.runId, status: 'noChanges', plan }, null, 2)}\n`);
        return;
      }
      if (plan.blockers.length === 0) {
        // Preflight (DESIGN §5): the operator's own rights, simulated, before anything changes.
        const preflight = await runPreflight(requiredPermissions(plan), factory);
        if (!json) io.stdout(`${preflightLines(preflight).join('\n')}\n\n`);
        const stop = preflightFailure(preflight);
        if (stop !== undefined) {
          if (json) io.stdout(`${JSON.stringify({ runId: plan.runId, status: 'preflightFailed', preflight, plan }, null, 2)}\n`);
          throw stop;
        }
      }
      if (plan.blockers.length === 0 && options.yes !== true && !(await confirm(plan, io))) {
        io.stdout('Nothing was changed.\n');
        return;
      }
      const summary = await withProgress(plan.steps, io, json, (onProgress) => startRun(plan, { appDataDir: defaultAppDataDir(io.env), factory, onProgress }));
      io.stdout(json ? `${JSON.stringify({ ...summary, connection: plan.connection }, null, 2)}\n` : renderSummary(plan, summary));
      if (summary.status !== 'complete') process.exitCode = 1;
    });
}

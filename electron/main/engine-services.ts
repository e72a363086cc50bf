import { KeylessFailure } from '../../shared/errors';
import type { KeylessError } from '../../shared/errors';
import type { ApplyResult, PreflightSummary, RollbackResult } from '../../shared/ipc/engine-contract';
import type { KeylessEvent } from '../../shared/ipc/events';
import { unknownLink } from '../../shared/plan/chain-report';
import type { ChainReport } from '../../shared/plan/chain-report';
import type { Plan } from '../../shared/plan/plan-model';
import type { ProvisionInput } from '../../shared/plan/provision-input';
import { toPolicyJson } from '../../shared/policy/serialize';
import type { AwsDeps } from '../core/aws/aws-deps';
import type { AwsClientFactory } from '../core/engine/aws-clients';
import { awsFailure } from '../core/engine/aws-errors';
import { refuseBlockedPlan } from '../core/engine/apply/apply-run';
import { planRun } from '../core/engine/plan-run';
import { preflightFailure } from '../core/engine/preflight/describe-preflight';
import { requiredPermissions } from '../core/engine/preflight/required-permissions';
import { runPreflight } from '../core/engine/preflight/run-preflight';
import type { PreflightReport } from '../core/engine/preflight/run-preflight';
import { clientsForProfile, profileClientFactory } from '../core/engine/profile-clients';
import { toProgressEvent } from '../core/engine/progress';
import { listRuns, loadRun, rollbackRunById, runSummary, startRun } from '../core/engine/runs';
import { verifyPlan } from '../core/engine/verify/verify-plan';
import type { Vault } from '../core/vault/vault';
import { listInstances } from './engine-instances';
import type { ServiceTable } from './ipc-router';

/**
 * The guided setup's engine operations, in the order `keyless apply` runs them: plan, then
 * preflight, and apply only a plan that was reviewed (kept here by run id, so what is applied
 * is exactly what the user saw), only when it has changes, no blockers and a passed preflight.
 * Apply streams the engine's step events with taskId = run id, then verifies.
 */
export interface EngineServiceDeps {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly appDataDir: string;
  readonly emit: (event: KeylessEvent) => void;
  /** The vault the account operations opened (one per process: credentials cached there are reused). */
  readonly vault: () => Promise<Vault>;
}

type EngineOps = 'aws.listInstances' | 'engine.plan' | 'engine.apply' | 'engine.runs' | 'engine.rollback';

interface ReviewedPlan {
  readonly plan: Plan;
  readonly preflight: PreflightReport | undefined;
}

function summarisePreflight(report: PreflightReport): PreflightSummary {
  return {
    ok: report.ok,
    checked: report.checks.length,
    callers: report.callers.map((caller) => ({
      account: caller.account,
      arn: caller.arn,
      ...(caller.simulatedArn === undefined ? {} : { simulatedArn: caller.simulatedArn }),
      ...(caller.note === undefined ? {} : { note: caller.note }),
    })),
    missing: report.missing.map((check) => ({
      account: check.account,
      action: check.permission.action,
      resource: check.permission.resource,
      decision: check.decision,
      ...(check.permission.purpose === undefined ? {} : { purpose: check.permission.purpose }),
    })),
    operatorPolicies: report.operatorPolicies.map((request) => ({ account: request.account, callerArn: request.callerArn, policyJson: toPolicyJson(request.policy) })),
  };
}

function stepFailure(stepId: string, error: KeylessError) {
  return { stepId, message: error.message, nextStep: error.nextStep, ...(error.requestId === undefined ? {} : { requestId: error.requestId }) };
}

function notReviewed(runId: string): KeylessFailure {
  return new KeylessFailure({
    code: 'INVALID_RUN_NOT_REVIEWED',
    message: `There is no reviewed plan ${runId} waiting to be applied (it was applied already, or Keyless restarted since).`,
    nextStep: 'Go back to Review & apply and plan again.',
  });
}

function nothingToApply(runId: string): KeylessFailure {
  return new KeylessFailure({ code: 'INVALID_NOTHING_TO_APPLY', message: `Plan ${runId} changes nothing: everything it needs is already in place.`, nextStep: 'There is nothing to apply; verify the setup instead.' });
}

/** The run is applied whatever verify says; a verify that cannot run is reported as an unchecked link, not as a failed apply. */
async function verifyAfterApply(plan: Plan, factory: AwsClientFactory): Promise<ChainReport> {
  try {
    return await verifyPlan(plan, factory);
  } catch (error) {
    const { detail } = awsFailure(error, 'Verifying the applied setup');
    const reason = detail.message;
    return { subject: `Verify run ${plan.runId}`, links: [unknownLink('verify', 'Verify could not run', reason, { summary: `Run \`keyless verify\` once the cause is fixed.` })] };
  }
}

/** Plans kept for apply; older ones are dropped, since only the one on screen is ever applied. */
const REVIEWED_PLANS_KEPT = 20;

export function createEngineServices(deps: EngineServiceDeps): Pick<ServiceTable, EngineOps> {
  const reviewed = new Map<string, ReviewedPlan>();
  const remember = (plan: Plan, preflight: PreflightReport | undefined): void => {
    reviewed.set(plan.runId, { plan, preflight });
    for (const runId of reviewed.keys()) {
      if (reviewed.size <= REVIEWED_PLANS_KEPT) break;
      reviewed.delete(runId);
    }
  };
  const awsDeps = async (): Promise<AwsDeps> => ({ env: deps.env, vault: await deps.vault() });
  const factoryFor = async (input: Pick<ProvisionInput, 'profile' | 'bucketProfile' | 'region'>) =>
    profileClientFactory({ profile: input.profile, bucketProfile: input.bucketProfile }, await awsDeps(), { region: input.region });
  const emitProgress = (event: Parameters<typeof toProgressEvent>[0]): void => deps.emit(toProgressEvent(event));

  return {
    'aws.listInstances': async ({ profile, region }) => {
      const { clients } = await clientsForProfile(profile, await awsDeps(), { region });
      try {
        return await listInstances(clients.ec2, region);
      } finally {
        clients.destroy();
      }
    },

    'engine.plan': async (input) => {
      const factory = await factoryFor(input);
      try {
        const plan = await planRun(factory, input);
        const changes = plan.steps.length > 0 && plan.blockers.length === 0;
        // Preflight only for a plan that could be applied: a blocked plan must first be re-planned.
        const preflight = changes ? await runPreflight(requiredPermissions(plan), factory) : undefined;
        remember(plan, preflight);
        return { plan, ...(preflight === undefined ? {} : { preflight: summarisePreflight(preflight) }), applicable: changes && preflight?.ok === true };
      } finally {
        factory.destroy();
      }
    },

    'engine.apply': async ({ runId }): Promise<ApplyResult> => {
      const entry = reviewed.get(runId);
      if (entry === undefined) throw notReviewed(runId);
      const { plan, preflight } = entry;
      refuseBlockedPlan(plan);
      if (plan.steps.length === 0 || preflight === undefined) throw nothingToApply(runId);
      const stop = preflightFailure(preflight);
      if (stop !== undefined) throw stop;
      // Taken out before the first await, so a double click cannot apply the same plan twice.
      reviewed.delete(runId);
      const factory = await factoryFor(plan.input);
      try {
        const summary = await startRun(plan, { appDataDir: deps.appDataDir, factory, onProgress: emitProgress });
        const verify = summary.status === 'complete' ? await verifyAfterApply(plan, factory) : undefined;
        return {
          runId: plan.runId,
          status: summary.status,
          stepsDone: Object.keys(summary.outcomes).length,
          steps: plan.steps.length,
          failures: summary.failures.map((failure) => stepFailure(failure.stepId, failure.error)),
          notStarted: [...summary.notStarted],
          durationMs: summary.durationMs,
          connection: plan.connection,
          ...(verify === undefined ? {} : { verify: { subject: verify.subject, links: [...verify.links] } }),
        };
      } finally {
        factory.destroy();
      }
    },

    'engine.runs': async () => {
      const runs = await listRuns(deps.appDataDir);
      return { runs: runs.map(runSummary) };
    },

    'engine.rollback': async ({ runId }): Promise<RollbackResult> => {
      const record = await loadRun(deps.appDataDir, runId);
      const factory = await factoryFor(record.plan.input);
      try {
        const summary = await rollbackRunById(runId, { appDataDir: deps.appDataDir, factory, onProgress: emitProgress });
        return { runId, status: summary.status, undone: Object.keys(summary.undone).length, failures: summary.failures.map((failure) => stepFailure(failure.stepId, failure.error)) };
      } finally {
        factory.destroy();
      }
    },
  };
}

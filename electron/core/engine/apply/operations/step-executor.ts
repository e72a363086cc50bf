import { KeylessFailure } from '../../../../../shared/errors';
import { RUN_TAG } from '../../../../../shared/plan/plan-builder';
import type { Tags } from '../../../../../shared/plan/observed-state';
import type { PlanStep } from '../../../../../shared/plan/plan-model';
import type { EngineClients } from '../../aws-clients';
import type { EngineClock } from '../../clock';
import type { StepOutcome } from '../../journal/journal-entry';
import type { PropagationContext, PropagationHooks } from '../propagation';

export interface StepRunContext {
  readonly runId: string;
  readonly clients: EngineClients;
  readonly clock: EngineClock;
  readonly propagation: PropagationContext;
  readonly hooks: PropagationHooks;
  /** Outcomes of the step's dependencies (journaled earlier in this run or a previous attempt). */
  readonly dependencyOutcomes: Readonly<Record<string, StepOutcome>>;
}

/**
 * How one plan operation is carried out. `lookup` finds the step's effect already in AWS: after
 * a crash between the call and its journaled outcome, and when a create that went through is
 * answered EntityAlreadyExists on the SDK's retry. Creates adopt a resource only when it carries
 * this run's `keyless:run` tag.
 */
export interface StepExecutor {
  lookup(step: PlanStep, ctx: StepRunContext): Promise<StepOutcome | undefined>;
  run(step: PlanStep, ctx: StepRunContext): Promise<StepOutcome>;
}

export function param(step: PlanStep, name: string): string {
  const value = step.params[name];
  if (typeof value !== 'string') throw new Error(`step ${step.id} has no ${name} parameter`);
  return value;
}

export function requestIdOf(result: { $metadata?: { requestId?: string } }): { requestId?: string } {
  const id = result.$metadata?.requestId;
  return id === undefined ? {} : { requestId: id };
}

/** A resource with our name exists but this run did not create it: never adopt or touch it. */
export function requireOurs(tags: Tags, what: string, runId: string): void {
  if (tags[RUN_TAG] === runId) return;
  throw new KeylessFailure({
    code: 'RESOURCE_NOT_FROM_THIS_RUN',
    message: `${what} already exists but was not created by run ${runId}${tags[RUN_TAG] ? ` (it was created by run ${tags[RUN_TAG]})` : ''}.`,
    nextStep: 'Run `keyless plan` again: the new plan takes the existing resource into account.',
  });
}

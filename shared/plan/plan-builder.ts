import type { PlanIssue, PlanResource, PlanStep } from './plan-model';
import type { Tags } from './observed-state';

/** Collects resources, steps and issues while the planner walks the desired setup. */
export class PlanBuilder {
  readonly resources: PlanResource[] = [];
  readonly steps: PlanStep[] = [];
  readonly warnings: PlanIssue[] = [];
  readonly blockers: PlanIssue[] = [];

  constructor(readonly tags: readonly { readonly Key: string; readonly Value: string }[]) {}

  resource(resource: Omit<PlanResource, 'steps'>, steps: readonly PlanStep[] = []): void {
    this.resources.push({ ...resource, steps: steps.map((step) => step.id) });
    this.steps.push(...steps);
  }

  /** The step that creates or changes `resourceKey`, if this plan has one (others depend on it). */
  stepFor(resourceKey: string): string | undefined {
    const steps = this.steps.filter((step) => step.resource === resourceKey);
    return steps[steps.length - 1]?.id;
  }
}

export function dependencies(...ids: (string | undefined)[]): string[] {
  return ids.filter((id): id is string => id !== undefined);
}

export const MANAGED_TAG = 'keyless:managed';
export const RUN_TAG = 'keyless:run';

/** Tags for everything a run creates: the user's, plus the two Keyless finds its own work by. */
export function runTags(userTags: readonly { readonly key: string; readonly value: string }[], runId: string): { Key: string; Value: string }[] {
  return [...userTags.map((tag) => ({ Key: tag.key, Value: tag.value })), { Key: MANAGED_TAG, Value: 'true' }, { Key: RUN_TAG, Value: runId }];
}

export function managedByKeyless(tags: Tags): boolean {
  return tags[MANAGED_TAG] === 'true';
}

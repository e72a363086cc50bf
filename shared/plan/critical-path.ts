import type { PlanStep } from './plan-model';

/**
 * The dependency graph's shape: levels (steps that may run together) and the longest chain,
 * which bounds how fast any apply can be (the bench compares against it).
 */

export function stepDepths(steps: readonly PlanStep[]): Map<string, number> {
  const byId = new Map(steps.map((step) => [step.id, step]));
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) throw new Error(`the plan's steps form a cycle through ${id}`);
    visiting.add(id);
    const step = byId.get(id);
    const own = 1 + Math.max(0, ...(step?.dependsOn ?? []).filter((dep) => byId.has(dep)).map(visit));
    visiting.delete(id);
    depth.set(id, own);
    return own;
  };
  for (const step of steps) visit(step.id);
  return depth;
}

/** Number of calls on the longest chain of dependent steps. */
export function longestChain(steps: readonly PlanStep[]): number {
  return Math.max(0, ...stepDepths(steps).values());
}

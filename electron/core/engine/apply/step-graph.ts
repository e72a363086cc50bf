/**
 * Runs steps as a dependency graph: every step whose dependencies are done starts at once, so
 * independent IAM calls overlap. After a failure no new step starts; steps already running finish
 * (their outcomes are journaled), and the rest are reported as not started.
 */
export interface GraphStep {
  readonly id: string;
  readonly dependsOn: readonly string[];
}

export interface GraphResult {
  readonly done: readonly string[];
  readonly failed: readonly { readonly id: string; readonly error: unknown }[];
  readonly notStarted: readonly string[];
}

export async function runStepGraph<S extends GraphStep>(
  steps: readonly S[],
  run: (step: S) => Promise<void>,
  options: { readonly alreadyDone?: ReadonlySet<string>; readonly concurrency?: number } = {},
): Promise<GraphResult> {
  const ids = new Set(steps.map((step) => step.id));
  const done = new Set<string>(options.alreadyDone ?? []);
  const finished: string[] = [];
  const failed: { id: string; error: unknown }[] = [];
  const pending = steps.filter((step) => !done.has(step.id));
  const running = new Map<string, Promise<void>>();
  const limit = options.concurrency ?? Number.POSITIVE_INFINITY;
  const ready = (step: S): boolean => step.dependsOn.every((dep) => done.has(dep) || !ids.has(dep));

  for (;;) {
    if (failed.length === 0) {
      for (const step of [...pending]) {
        if (running.size >= limit) break;
        if (!ready(step)) continue;
        pending.splice(pending.indexOf(step), 1);
        running.set(
          step.id,
          run(step).then(
            () => {
              done.add(step.id);
              finished.push(step.id);
            },
            (error: unknown) => {
              failed.push({ id: step.id, error });
            },
          ),
        );
      }
    }
    if (running.size === 0) break;
    const settled = await Promise.race([...running.entries()].map(([id, promise]) => promise.then(() => id)));
    running.delete(settled);
  }
  return { done: finished, failed, notStarted: pending.map((step) => step.id) };
}

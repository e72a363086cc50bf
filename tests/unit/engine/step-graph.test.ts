import { describe, expect, it } from 'vitest';
import { runStepGraph } from '../../../electron/core/engine/apply/step-graph';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('step graph scheduler', () => {
  it('runs independent steps at the same time and respects dependencies', async () => {
    const log: string[] = [];
    let running = 0;
    let peak = 0;
    const steps = [
      { id: 'role', dependsOn: [] },
      { id: 'policy', dependsOn: [] },
      { id: 'profile', dependsOn: [] },
      { id: 'attach', dependsOn: ['role', 'policy'] },
      { id: 'add', dependsOn: ['role', 'profile'] },
      { id: 'associate', dependsOn: ['add'] },
    ];
    const started = Date.now();
    const result = await runStepGraph(steps, async (step) => {
      running++;
      peak = Math.max(peak, running);
      log.push(`start ${step.id}`);
      await delay(60);
      log.push(`end ${step.id}`);
      running--;
    });
    expect(result.failed).toEqual([]);
    expect(peak).toBe(3);
    const at = (entry: string) => log.indexOf(entry);
    expect(at('start attach')).toBeGreaterThan(Math.max(at('end role'), at('end policy')));
    expect(at('start associate')).toBeGreaterThan(at('end add'));
    // Three levels of 60 ms, not six steps of 60 ms.
    expect(Date.now() - started).toBeLessThan(6 * 60);
  });

  it('after a failure starts nothing new, lets running steps finish, and reports the rest', async () => {
    const finished: string[] = [];
    const result = await runStepGraph(
      [
        { id: 'a', dependsOn: [] },
        { id: 'slow', dependsOn: [] },
        { id: 'b', dependsOn: ['a'] },
      ],
      async (step) => {
        if (step.id === 'a') throw new Error('boom');
        await delay(30);
        finished.push(step.id);
      },
    );
    expect(result.failed.map((failure) => failure.id)).toEqual(['a']);
    expect(finished).toEqual(['slow']);
    expect(result.notStarted).toEqual(['b']);
  });

  it('skips steps already done (resume) and honours a concurrency limit', async () => {
    const ran: string[] = [];
    let running = 0;
    let peak = 0;
    await runStepGraph(
      [
        { id: 'x', dependsOn: [] },
        { id: 'y', dependsOn: [] },
        { id: 'z', dependsOn: [] },
        { id: 'w', dependsOn: ['x'] },
      ],
      async (step) => {
        running++;
        peak = Math.max(peak, running);
        await delay(10);
        ran.push(step.id);
        running--;
      },
      { alreadyDone: new Set(['x']), concurrency: 1 },
    );
    expect(ran.sort()).toEqual(['w', 'y', 'z']);
    expect(peak).toBe(1);
  });
});

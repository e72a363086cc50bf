import { describe, expect, it } from 'vitest';
import { foldJournal } from '../../../electron/core/engine/journal/run-record';
import type { JournalEntry } from '../../../electron/core/engine/journal/journal-entry';
import { toProgressEvent } from '../../../electron/core/engine/progress';
import { ProgressEvent } from '../../../shared/ipc/events';
import { planProvisioning } from '../../../shared/plan/planner';
import { identities, input, state } from './plan-fixtures';

const plan = planProvisioning({ input: input(), identities, state: state(), runId: 'run-7', createdAt: '2026-11-28T00:00:00.000Z' });
const at = '2026-11-28T00:00:01.000Z';
const all = (kind: 'intent' | 'outcome'): JournalEntry[] =>
  plan.steps.map((step) => (kind === 'intent' ? { kind, at, stepId: step.id } : { kind, at, stepId: step.id, outcome: {} }));

describe('a run folded from its journal', () => {
  it('moves planned → interrupted → complete → rolled back', () => {
    const planned: JournalEntry[] = [{ kind: 'plan', at, plan }];
    expect(foldJournal('run-7', planned).status).toBe('planned');
    const started = [...planned, ...all('intent').slice(0, 2)];
    expect(foldJournal('run-7', started).status).toBe('interrupted');
    const failed = [...started, { kind: 'failure', at, stepId: plan.steps[0]?.id ?? '', error: { code: 'AWS_X', message: 'x', nextStep: 'y' } }, { kind: 'finished', at, status: 'failed' }] satisfies JournalEntry[];
    expect(foldJournal('run-7', failed).status).toBe('failed');
    const complete = [...planned, ...all('intent'), ...all('outcome')];
    expect(foldJournal('run-7', complete).status).toBe('complete');
    expect(foldJournal('run-7', [...complete, { kind: 'rolledBack', at, status: 'complete' }]).status).toBe('rolledBack');
  });

  it('refuses a journal that does not start with a plan', () => {
    expect(() => foldJournal('run-7', [{ kind: 'intent', at, stepId: 'x' }])).toThrow(/does not start with its plan/);
  });
});

describe('progress events', () => {
  it('map 1:1 onto the IPC ProgressEvent, the run id as task id', () => {
    const event = toProgressEvent({ runId: 'run-7', stepId: 'association:associate', status: 'waiting', message: 'Waiting', elapsedMs: 1200, at });
    expect(ProgressEvent.parse(event)).toEqual({ kind: 'progress', taskId: 'run-7', stepId: 'association:associate', status: 'waiting', message: 'Waiting', elapsedMs: 1200, at });
  });
});

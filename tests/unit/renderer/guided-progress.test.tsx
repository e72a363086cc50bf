// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { ApplyProgress, viewOf } from '../../../renderer/guided/review/ApplyProgress';
import type { ProgressEvent } from '../../../shared/ipc/events';
import type { PlanStep } from '../../../shared/plan/plan-model';

const step = (id: string, summary: string): PlanStep => ({ id, resource: id, account: 'agent', service: 'iam', operation: 'CreateRole', params: {}, resourceArn: '*', dependsOn: [], summary });
const STEPS = [step('role', 'Create role r'), step('profile', 'Create instance profile p'), step('associate', 'Associate p with i-1'), step('attach', 'Attach policy')];
const at = (ms: number) => new Date(Date.UTC(2026, 10, 28, 1, 0, 0) + ms).toISOString();
const ev = (stepId: string, status: ProgressEvent['status'], ms: number, elapsedMs?: number, message = stepId): ProgressEvent => ({
  kind: 'progress',
  taskId: 'run-1',
  stepId,
  status,
  message,
  at: at(ms),
  ...(elapsedMs === undefined ? {} : { elapsedMs }),
});

afterEach(cleanup);

describe('apply progress', () => {
  it('shows each step at its latest event: done, waiting with seconds, failed with the reason, pending', () => {
    const events = [
      ev('role', 'started', 0),
      ev('role', 'done', 200, 200, 'Create role r'),
      ev('associate', 'started', 300),
      ev('associate', 'retried', 900, 600),
      ev('associate', 'waiting', 1000, 7000, 'Waiting for IAM changes to propagate'),
      ev('profile', 'started', 300),
      ev('profile', 'failed', 400, 100, 'CreateInstanceProfile failed: AccessDenied'),
    ];
    render(<ApplyProgress steps={STEPS} events={events} />);
    const rows = within(screen.getByRole('list', { name: 'Apply progress' })).getAllByRole('listitem');
    expect(rows.map((row) => row.getAttribute('data-status'))).toEqual(['done', 'failed', 'waiting', 'pending']);
    expect(rows[1]!.textContent).toContain('AccessDenied');
    expect(rows[2]!.textContent).toMatch(/Waiting for propagation.*\d+ s so far/);
    expect(rows[2]!.textContent).toContain('(1 retry)');
  });

  it('keeps counting a wait from the time of its event', () => {
    const events = [ev('associate', 'waiting', 1000, 4000)];
    expect(viewOf('associate', events, Date.parse(at(1000))).elapsedMs).toBe(4000);
    expect(viewOf('associate', events, Date.parse(at(6000))).elapsedMs).toBe(9000);
    expect(viewOf('associate', [...events, ev('associate', 'done', 7000, 10000)], Date.parse(at(20000))).elapsedMs).toBe(10000);
  });
});

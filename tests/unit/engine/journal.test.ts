import { appendFile, mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JournalWriter, journalPath, readJournal } from '../../../electron/core/engine/journal/journal-file';
import { loadRun } from '../../../electron/core/engine/journal/run-record';
import { planProvisioning } from '../../../shared/plan/planner';
import { identities, input, state } from './plan-fixtures';

const plan = planProvisioning({ input: input(), identities, state: state(), runId: 'run-42', createdAt: '2026-11-28T00:00:00.000Z' });

describe('run journal', () => {
  it('is a 0600 JSON-lines file under runs/, folded into intents, outcomes and a status', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'keyless-journal-'));
    const journal = await JournalWriter.open(dir, plan.runId);
    await journal.append({ kind: 'plan', at: 't0', plan });
    await Promise.all([
      journal.append({ kind: 'intent', at: 't1', stepId: 'role:instance:create' }),
      journal.append({ kind: 'intent', at: 't1', stepId: 'policy:s3:create' }),
    ]);
    await journal.append({ kind: 'outcome', at: 't2', stepId: 'role:instance:create', outcome: { arn: 'arn:aws:iam::111111111111:role/agent-role', requestId: 'req-1' } });
    await journal.close();
    expect((await stat(journalPath(dir, plan.runId))).mode & 0o777).toBe(0o600);
    const record = await loadRun(dir, plan.runId);
    expect(record.status).toBe('interrupted');
    expect([...record.intents].sort()).toEqual(['policy:s3:create', 'role:instance:create']);
    expect(record.outcomes.get('role:instance:create')?.requestId).toBe('req-1');
  });

  it('ignores a torn last line (a crash mid-write) but not a corrupt line in the middle', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'keyless-journal-'));
    const journal = await JournalWriter.open(dir, plan.runId);
    await journal.append({ kind: 'plan', at: 't0', plan });
    await journal.close();
    await appendFile(journalPath(dir, plan.runId), '{"kind":"intent","at":"t1","step');
    expect(await readJournal(dir, plan.runId)).toHaveLength(1);
    await appendFile(journalPath(dir, plan.runId), '\n{"kind":"intent","at":"t1","stepId":"x"}\n');
    await expect(readJournal(dir, plan.runId)).rejects.toThrow(/Line 2/);
  });

  it('refuses run ids that could leave the runs folder, and names unknown runs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'keyless-journal-'));
    await expect(readJournal(dir, '../etc/passwd')).rejects.toThrow(/not a run id/);
    await expect(readJournal(dir, 'no-such-run')).rejects.toThrow(/There is no run no-such-run/);
  });
});

import { mkdir, open, readFile, readdir, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { KeylessFailure } from '../../../../shared/errors';
import { JournalEntry } from './journal-entry';

/**
 * A run's journal: `<appData>/runs/<runId>.jsonl`, append-only, mode 0600. Every line is
 * fsync'd before `append` resolves, and the engine awaits it before the call it announces, so
 * after a crash the file says at least as much as AWS saw (an intent may lack its outcome; an
 * outcome never lacks its intent).
 */

export function runsFolder(appDataDir: string): string {
  return join(appDataDir, 'runs');
}

export function journalPath(appDataDir: string, runId: string): string {
  return join(runsFolder(appDataDir), `${runId}.jsonl`);
}

const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function checkRunId(runId: string): string {
  if (!RUN_ID.test(runId)) {
    throw new KeylessFailure({ code: 'INVALID_RUN_ID', message: `"${runId}" is not a run id.`, nextStep: 'List runs with `keyless runs` and copy an id from there.' });
  }
  return runId;
}

export class JournalWriter {
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    private readonly handle: FileHandle,
    readonly path: string,
  ) {}

  static async open(appDataDir: string, runId: string): Promise<JournalWriter> {
    await mkdir(runsFolder(appDataDir), { recursive: true, mode: 0o700 });
    const path = journalPath(appDataDir, checkRunId(runId));
    const handle = await open(path, 'a', 0o600);
    return new JournalWriter(handle, path);
  }

  /** Appends one entry and waits until it is on disk. Concurrent appends are written in call order. */
  append(entry: JournalEntry): Promise<void> {
    const line = `${JSON.stringify(JournalEntry.parse(entry))}\n`;
    const write = this.queue.then(async () => {
      await this.handle.appendFile(line, 'utf8');
      await this.handle.sync();
    });
    this.queue = write.catch(() => undefined);
    return write;
  }

  async close(): Promise<void> {
    await this.queue;
    await this.handle.close();
  }
}

/** Every complete line; a torn last line (the process died mid-write) is ignored. */
export async function readJournal(appDataDir: string, runId: string): Promise<JournalEntry[]> {
  let text: string;
  try {
    text = await readFile(journalPath(appDataDir, checkRunId(runId)), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new KeylessFailure({ code: 'INVALID_RUN_ID', message: `There is no run ${runId} in ${runsFolder(appDataDir)}.`, nextStep: 'List runs with `keyless runs`.' });
    }
    throw error;
  }
  const entries: JournalEntry[] = [];
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  lines.forEach((line, index) => {
    try {
      entries.push(JournalEntry.parse(JSON.parse(line)));
    } catch (error) {
      if (index === lines.length - 1) return;
      throw new KeylessFailure({ code: 'JOURNAL_CORRUPT', message: `Line ${index + 1} of the journal of run ${runId} is not a journal entry: ${(error as Error).message}`, nextStep: 'Do not edit journal files; report the file to support.' });
    }
  });
  return entries;
}

export async function listRunIds(appDataDir: string): Promise<string[]> {
  try {
    const names = await readdir(runsFolder(appDataDir));
    return names.filter((name) => name.endsWith('.jsonl')).map((name) => name.slice(0, -'.jsonl'.length)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

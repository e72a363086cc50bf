import { randomBytes } from 'node:crypto';
import { access, chmod, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const POSIX = process.platform !== 'win32';

/** Creates the app data folder owner-only (0700), and narrows it if it already exists wider. */
export async function ensurePrivateFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  if (!POSIX) return;
  const { mode } = await stat(folder);
  if ((mode & 0o077) !== 0) await chmod(folder, mode & 0o700);
}

/** Narrows an existing file to owner-only (0600), e.g. after it was copied in with a wider mode. */
export async function narrowToOwner(file: string): Promise<void> {
  if (!POSIX) return;
  try {
    const { mode } = await stat(file);
    if ((mode & 0o077) !== 0) await chmod(file, mode & 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Replaces `file` so that a reader sees either the old or the new content, never a mix: the
 * bytes go to a temporary file in the same folder (owner-only from creation), are flushed to
 * disk, then renamed over the old file.
 */
export async function writeFileAtomically(file: string, content: string): Promise<void> {
  const folder = dirname(file);
  const temporary = join(folder, `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

/** Makes the rename itself durable. Windows cannot open a folder for flushing; there it is skipped. */
async function syncFolder(folder: string): Promise<void> {
  if (!POSIX) return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Reads the file's text, or undefined when there is none yet. */
export async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    const handle = await open(file, 'r');
    try {
      return await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Moves an unusable vault file out of the way as `vault.<timestamp>.corrupt` next to it, so that
 * nothing is overwritten or deleted. Returns the new path.
 */
export async function setAside(file: string, now: Date): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const folder = dirname(file);
  for (let attempt = 0; ; attempt += 1) {
    const target = join(folder, `vault.${stamp}${attempt === 0 ? '' : `-${attempt}`}.corrupt`);
    if (await exists(target)) continue;
    await rename(file, target);
    return target;
  }
}

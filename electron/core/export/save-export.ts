import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { isAbsolute, join, normalize, sep } from 'node:path';
import { KeylessFailure } from '../../../shared/errors';

export interface ExportFileToSave {
  readonly name: string;
  readonly content: string;
}

/**
 * Writes an export into a folder the user chose. The folder must be new or empty: an export
 * never overwrites a file the user already has (an older main.tf, say). File names come from
 * the renderer, so each must stay inside the folder.
 */
export async function saveExportFiles(folder: string, files: readonly ExportFileToSave[]): Promise<string[]> {
  const targets = files.map((file) => ({ file, path: safeTarget(folder, file.name) }));
  const existing = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw new KeylessFailure({
      code: 'EXPORT_FOLDER_UNREADABLE',
      message: `Keyless cannot use ${folder} for the export (${error.code ?? 'error'}).`,
      nextStep: 'Choose a folder you can write to.',
    });
  });
  if (existing.length > 0) {
    throw new KeylessFailure({
      code: 'EXPORT_FOLDER_NOT_EMPTY',
      message: `${folder} already has files in it; the export would mix with them.`,
      nextStep: 'Choose a new folder name; Keyless never overwrites files you already have.',
    });
  }
  for (const { file, path } of targets) {
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, file.content, { flag: 'wx', mode: file.name.endsWith('.sh') ? 0o755 : 0o644 });
  }
  return targets.map(({ file }) => file.name);
}

function safeTarget(folder: string, name: string): string {
  const normalised = normalize(name);
  if (isAbsolute(normalised) || normalised.split(sep).includes('..') || normalised.includes('\0')) {
    throw new KeylessFailure({
      code: 'INVALID_EXPORT_FILE_NAME',
      message: `The export file name "${name.slice(0, 100)}" would leave the chosen folder.`,
      nextStep: 'Export again; if this persists, report it.',
    });
  }
  return join(folder, normalised);
}

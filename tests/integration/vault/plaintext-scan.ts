import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The forms a secret could take in a file if it were stored without encryption: as text (UTF-8
 * and UTF-16), hex, and base64/base64url at each of the three byte alignments (a value embedded
 * in a larger base64 blob encodes differently depending on where it starts).
 */
export function plaintextForms(secret: string): Buffer[] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms = [bytes, Buffer.from(secret, 'utf16le'), Buffer.from(bytes.toString('hex'), 'ascii')];
  for (let offset = 0; offset < 3; offset += 1) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    // Drop the characters that depend on bytes before or after the secret.
    const stable = encoded.slice(offset === 0 ? 0 : 4, encoded.length - 4);
    forms.push(Buffer.from(stable, 'ascii'), Buffer.from(stable.replace(/\+/g, '-').replace(/\//g, '_'), 'ascii'));
  }
  return forms;
}

export interface PlaintextHit {
  readonly file: string;
  readonly secret: string;
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Every file under `folders` that holds one of `secrets` in any of its plaintext forms. */
export async function findPlaintext(folders: readonly string[], secrets: readonly string[]): Promise<{ scanned: string[]; hits: PlaintextHit[] }> {
  const scanned = (await Promise.all(folders.map(filesUnder))).flat();
  const hits: PlaintextHit[] = [];
  for (const file of scanned) {
    const content = await readFile(file);
    for (const secret of secrets) {
      if (plaintextForms(secret).some((form) => content.includes(form))) hits.push({ file, secret });
    }
  }
  return { scanned, hits };
}

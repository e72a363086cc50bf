import { fail, ok, type Result } from '../errors';

/** S3's limit on an object key, in bytes of UTF-8. */
export const S3_KEY_MAX_BYTES = 1024;

export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

const NEXT_STEP = 'Enter the folder as Informatica\'s Folder Path expects it, e.g. "landing/sales", or leave it out for the whole bucket.';

function invalid(folder: string, why: string): Result<string> {
  return fail('INVALID_FOLDER_PATH', `Folder path ${JSON.stringify(folder)} is not valid: ${why}.`, NEXT_STEP);
}

/**
 * A folder path inside the bucket, as the S3 v2 connection's "Folder Path" takes it: segments
 * separated by single slashes, with no slash at either end (the seed's rule — a trailing slash
 * makes the connector look for an empty-named folder).
 */
export function validateFolderPath(folder: string): Result<string> {
  if (folder.length === 0) return invalid(folder, 'it is empty (omit the folder to grant the whole bucket)');
  if (folder.startsWith('/')) return invalid(folder, 'it starts with "/" — folder paths are relative to the bucket');
  if (folder.endsWith('/')) return invalid(folder, 'it ends with "/" — remove the trailing slash');
  if (folder.includes('//')) return invalid(folder, 'it contains "//", an empty folder name');
  const control = [...folder].find((ch) => {
    const code = ch.codePointAt(0) ?? 0;
    return code < 0x20 || code === 0x7f;
  });
  if (control !== undefined) {
    return invalid(folder, `it contains the control character U+${(control.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
  }
  const dotSegment = folder.split('/').find((segment) => segment === '.' || segment === '..');
  if (dotSegment !== undefined) {
    return invalid(folder, `it contains the segment "${dotSegment}", which S3 tools and SDKs treat as a relative path`);
  }
  // The prefix `folder/` plus at least one character of an object name must fit in a key.
  const bytes = utf8ByteLength(folder);
  if (bytes + 2 > S3_KEY_MAX_BYTES) {
    return invalid(folder, `it is ${bytes} bytes of UTF-8; with "/" and a file name it must fit S3's ${S3_KEY_MAX_BYTES}-byte key limit`);
  }
  return ok(folder);
}

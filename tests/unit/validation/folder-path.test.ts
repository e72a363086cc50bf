import { describe, expect, it } from 'vitest';
import { utf8ByteLength, validateFolderPath } from '../../../shared/validation/folder-path';

describe('validateFolderPath', () => {
  it.each(['landing', 'landing/sales', 'a/b/c/d', 'with space/and-dash_under.score', 'données/été', '日本語/データ', 'x'.repeat(1022), 'a.b/..c/c..'])(
    'accepts %s',
    (folder) => {
      expect(validateFolderPath(folder)).toEqual({ ok: true, value: folder });
    },
  );

  it.each([
    ['', /it is empty/],
    ['/landing', /starts with "\/"/],
    ['landing/', /ends with "\/" — remove the trailing slash/],
    ['landing//sales', /contains "\/\/"/],
    ['landing/\u0007bell', /control character U\+0007/],
    ['landing/\u007f', /control character U\+007F/],
    ['landing/../secret', /segment ".."/],
    ['./landing', /segment "."/],
    ['x'.repeat(1023), /1023 bytes.*1024-byte key limit/],
    ['é'.repeat(512), /1024 bytes/],
  ])('rejects %j', (folder, message) => {
    const result = validateFolderPath(folder);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_FOLDER_PATH');
    expect(result.error.message).toMatch(message);
    expect(result.error.nextStep).toMatch(/Folder Path/);
  });

  it('counts UTF-8 bytes, not UTF-16 units', () => {
    expect(utf8ByteLength('a')).toBe(1);
    expect(utf8ByteLength('é')).toBe(2);
    expect(utf8ByteLength('日')).toBe(3);
    expect(utf8ByteLength('😀')).toBe(4);
  });
});

import { describe, expect, it } from 'vitest';
import { draftExportInput } from '../../../shared/export/draft-export';
import { EXPORT_FORMATS } from '../../../shared/export/export-input';
import { renderExport } from '../../../shared/export/render-export';
import { draftFor, SETUPS } from './export-fixtures';

/** Shapes of AWS credentials: access key ids, 40-character secret keys, and the names they travel under. */
const CREDENTIAL_PATTERNS: readonly RegExp[] = [
  /\b(AKIA|ASIA|AIDA|AROA)[0-9A-Z]{16}\b/,
  /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/,
  /aws_access_key_id|aws_secret_access_key|aws_session_token/i,
  /AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN/,
  /secret[_-]?key|SecretAccessKey|AccessKeyId|SessionToken/i,
];

describe('exports never contain credentials', () => {
  for (const setup of SETUPS) {
    for (const format of EXPORT_FORMATS) {
      it(`${format}, setup ${setup}`, () => {
        const files = renderExport(format, draftExportInput(draftFor(setup)));
        expect(files.length).toBeGreaterThan(0);
        for (const file of files) {
          for (const pattern of CREDENTIAL_PATTERNS) expect(file.content, `${file.name} ${String(pattern)}`).not.toMatch(pattern);
        }
      });
    }
  }

  it.each([
    'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
    'secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'aws_secret_access_key=x',
    'export AWS_SESSION_TOKEN=x',
    '{"SecretAccessKey": "x"}',
  ])('each pattern catches what it is for (so the tests above can fail): %s', (leak) => {
    expect(CREDENTIAL_PATTERNS.some((p) => p.test(leak))).toBe(true);
  });
  it('every pattern catches at least one sample', () => {
    const samples = ['ASIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'aws_session_token', 'AWS_ACCESS_KEY_ID', 'AccessKeyId'];
    CREDENTIAL_PATTERNS.forEach((pattern, i) => expect(pattern.test(samples[i]!)).toBe(true));
  });
});

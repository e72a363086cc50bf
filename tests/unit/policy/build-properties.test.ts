import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/policy/evaluate';
import { buildPermissionsPolicy } from '../../../shared/policy/build/permissions-policy';
import type { PolicyDocument } from '../../../shared/policy/model';
import { parsePolicy } from '../../../shared/policy/parse';
import { toPolicyJson } from '../../../shared/policy/serialize';
import { findBucketNameViolation } from '../../../shared/validation/bucket-name';
import { validateFolderPath } from '../../../shared/validation/folder-path';

/**
 * Folder names a user might type, including IAM wildcards, "$" and non-Latin text. Spaces are left
 * out: S3 allows them, but parse-values.ts rejects whitespace in ARNs, and whether IAM does is
 * unconfirmed.
 */
const segment = fc.stringMatching(/^[a-zA-Z0-9_.*?$()[\]{}+=,@!'&;éüß日本-]{1,12}$/).filter((s) => s !== '.' && s !== '..');
const folder = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));
const bucket = fc.stringMatching(/^[a-z0-9][a-z0-9.-]{1,30}[a-z0-9]$/).filter((name) => findBucketNameViolation(name) === undefined);
const fileName = fc.stringMatching(/^[a-zA-Z0-9_.-]{1,20}$/);

function decide(document: PolicyDocument, action: string, resource: string, context?: Record<string, string>): string {
  return evaluate({
    request: { action, resource, principal: { arn: 'arn:aws:iam::111122223333:role/agent', account: '111122223333' }, ...(context === undefined ? {} : { context }) },
    identityPolicies: [{ name: 'p', document }],
  }).decision;
}

describe('permissions policy properties (fast-check)', () => {
  it('for any valid bucket and folder: the text parses back to the same model, and grants exactly that folder', () => {
    fc.assert(
      fc.property(bucket, folder, fileName, fc.constantFrom('read' as const, 'write' as const), fc.boolean(), (name, path, file, access, advancedMode) => {
        fc.pre(validateFolderPath(path).ok);
        const document = buildPermissionsPolicy({ bucket: name, folder: path, access, advancedMode, partition: 'aws' });
        const parsed = parsePolicy(toPolicyJson(document), 'managed');
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(parsed.document).toEqual(document);

        const objectArn = (key: string): string => `arn:aws:s3:::${name}/${key}`;
        expect(decide(document, 's3:GetObject', objectArn(`${path}/${file}`))).toBe('allowed');
        expect(decide(document, 's3:GetObject', objectArn(`${path}x/${file}`))).toBe('implicitDeny');
        expect(decide(document, 's3:GetObject', objectArn(`other-${path}/${file}`))).toBe('implicitDeny');
        expect(decide(document, 's3:PutObject', objectArn(`${path}/${file}`))).toBe(access === 'write' ? 'allowed' : 'implicitDeny');
        expect(decide(document, 's3:ListBucket', `arn:aws:s3:::${name}`, { 's3:prefix': `${path}/` })).toBe('allowed');
        expect(decide(document, 's3:ListBucket', `arn:aws:s3:::${name}`, { 's3:prefix': `${path}x/` })).toBe('implicitDeny');
      }),
      { numRuns: 300 },
    );
  });
});

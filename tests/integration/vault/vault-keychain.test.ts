import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSecretService } from '../../support/secret-service';
import type { SecretServiceSession } from '../../support/secret-service';
import { runVaultProgram, valueOf } from './vault-program';

let secretService: SecretServiceSession;
let scratch: string;

beforeAll(async () => {
  secretService = await startSecretService();
  scratch = await mkdtemp(join(tmpdir(), 'keyless-vault-'));
});

afterAll(async () => {
  await secretService?.stop();
  if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
});

describe('vault with a real Secret Service', () => {
  it('stores, reads, lists and deletes secrets, and they survive reopening in a new process', async () => {
    const appDataDir = join(scratch, 'round-trip', 'Keyless');
    const token = JSON.stringify({ accessToken: 'sso-access-7f3c9', expiresAt: '2026-11-28T10:00:00Z' });
    const first = await runVaultProgram(secretService.env, {
      appDataDir,
      steps: [
        { op: 'status' },
        { op: 'set', name: 'sso-token:https://d-1234.awsapps.com/start', value: token },
        { op: 'set', name: 'iics-session:org-42', value: 'icSession-abc' },
        { op: 'set', name: 'aws-credentials:dev', value: 'temporary' },
        { op: 'delete', name: 'aws-credentials:dev' },
        { op: 'delete', name: 'never-stored' },
        { op: 'get', name: 'iics-session:org-42' },
        { op: 'names' },
      ],
    });
    expect(valueOf(first[0])).toEqual({ mode: 'keychain', backend: 'Secret Service', file: join(appDataDir, 'vault.json') });
    expect(valueOf(first[4])).toBe(true);
    expect(valueOf(first[5])).toBe(false);
    expect(valueOf(first[6])).toBe('icSession-abc');
    expect(valueOf(first[7])).toEqual(['iics-session:org-42', 'sso-token:https://d-1234.awsapps.com/start']);

    const reopened = await runVaultProgram(secretService.env, {
      appDataDir,
      steps: [{ op: 'names' }, { op: 'get', name: 'sso-token:https://d-1234.awsapps.com/start' }, { op: 'get', name: 'aws-credentials:dev' }, { op: 'status' }],
    });
    expect(valueOf(reopened[0])).toEqual(['iics-session:org-42', 'sso-token:https://d-1234.awsapps.com/start']);
    expect(valueOf(reopened[1])).toBe(token);
    expect(valueOf(reopened[2])).toBeNull();
    expect(valueOf(reopened[3])).not.toHaveProperty('warning');
  });
});

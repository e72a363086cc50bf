import { spawnSync } from 'node:child_process';
import { describe, it, expect } from 'vitest';
import { KeylessFailure } from '../../../shared/errors';
import { findMotoPython, startMoto } from '../../../electron/core/sandbox/moto-process';

describe('moto process', () => {
  it('starts on a free port, answers, resets its state and stops without leaving a process', async () => {
    const moto = await startMoto({ port: 0 });
    try {
      const created = await fetch(`${moto.endpoint}/?Action=CreateUser&Version=2010-05-08&UserName=probe`, {
        method: 'POST',
        headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0' },
      });
      expect(created.status).toBe(200);
      await moto.reset();
      const listed = await fetch(`${moto.endpoint}/?Action=ListUsers&Version=2010-05-08`, {
        method: 'POST',
        headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0' },
      });
      expect(await listed.text()).not.toContain('<UserName>probe</UserName>');
    } finally {
      await moto.stop();
    }
    const check = spawnSync('sh', ['-c', `ss -ltn 'sport = :${String(moto.port)}' | tail -n +2`]);
    expect(check.stdout.toString().trim()).toBe('');
  });

  it('names the install command when no candidate Python has moto', async () => {
    const saved = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const missing = await findMotoPython({ env: { KEYLESS_PYTHON: '/nonexistent/python' }, projectRoot: '/nonexistent' }).catch(
        (error: unknown) => error,
      );
      expect(missing).toBeInstanceOf(KeylessFailure);
      expect((missing as KeylessFailure).detail.code).toBe('SANDBOX_MOTO_MISSING');
      expect((missing as KeylessFailure).detail.message).toContain('/nonexistent/python (not found)');
      expect((missing as KeylessFailure).detail.nextStep).toContain('python3 -m pip install "moto[server]"');
    } finally {
      process.env.PATH = saved;
    }
  });
});

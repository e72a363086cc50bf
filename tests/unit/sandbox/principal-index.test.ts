import { describe, expect, it } from 'vitest';
import { PrincipalIndex } from '../../../electron/core/sandbox/gateway/principal-index';
import { MotoSystemAccess } from '../../../electron/core/sandbox/gateway/moto-system-access';

/** Role sessions are learned, never looked up, so the moto access here is never reached. */
const index = () => new PrincipalIndex(new MotoSystemAccess('http://127.0.0.1:9', { accessKeyId: 'AKIAUNUSED', secretAccessKey: 'unused' }), () => []);

describe('the gateway principal index: role sessions', () => {
  it('identifies a session key it saw issued as the assumed role, with its account and role name', async () => {
    const principals = index();
    principals.rememberSession('ASIAKEYLESSSESSION01', 'arn:aws:sts::111111111111:assumed-role/connector/keyless', Date.now() + 60_000, 'session-secret');
    expect(await principals.identify('ASIAKEYLESSSESSION01')).toMatchObject({ account: '111111111111', kind: 'assumed-role', name: 'connector' });
    expect(principals.secretFor('ASIAKEYLESSSESSION01')).toBe('session-secret');
  });

  it('an unknown session key is nobody (without asking moto), and has no secret', async () => {
    const principals = index();
    expect(await principals.identify('ASIAUNKNOWNSESSION01')).toBeUndefined();
    expect(await principals.identify(undefined)).toBeUndefined();
    expect(principals.secretFor('ASIAUNKNOWNSESSION01')).toBeUndefined();
  });

  it('a session is expired once its expiry has passed, or when ended early; a user key cannot be ended', () => {
    const principals = index();
    principals.rememberSession('ASIAPAST000000000001', 'arn:aws:sts::111111111111:assumed-role/r/s', Date.now() - 1);
    principals.rememberSession('ASIAFUTURE0000000001', 'arn:aws:sts::111111111111:assumed-role/r/s', Date.now() + 60_000);
    expect(principals.isExpired('ASIAPAST000000000001')).toBe(true);
    expect(principals.isExpired('ASIAFUTURE0000000001')).toBe(false);
    expect(principals.expire('ASIAFUTURE0000000001')).toBe(true);
    expect(principals.isExpired('ASIAFUTURE0000000001')).toBe(true);
    principals.rememberUser('AKIAKEYLESSUSER00001', '111111111111', 'dev');
    expect(principals.expire('AKIAKEYLESSUSER00001')).toBe(false);
    expect(principals.isExpired('AKIAKEYLESSUSER00001')).toBe(false);
  });

  it('a user key learned from CreateAccessKey is identified as that user', async () => {
    const principals = index();
    principals.rememberUser('AKIAKEYLESSUSER00001', '111111111111', 'dev');
    expect(await principals.identify('AKIAKEYLESSUSER00001')).toEqual({ arn: 'arn:aws:iam::111111111111:user/dev', account: '111111111111', kind: 'user', name: 'dev' });
  });
});

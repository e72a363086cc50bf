import { describe, expect, it } from 'vitest';
import { explainAwsError, meansDeadCredentials } from '../../../electron/core/aws/identity/explain-aws-error';
import { KeylessFailure } from '../../../shared/errors';

const env = { HOME: '/home/ana', AWS_CONFIG_FILE: '/etc/aws/config' };

function awsError(name: string, message: string, requestId = 'req-123'): Error {
  return Object.assign(new Error(message), { name, $metadata: { requestId, httpStatusCode: 403 } });
}

describe('AWS errors in words', () => {
  const cases: [string, Error, string, RegExp][] = [
    ['ExpiredToken', awsError('ExpiredToken', 'The security token included in the request is expired'), 'AWS_EXPIRED_TOKEN', /expired/],
    ['ExpiredTokenException', awsError('ExpiredTokenException', 'expired'), 'AWS_EXPIRED_TOKEN', /expired/],
    ['InvalidClientTokenId', awsError('InvalidClientTokenId', 'The security token included in the request is invalid.'), 'AWS_UNKNOWN_ACCESS_KEY', /does not recognise/],
    ['SignatureDoesNotMatch', awsError('SignatureDoesNotMatch', 'The request signature we calculated does not match'), 'AWS_WRONG_SECRET_KEY', /does not match/],
    ['portal 401', awsError('UnauthorizedException', 'Session token not found or invalid'), 'AWS_SSO_LOGIN_NEEDED', /SSO/],
    ['AccessDenied', awsError('AccessDenied', 'User: x is not authorized to perform: sts:AssumeRole'), 'AWS_ACCESS_DENIED', /sts:AssumeRole/],
    ['Throttling', awsError('Throttling', 'Rate exceeded'), 'AWS_THROTTLED', /throttling/],
    ['something else', awsError('InternalFailure', 'boom'), 'AWS_CALL_FAILED', /InternalFailure: boom/],
  ];
  for (const [label, error, code, message] of cases) {
    it(`${label} → ${code}, keeping the request id`, () => {
      const failure = explainAwsError(error, { profile: 'p', kind: 'static', env, accessKeyId: 'AKIAABCDEFGHIJKLMNOP' });
      expect(failure.detail.code).toBe(code);
      expect(failure.detail.message).toMatch(message);
      expect(failure.detail.nextStep.length).toBeGreaterThan(10);
      expect(failure.detail.requestId).toBe('req-123');
    });
  }

  it('SDK provider messages: expired SSO session, MFA, cycle, credential_process, nothing found', () => {
    const provider = (message: string) => explainAwsError(Object.assign(new Error(message), { name: 'CredentialsProviderError' }), { profile: 'p', env }).detail;
    expect(provider('The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.')).toMatchObject({
      code: 'AWS_SSO_LOGIN_NEEDED',
      nextStep: expect.stringContaining('keyless sso login --profile p') as string,
    });
    expect(provider('Profile p requires multi-factor authentication, but no MFA code callback was provided.').code).toBe('AWS_MFA_NEEDED');
    expect(provider('Detected a cycle attempting to resolve credentials for profile p. Profiles visited: a, b').code).toBe('AWS_PROFILE_CHAIN_BROKEN');
    expect(provider('Profile p credential_process returned invalid JSON.').code).toBe('AWS_CREDENTIAL_PROCESS_FAILED');
    const none = provider('Could not resolve credentials using profile: [p] in configuration/credentials file(s).');
    expect(none.code).toBe('AWS_NO_CREDENTIALS');
    expect(none.message).toContain('/etc/aws/config (AWS_CONFIG_FILE)');
    expect(none.message).toContain('/home/ana/.aws/credentials');
  });

  it('network failures name the endpoint', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const failure = explainAwsError(refused, { profile: 'p', env, endpoint: 'http://127.0.0.1:9' });
    expect(failure.detail).toMatchObject({ code: 'AWS_UNREACHABLE', message: expect.stringContaining('http://127.0.0.1:9') as string });
  });

  it('an SSO profile whose role credentials expired is told to sign in again', () => {
    expect(explainAwsError(awsError('ExpiredToken', 'expired'), { profile: 'corp', kind: 'sso', env }).detail.nextStep).toContain('keyless sso login --profile corp');
  });

  it('passes a KeylessFailure through unchanged, and knows which errors mean dead credentials', () => {
    const original = new KeylessFailure({ code: 'X', message: 'm', nextStep: 'n' });
    expect(explainAwsError(original, { profile: 'p', env })).toBe(original);
    expect(meansDeadCredentials(awsError('ExpiredToken', ''))).toBe(true);
    expect(meansDeadCredentials(awsError('InvalidClientTokenId', ''))).toBe(true);
    expect(meansDeadCredentials(awsError('SignatureDoesNotMatch', ''))).toBe(false);
  });
});

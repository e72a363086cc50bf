import { describe, expect, it } from 'vitest';
import { SsoDirectory, SsoRefusal } from '../../../electron/core/sandbox/sso/sso-directory';
import type { SsoConfig } from '../../../electron/core/sandbox/sso/sso-directory';
import { ssoRouteOf } from '../../../electron/core/sandbox/sso/sso-routes';

const START_URL = 'https://keyless-sandbox.awsapps.com/start';
const CONFIG: SsoConfig = { startUrl: START_URL, region: 'us-east-1', userName: 'dev', accounts: [] };
const TIMINGS = { deviceCodeTtlSeconds: 120, pollIntervalSeconds: 5, slowDownIncrementSeconds: 5, accessTokenTtlSeconds: 3600 };

function setUp() {
  let time = 1_700_000_000_000;
  const directory = new SsoDirectory(CONFIG, { ...TIMINGS }, () => time);
  const client = directory.registerClient('keyless');
  const device = directory.startDeviceAuthorization(client.clientId, client.clientSecret, START_URL);
  const poll = () => directory.redeemDeviceCode(client.clientId, client.clientSecret, device.deviceCode);
  return { directory, client, device, poll, advance: (seconds: number) => (time += seconds * 1000) };
}

/** The refusal a call raises, so its OAuth error and SDK exception can be checked. */
function refusalOf(call: () => unknown): SsoRefusal {
  try {
    call();
  } catch (error) {
    if (error instanceof SsoRefusal) return error;
    throw error;
  }
  throw new Error('expected an SsoRefusal, but the call succeeded');
}

describe('sandbox SSO device authorization', () => {
  it('announces the configured interval and lifetime, and a user code like ABCD-1234', () => {
    const { device } = setUp();
    expect(device.interval).toBe(5);
    expect(device.expiresIn).toBe(120);
    expect(device.userCode).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
  });

  it('answers authorization_pending until the person approves, then grants tokens once', () => {
    const { directory, device, poll, advance } = setUp();
    expect(refusalOf(poll)).toMatchObject({ oauthError: 'authorization_pending', errorType: 'AuthorizationPendingException', status: 400 });
    expect(directory.approve(` ${device.userCode.toLowerCase()} `)).toBe(true);
    advance(5);
    const grant = poll();
    expect(grant.tokenType).toBe('Bearer');
    expect(grant.expiresIn).toBe(3600);
    expect(directory.isValidAccessToken(grant.accessToken)).toBe(true);
    advance(5);
    expect(refusalOf(poll)).toMatchObject({ oauthError: 'invalid_grant', errorType: 'InvalidGrantException' });
  });

  it('polling faster than the interval answers slow_down, and the interval then grows by the increment', () => {
    const { directory, device, poll, advance } = setUp();
    expect(refusalOf(poll).oauthError).toBe('authorization_pending');
    advance(4);
    expect(refusalOf(poll)).toMatchObject({ oauthError: 'slow_down', errorType: 'SlowDownException', status: 400 });
    // The interval is now 10 s: polling at the announced 5 s is still too soon (and grows it to 15 s).
    advance(5);
    expect(refusalOf(poll).oauthError).toBe('slow_down');
    advance(14);
    expect(refusalOf(poll).oauthError).toBe('slow_down');
    // Now 20 s; a client that waits it out is answered normally.
    advance(20);
    expect(refusalOf(poll).oauthError).toBe('authorization_pending');
    directory.approve(device.userCode);
    advance(20);
    expect(poll().tokenType).toBe('Bearer');
  });

  it('answers expired_token once the device code has expired, and the expired code can no longer be approved', () => {
    const { directory, device, poll, advance } = setUp();
    advance(119);
    expect(refusalOf(poll).oauthError).toBe('authorization_pending');
    advance(1);
    expect(directory.approve(device.userCode)).toBe(false);
    expect(refusalOf(poll)).toMatchObject({ oauthError: 'expired_token', errorType: 'ExpiredTokenException' });
  });

  it('approving an unknown user code does nothing', () => {
    const { directory } = setUp();
    expect(directory.approve('0000-0000')).toBe(false);
  });

  it('refuses a wrong client secret (invalid_client, 401), another client, and an unknown start URL', () => {
    const { directory, client, device } = setUp();
    expect(refusalOf(() => directory.redeemDeviceCode(client.clientId, 'wrong', device.deviceCode))).toMatchObject({ oauthError: 'invalid_client', status: 401 });
    const other = directory.registerClient('other');
    expect(refusalOf(() => directory.redeemDeviceCode(other.clientId, other.clientSecret, device.deviceCode)).oauthError).toBe('invalid_grant');
    const wrongUrl = refusalOf(() => directory.startDeviceAuthorization(client.clientId, client.clientSecret, 'https://elsewhere.awsapps.com/start'));
    expect(wrongUrl.oauthError).toBe('invalid_request');
    expect(wrongUrl.message).toContain(START_URL);
    expect(refusalOf(() => directory.registerClient('')).errorType).toBe('InvalidRequestException');
  });
});

describe('sandbox SSO tokens', () => {
  function signedIn() {
    const setup = setUp();
    setup.directory.approve(setup.device.userCode);
    return { ...setup, grant: setup.poll() };
  }

  it('an access token is valid until its lifetime ends', () => {
    const { directory, grant, advance } = signedIn();
    advance(3599);
    expect(directory.isValidAccessToken(grant.accessToken)).toBe(true);
    advance(1);
    expect(directory.isValidAccessToken(grant.accessToken)).toBe(false);
  });

  it('a refresh token yields a new access token once; the used refresh token is then refused', () => {
    const { directory, client, grant } = signedIn();
    const refreshed = directory.redeemRefreshToken(client.clientId, client.clientSecret, grant.refreshToken);
    expect(refreshed.accessToken).not.toBe(grant.accessToken);
    expect(directory.isValidAccessToken(refreshed.accessToken)).toBe(true);
    expect(refusalOf(() => directory.redeemRefreshToken(client.clientId, client.clientSecret, grant.refreshToken)).oauthError).toBe('invalid_grant');
    expect(directory.redeemRefreshToken(client.clientId, client.clientSecret, refreshed.refreshToken).tokenType).toBe('Bearer');
  });

  it('another client cannot use the refresh token', () => {
    const { directory, grant } = signedIn();
    const other = directory.registerClient('other');
    expect(refusalOf(() => directory.redeemRefreshToken(other.clientId, other.clientSecret, grant.refreshToken)).oauthError).toBe('invalid_grant');
  });

  it('logout ends the access token', () => {
    const { directory, grant } = signedIn();
    directory.logout(grant.accessToken);
    expect(directory.isValidAccessToken(grant.accessToken)).toBe(false);
  });

  it('a client registration expires after 90 days', () => {
    const { directory, client, advance } = setUp();
    advance(90 * 24 * 3600);
    expect(refusalOf(() => directory.startDeviceAuthorization(client.clientId, client.clientSecret, START_URL)).oauthError).toBe('invalid_client');
  });
});

describe('sandbox SSO routes', () => {
  it('maps the OIDC and portal endpoints to the service and action faults aim at', () => {
    expect(ssoRouteOf('POST', new URL('http://localhost/token'))).toEqual({ service: 'oidc', action: 'CreateToken' });
    expect(ssoRouteOf('GET', new URL('http://localhost/federation/credentials?role_name=x'))).toEqual({ service: 'sso', action: 'GetRoleCredentials' });
    expect(ssoRouteOf('GET', new URL('http://localhost/token'))).toBeUndefined();
  });
});

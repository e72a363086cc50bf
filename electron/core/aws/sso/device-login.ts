import type { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { KeylessFailure } from '../../../../shared/errors';
import { nowOf, realSleep } from '../aws-deps';
import type { SsoLoginDeps } from '../aws-deps';
import type { SsoLogin, SsoLoginResult } from '../types';
import { oidcClient } from './sso-clients';
import type { SsoEndpoints } from './sso-clients';
import type { SsoSessionRef } from './sso-token';
import { readRegistration, saveRegistration, saveVaultToken } from './vault-token-store';
import type { ClientRegistration } from './vault-token-store';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const DEFAULT_SCOPES = ['sso:account:access'];
/** RFC 8628 §3.5: on slow_down the interval grows by 5 seconds; the AWS CLI does the same. */
export const SLOW_DOWN_STEP_MS = 5000;
const DEFAULT_INTERVAL_S = 5;

function ssoFailure(code: string, message: string, nextStep: string, error?: unknown): KeylessFailure {
  const requestId = (error as { $metadata?: { requestId?: string } } | undefined)?.$metadata?.requestId;
  return new KeylessFailure(requestId === undefined ? { code, message, nextStep } : { code, message, nextStep, requestId });
}

const errorName = (error: unknown): string => (error instanceof Error ? error.name : 'Error');

async function register(client: SSOOIDCClient, session: SsoSessionRef, deps: SsoLoginDeps): Promise<ClientRegistration> {
  const { RegisterClientCommand } = await import('@aws-sdk/client-sso-oidc');
  const answer = await client.send(new RegisterClientCommand({ clientName: deps.clientName ?? 'keyless', clientType: 'public', scopes: [...(session.scopes ?? DEFAULT_SCOPES)] }));
  if (answer.clientId === undefined || answer.clientSecret === undefined) throw new Error('RegisterClient returned no client');
  const expiresAtSeconds = answer.clientSecretExpiresAt ?? Math.floor(nowOf(deps) / 1000) + 90 * 24 * 3600;
  const registration = { clientId: answer.clientId, clientSecret: answer.clientSecret, expiresAt: new Date(expiresAtSeconds * 1000).toISOString() };
  await saveRegistration(deps.vault, session.region, registration);
  return registration;
}

/**
 * Signs in to IAM Identity Center with the OAuth device-code flow (aws.md §3.4): register an
 * OIDC client (reused from the vault while valid), start a device authorization, hand the code
 * and page to the caller, then poll CreateToken every `interval` seconds — `authorization_pending`
 * keeps polling, `slow_down` adds 5 s, `expired_token` ends it. The token goes to the vault only.
 */
export async function startDeviceLogin(session: SsoSessionRef, endpoints: SsoEndpoints, deps: SsoLoginDeps): Promise<SsoLogin> {
  const { StartDeviceAuthorizationCommand, CreateTokenCommand } = await import('@aws-sdk/client-sso-oidc');
  const client = await oidcClient(endpoints);
  const sleep = deps.sleep ?? realSleep;
  let registration: ClientRegistration;
  let started;
  try {
    registration = (await readRegistration(deps.vault, session.region, nowOf(deps))) ?? (await register(client, session, deps));
    try {
      started = await client.send(new StartDeviceAuthorizationCommand({ clientId: registration.clientId, clientSecret: registration.clientSecret, startUrl: session.startUrl }));
    } catch (error) {
      if (errorName(error) !== 'InvalidClientException') throw error;
      registration = await register(client, session, deps);
      started = await client.send(new StartDeviceAuthorizationCommand({ clientId: registration.clientId, clientSecret: registration.clientSecret, startUrl: session.startUrl }));
    }
  } catch (error) {
    client.destroy();
    if (error instanceof KeylessFailure) throw error;
    throw ssoFailure(
      'SSO_LOGIN_FAILED',
      `Could not start the SSO sign-in for ${session.startUrl} (${errorName(error)}: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}).`,
      'Check the start URL and SSO region (sso_start_url, sso_region), and the network, then retry.',
      error,
    );
  }
  const { deviceCode, userCode, verificationUri, verificationUriComplete } = started;
  if (deviceCode === undefined || userCode === undefined || verificationUri === undefined) {
    client.destroy();
    throw ssoFailure('SSO_LOGIN_FAILED', 'The SSO service did not return a device code.', 'Retry the sign-in; if it keeps failing, sign in with `aws sso login` instead.');
  }
  const expiresAtMs = nowOf(deps) + (started.expiresIn ?? 600) * 1000;
  const expiresAt = new Date(expiresAtMs).toISOString();
  let intervalMs = (started.interval ?? DEFAULT_INTERVAL_S) * 1000;
  const abort = new AbortController();
  const cancelled = (): KeylessFailure => ssoFailure('SSO_LOGIN_CANCELLED', `The SSO sign-in for ${session.startUrl} was cancelled; nothing was stored.`, 'Start the sign-in again when you are ready.');
  const expired = (): KeylessFailure =>
    ssoFailure('SSO_DEVICE_CODE_EXPIRED', `The sign-in code ${userCode} expired before it was approved.`, 'Start the sign-in again and approve the new code in the browser within its time limit.');

  deps.onProgress?.({ state: 'authorizationStarted', verificationUri, ...(verificationUriComplete === undefined ? {} : { verificationUriComplete }), userCode, expiresAt, intervalSeconds: intervalMs / 1000 });
  if (deps.openUrl !== undefined) {
    await deps.openUrl(verificationUriComplete ?? verificationUri).catch((error: unknown) => {
      deps.onProgress?.({ state: 'browserNotOpened', reason: error instanceof Error ? error.message : String(error) });
    });
  }

  const poll = async (): Promise<SsoLoginResult> => {
    for (let attempt = 1; ; attempt++) {
      await sleep(intervalMs, abort.signal);
      if (abort.signal.aborted) throw cancelled();
      try {
        const granted = await client.send(
          new CreateTokenCommand({ clientId: registration.clientId, clientSecret: registration.clientSecret, grantType: DEVICE_GRANT, deviceCode }),
          { abortSignal: abort.signal },
        );
        if (granted.accessToken === undefined || granted.expiresIn === undefined) throw new Error('CreateToken returned no access token');
        const tokenExpiresAt = new Date(nowOf(deps) + granted.expiresIn * 1000).toISOString();
        await saveVaultToken(deps.vault, {
          startUrl: session.startUrl,
          region: session.region,
          accessToken: granted.accessToken,
          expiresAt: tokenExpiresAt,
          clientId: registration.clientId,
          clientSecret: registration.clientSecret,
          registrationExpiresAt: registration.expiresAt,
          ...(granted.refreshToken === undefined ? {} : { refreshToken: granted.refreshToken }),
        });
        deps.onProgress?.({ state: 'signedIn', expiresAt: tokenExpiresAt });
        return { startUrl: session.startUrl, region: session.region, expiresAt: tokenExpiresAt, refreshable: granted.refreshToken !== undefined };
      } catch (error) {
        if (abort.signal.aborted) throw cancelled();
        switch (errorName(error)) {
          case 'AuthorizationPendingException':
            deps.onProgress?.({ state: 'pending', attempt });
            break;
          case 'SlowDownException':
            intervalMs += SLOW_DOWN_STEP_MS;
            deps.onProgress?.({ state: 'slowDown', intervalSeconds: intervalMs / 1000 });
            break;
          case 'ExpiredTokenException':
            throw expired();
          case 'AccessDeniedException':
            throw ssoFailure('SSO_LOGIN_DENIED', `The sign-in for ${session.startUrl} was denied in the browser.`, 'Start the sign-in again and choose "Allow" on the page.', error);
          default:
            throw ssoFailure(
              'SSO_LOGIN_FAILED',
              `The SSO sign-in for ${session.startUrl} failed while waiting for approval (${errorName(error)}).`,
              'Start the sign-in again; if it keeps failing, check the network and the SSO region.',
              error,
            );
        }
        if (nowOf(deps) >= expiresAtMs) throw expired();
      }
    }
  };
  const done = poll().finally(() => client.destroy());
  // The caller may cancel and walk away without awaiting `done`; that rejection is expected.
  done.catch(() => undefined);
  return {
    startUrl: session.startUrl,
    region: session.region,
    userCode,
    verificationUri,
    ...(verificationUriComplete === undefined ? {} : { verificationUriComplete }),
    expiresAt,
    done,
    cancel: () => abort.abort(),
  };
}

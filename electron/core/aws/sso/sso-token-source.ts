import { KeylessFailure } from '../../../../shared/errors';
import { nowOf } from '../aws-deps';
import type { AwsDeps } from '../aws-deps';
import { readCliToken } from './cli-token-cache';
import { oidcClient } from './sso-clients';
import type { SsoEndpoints } from './sso-clients';
import { canRefresh, isFresh, isUsable } from './sso-token';
import type { SsoSessionRef, SsoToken } from './sso-token';
import { readVaultToken, saveVaultToken } from './vault-token-store';

export type TokenOrigin = 'vault' | 'awsCli';

export type TokenLookup =
  | { readonly state: 'valid'; readonly token: SsoToken; readonly origin: TokenOrigin }
  | { readonly state: 'refreshable'; readonly token: SsoToken; readonly origin: TokenOrigin }
  | { readonly state: 'expired' | 'none' };

/**
 * The best SSO token for a session without calling anything (the vault is skipped when not
 * given, e.g. a listing made before it is open): a token valid beyond the 5-minute
 * window (the later-expiring of the vault's and the AWS CLI's), else one that can be refreshed
 * (the vault's first), else one still valid for a few minutes.
 */
export async function lookUpSsoToken(session: SsoSessionRef, deps: Pick<AwsDeps, 'env' | 'now'> & { readonly vault?: AwsDeps['vault'] }): Promise<TokenLookup> {
  const now = nowOf(deps);
  const candidates: { token: SsoToken; origin: TokenOrigin }[] = [];
  const fromVault = deps.vault === undefined ? undefined : await readVaultToken(deps.vault, session.startUrl);
  if (fromVault !== undefined) candidates.push({ token: fromVault, origin: 'vault' });
  const fromCli = await readCliToken(session, deps.env);
  if (fromCli !== undefined && (fromCli.startUrl === undefined || fromCli.startUrl === session.startUrl)) candidates.push({ token: fromCli, origin: 'awsCli' });
  if (candidates.length === 0) return { state: 'none' };
  const byExpiry = [...candidates].sort((a, b) => Date.parse(b.token.expiresAt) - Date.parse(a.token.expiresAt));
  const fresh = byExpiry.find((candidate) => isFresh(candidate.token, now));
  if (fresh !== undefined) return { state: 'valid', ...fresh };
  const refreshable = candidates.find((candidate) => canRefresh(candidate.token, now));
  if (refreshable !== undefined) return { state: 'refreshable', ...refreshable };
  const usable = byExpiry.find((candidate) => isUsable(candidate.token, now));
  if (usable !== undefined) return { state: 'valid', ...usable };
  return { state: 'expired' };
}

export function ssoLoginNeeded(session: SsoSessionRef, profile: string | undefined, why: string): KeylessFailure {
  const command = profile === undefined ? `keyless sso login --start-url ${session.startUrl} --region ${session.region}` : `keyless sso login --profile ${profile}`;
  return new KeylessFailure({
    code: 'AWS_SSO_LOGIN_NEEDED',
    message: `The IAM Identity Center (SSO) session for ${session.startUrl} ${why}.`,
    nextStep: `Sign in again: run \`${command}\` (or "Sign in with SSO" in the app), approve the code in your browser, then retry.`,
  });
}

/**
 * Exchanges the refresh token for a new access token (CreateToken, grant `refresh_token`) and
 * keeps the result in the vault. A token from the AWS CLI's cache is refreshed the same way, but
 * its file is left as it was.
 */
export async function refreshSsoToken(session: SsoSessionRef, token: SsoToken, endpoints: SsoEndpoints, deps: Pick<AwsDeps, 'vault' | 'now'>): Promise<SsoToken> {
  const { CreateTokenCommand } = await import('@aws-sdk/client-sso-oidc');
  const client = await oidcClient(endpoints);
  try {
    const granted = await client.send(
      new CreateTokenCommand({ clientId: token.clientId, clientSecret: token.clientSecret, grantType: 'refresh_token', refreshToken: token.refreshToken }),
    );
    if (granted.accessToken === undefined || granted.expiresIn === undefined) throw new Error('CreateToken returned no access token');
    const refreshed: SsoToken & { startUrl: string } = {
      ...token,
      startUrl: session.startUrl,
      region: session.region,
      accessToken: granted.accessToken,
      expiresAt: new Date(nowOf(deps) + granted.expiresIn * 1000).toISOString(),
      ...(granted.refreshToken === undefined ? {} : { refreshToken: granted.refreshToken }),
    };
    await saveVaultToken(deps.vault, refreshed);
    return refreshed;
  } finally {
    client.destroy();
  }
}

/**
 * Refreshes in flight, by start URL: the service consumes a refresh token on use, so a second
 * concurrent refresh with the same one would fail. Callers in this process share the first.
 */
const refreshing = new Map<string, Promise<SsoToken>>();

function refreshOnce(session: SsoSessionRef, token: SsoToken, endpoints: SsoEndpoints, deps: Pick<AwsDeps, 'vault' | 'now'>): Promise<SsoToken> {
  const running = refreshing.get(session.startUrl);
  if (running !== undefined) return running;
  const started = refreshSsoToken(session, token, endpoints, deps).finally(() => refreshing.delete(session.startUrl));
  refreshing.set(session.startUrl, started);
  return started;
}

/** A usable access token for the session, refreshed first when it is close to expiry; else AWS_SSO_LOGIN_NEEDED. */
export async function ssoAccessToken(session: SsoSessionRef, endpoints: SsoEndpoints, profile: string | undefined, deps: Pick<AwsDeps, 'env' | 'vault' | 'now'>): Promise<{ token: SsoToken; origin: TokenOrigin }> {
  const found = await lookUpSsoToken(session, deps);
  switch (found.state) {
    case 'valid':
      return { token: found.token, origin: found.origin };
    case 'refreshable':
      try {
        return { token: await refreshOnce(session, found.token, endpoints, deps), origin: 'vault' };
      } catch (error) {
        if (isUsable(found.token, nowOf(deps))) return { token: found.token, origin: found.origin };
        const reason = error instanceof Error ? error.name : 'unknown error';
        throw ssoLoginNeeded(session, profile, `has expired and could not be refreshed (${reason})`);
      }
    case 'expired':
      throw ssoLoginNeeded(session, profile, 'has expired');
    case 'none':
      throw ssoLoginNeeded(session, profile, 'has not been signed in on this computer (no token in the AWS CLI cache or the Keyless vault)');
  }
}

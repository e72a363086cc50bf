import type { SSOClient } from '@aws-sdk/client-sso';
import type { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';

/** Where the OIDC and portal calls of one SSO sign-in go; endpoints only when overridden (sandbox). */
export interface SsoEndpoints {
  readonly region: string;
  readonly oidcEndpoint?: string;
  readonly portalEndpoint?: string;
}

/** Loaded on first use so listing profiles never loads the SSO clients (DESIGN §3, lazy loading). */
export async function oidcClient(endpoints: SsoEndpoints): Promise<SSOOIDCClient> {
  const { SSOOIDCClient } = await import('@aws-sdk/client-sso-oidc');
  return new SSOOIDCClient({ region: endpoints.region, ...(endpoints.oidcEndpoint === undefined ? {} : { endpoint: endpoints.oidcEndpoint }) });
}

/** The portal throttles (TooManyRequestsException); more attempts than the default, as Leapp does (aws.md §3.4). */
export async function portalClient(endpoints: SsoEndpoints): Promise<SSOClient> {
  const { SSOClient } = await import('@aws-sdk/client-sso');
  return new SSOClient({ region: endpoints.region, maxAttempts: 6, ...(endpoints.portalEndpoint === undefined ? {} : { endpoint: endpoints.portalEndpoint }) });
}

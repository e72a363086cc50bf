import { awsHomeDir } from '../aws-env';
import type { AwsDeps } from '../aws-deps';
import type { AwsCredentials } from '../credentials/aws-credentials';
import { portalClient } from './sso-clients';
import type { SsoEndpoints } from './sso-clients';
import { isFresh } from './sso-token';
import type { SsoSessionRef } from './sso-token';
import { ssoAccessToken } from './sso-token-source';
import { nowOf } from '../aws-deps';

export interface SsoRoleRequest {
  readonly session: SsoSessionRef;
  readonly endpoints: SsoEndpoints;
  readonly accountId: string;
  readonly roleName: string;
  /** The profile this is for, if any: named in "sign in again" messages and handed to fromSSO. */
  readonly profile?: string;
  readonly configFile?: string;
  readonly credentialsFile?: string;
}

/**
 * Role credentials for an SSO account and permission set. When the AWS CLI's cached token is
 * the one to use, the SDK's own `fromSSO` reads it and calls GetRoleCredentials (it finds the
 * cache under process.env's HOME, so only when that is the HOME in use). A token only Keyless
 * holds — in the vault, or one it just refreshed — is not on disk, and `fromSSO` reads tokens
 * only from disk, so then the portal's GetRoleCredentials is called with the same SDK client
 * `fromSSO` uses.
 */
export async function ssoRoleCredentials(request: SsoRoleRequest, deps: Pick<AwsDeps, 'env' | 'vault' | 'now'>): Promise<AwsCredentials> {
  const { token, origin } = await ssoAccessToken(request.session, request.endpoints, request.profile, deps);
  const sameHome = awsHomeDir(deps.env) === awsHomeDir(process.env);
  if (origin === 'awsCli' && sameHome && request.profile !== undefined && isFresh(token, nowOf(deps))) {
    const { fromSSO } = await import('@aws-sdk/credential-providers');
    return fromSSO({
      profile: request.profile,
      ...(request.configFile === undefined ? {} : { configFilepath: request.configFile }),
      ...(request.credentialsFile === undefined ? {} : { filepath: request.credentialsFile }),
      ignoreCache: true,
      clientConfig: { region: request.endpoints.region, ...(request.endpoints.portalEndpoint === undefined ? {} : { endpoint: request.endpoints.portalEndpoint }) },
    })();
  }
  const { GetRoleCredentialsCommand } = await import('@aws-sdk/client-sso');
  const client = await portalClient(request.endpoints);
  try {
    const answer = await client.send(new GetRoleCredentialsCommand({ accessToken: token.accessToken, accountId: request.accountId, roleName: request.roleName }));
    const role = answer.roleCredentials;
    if (role?.accessKeyId === undefined || role.secretAccessKey === undefined || role.sessionToken === undefined || role.expiration === undefined) {
      throw new Error('GetRoleCredentials returned incomplete credentials');
    }
    return { accessKeyId: role.accessKeyId, secretAccessKey: role.secretAccessKey, sessionToken: role.sessionToken, expiration: new Date(role.expiration) };
  } finally {
    client.destroy();
  }
}

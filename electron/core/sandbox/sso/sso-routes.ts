import type { IncomingMessage } from 'node:http';
import type { MotoSystemAccess } from '../gateway/moto-system-access';
import type { PrincipalIndex } from '../gateway/principal-index';
import type { WireResponse } from '../gateway/wire-errors';
import { SsoRefusal } from './sso-directory';
import type { SsoDirectory } from './sso-directory';

/**
 * The SSO-OIDC and SSO portal REST-JSON operations (reference/aws.md §2.4). Both are unsigned
 * calls, told apart from SigV4 traffic by their paths. GetRoleCredentials returns a real moto role
 * session for the permission set's IAM role, so the credentials work against the sandbox.
 */

export interface SsoRoute {
  /** The service name faults match on: `oidc` or `sso`. */
  readonly service: 'oidc' | 'sso';
  readonly action: string;
}

const ROUTES: Readonly<Record<string, SsoRoute>> = {
  'POST /client/register': { service: 'oidc', action: 'RegisterClient' },
  'POST /device_authorization': { service: 'oidc', action: 'StartDeviceAuthorization' },
  'POST /token': { service: 'oidc', action: 'CreateToken' },
  'GET /federation/credentials': { service: 'sso', action: 'GetRoleCredentials' },
  'GET /assignment/accounts': { service: 'sso', action: 'ListAccounts' },
  'GET /assignment/roles': { service: 'sso', action: 'ListAccountRoles' },
  'POST /logout': { service: 'sso', action: 'Logout' },
};

export function ssoRouteOf(method: string, url: URL): SsoRoute | undefined {
  return ROUTES[`${method} ${url.pathname}`];
}

export interface SsoDependencies {
  readonly directory: SsoDirectory;
  readonly access: MotoSystemAccess;
  readonly principals: PrincipalIndex;
  /** Base URL of the gateway, for the verification page. */
  readonly publicBaseUrl: () => string;
}

function json(status: number, value: unknown, requestId: string): WireResponse {
  return { status, headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId }, body: JSON.stringify(value) };
}

function refusal(error: SsoRefusal, requestId: string): WireResponse {
  return {
    status: error.status,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId, 'x-amzn-errortype': error.errorType },
    body: JSON.stringify({ error: error.oauthError, error_description: error.message }),
  };
}

function portalError(type: string, status: number, message: string, requestId: string): WireResponse {
  return { status, headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId, 'x-amzn-errortype': type }, body: JSON.stringify({ message }) };
}

function stringField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value : '';
}

export async function answerSso(deps: SsoDependencies, route: SsoRoute, incoming: IncomingMessage, url: URL, rawBody: Buffer, requestId: string): Promise<WireResponse> {
  if (route.service === 'oidc') {
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(rawBody.toString('utf8') || '{}');
      body = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
    } catch {
      return refusal(new SsoRefusal('InvalidRequestException', 'invalid_request', 400, 'The request body is not JSON.'), requestId);
    }
    try {
      return json(200, answerOidc(deps.directory, route.action, body, deps.publicBaseUrl()), requestId);
    } catch (error) {
      if (error instanceof SsoRefusal) return refusal(error, requestId);
      throw error;
    }
  }
  const accessToken = String(incoming.headers['x-amz-sso_bearer_token'] ?? '');
  if (!deps.directory.isValidAccessToken(accessToken)) {
    return portalError('UnauthorizedException', 401, 'Session token not found or invalid', requestId);
  }
  const config = deps.directory.config;
  switch (route.action) {
    case 'ListAccounts':
      return json(200, { accountList: config.accounts.map(({ accountId, accountName, emailAddress }) => ({ accountId, accountName, emailAddress })), nextToken: null }, requestId);
    case 'ListAccountRoles': {
      const account = config.accounts.find((candidate) => candidate.accountId === url.searchParams.get('account_id'));
      if (account === undefined) return portalError('ResourceNotFoundException', 404, 'The specified account was not found for this user.', requestId);
      return json(200, { roleList: account.roles.map((role) => ({ roleName: role.roleName, accountId: account.accountId })), nextToken: null }, requestId);
    }
    case 'GetRoleCredentials': {
      const account = config.accounts.find((candidate) => candidate.accountId === url.searchParams.get('account_id'));
      const role = account?.roles.find((candidate) => candidate.roleName === url.searchParams.get('role_name'));
      if (account === undefined || role === undefined) return portalError('ForbiddenException', 403, 'No access', requestId);
      const session = await deps.access.mint(`arn:aws:iam::${account.accountId}:role/${role.iamRoleName}`, config.userName, 3600);
      deps.principals.rememberSession(session.accessKeyId, session.assumedRoleArn, session.expiration.getTime(), session.secretAccessKey);
      return json(
        200,
        {
          roleCredentials: {
            accessKeyId: session.accessKeyId,
            secretAccessKey: session.secretAccessKey,
            sessionToken: session.sessionToken,
            expiration: session.expiration.getTime(),
          },
        },
        requestId,
      );
    }
    default:
      deps.directory.logout(accessToken);
      return { status: 200, headers: { 'x-amzn-requestid': requestId }, body: '' };
  }
}

function answerOidc(directory: SsoDirectory, action: string, body: Record<string, unknown>, baseUrl: string): unknown {
  switch (action) {
    case 'RegisterClient':
      return directory.registerClient(stringField(body, 'clientName'));
    case 'StartDeviceAuthorization': {
      const started = directory.startDeviceAuthorization(stringField(body, 'clientId'), stringField(body, 'clientSecret'), stringField(body, 'startUrl'));
      const verificationUri = `${baseUrl}/__keyless/sso/device`;
      return { ...started, verificationUri, verificationUriComplete: `${verificationUri}?user_code=${encodeURIComponent(started.userCode)}` };
    }
    default: {
      const clientId = stringField(body, 'clientId');
      const clientSecret = stringField(body, 'clientSecret');
      const grantType = stringField(body, 'grantType');
      if (grantType === 'urn:ietf:params:oauth:grant-type:device_code') return directory.redeemDeviceCode(clientId, clientSecret, stringField(body, 'deviceCode'));
      if (grantType === 'refresh_token') return directory.redeemRefreshToken(clientId, clientSecret, stringField(body, 'refreshToken'));
      throw new SsoRefusal('UnsupportedGrantTypeException', 'unsupported_grant_type', 400, `Grant type ${grantType || '(none)'} is not supported here.`);
    }
  }
}

import { KeylessFailure } from '../../../../shared/errors';
import type { AwsDeps, SsoLoginDeps } from '../aws-deps';
import { ssoEndpointsFor } from '../endpoints';
import { classifyProfile } from '../profiles/classify-profile';
import { readSharedConfig } from '../profiles/shared-config';
import { followSourceChain } from '../profiles/source-chain';
import { ssoSessionRefOf } from '../profiles/sso-profile';
import type { SsoAccountRole, SsoAccountSummary, SsoLogin, SsoStartTarget } from '../types';
import { startDeviceLogin } from './device-login';
import { portalClient } from './sso-clients';
import type { SsoEndpoints } from './sso-clients';
import type { SsoSessionRef } from './sso-token';
import { ssoAccessToken } from './sso-token-source';

export interface SsoSessionTarget {
  readonly session: SsoSessionRef;
  readonly endpoints: SsoEndpoints;
  readonly profile?: string;
}

function checkStartTarget(target: SsoStartTarget): void {
  let url: URL | undefined;
  try {
    url = new URL(target.startUrl);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new KeylessFailure({ code: 'INVALID_SSO_START_URL', message: `"${target.startUrl}" is not an SSO start URL.`, nextStep: 'Use the AWS access portal URL, e.g. https://my-company.awsapps.com/start.' });
  }
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(target.region)) {
    throw new KeylessFailure({ code: 'INVALID_SSO_REGION', message: `"${target.region}" is not an AWS region.`, nextStep: 'Give the region of your IAM Identity Center instance, e.g. us-east-1.' });
  }
}

/** The SSO session a profile signs in to (its own, or that of the SSO profile its role chain starts from), or a start URL given directly. */
export async function ssoSessionTarget(target: string | SsoStartTarget, deps: Pick<AwsDeps, 'env'>): Promise<SsoSessionTarget> {
  const config = await readSharedConfig(deps.env);
  const endpointsFor = (profile: string | undefined, region: string): SsoEndpoints => ssoEndpointsFor(profile, region, config, deps.env);
  if (typeof target !== 'string') {
    checkStartTarget(target);
    return { session: { startUrl: target.startUrl, region: target.region }, endpoints: endpointsFor(undefined, target.region) };
  }
  const profile = config.profiles.get(target);
  if (profile === undefined) {
    throw new KeylessFailure({ code: 'INVALID_PROFILE', message: `There is no AWS profile "${target}" in ${config.configFile} or ${config.credentialsFile}.`, nextStep: 'See `keyless profiles` for the profiles there are.' });
  }
  let ssoProfile = target;
  if (classifyProfile(profile.settings) === 'assumeRole') ssoProfile = followSourceChain(target, config.profiles).links.at(-1)?.profile ?? target;
  const settings = config.profiles.get(ssoProfile)?.settings ?? {};
  const kind = classifyProfile(settings);
  if (kind !== 'sso' && kind !== 'legacySso') {
    throw new KeylessFailure({
      code: 'INVALID_SSO_PROFILE',
      message: `Profile "${target}" does not sign in with IAM Identity Center (it is ${kind === 'assumeRole' ? 'a role chain that does not start from SSO' : `a ${kind} profile`}).`,
      nextStep: 'Pick a profile with sso_session (see `keyless profiles`), or give --start-url and --region.',
    });
  }
  const session = ssoSessionRefOf(settings, config);
  if ('missing' in session) {
    throw new KeylessFailure({ code: 'AWS_PROFILE_INCOMPLETE', message: `SSO profile "${ssoProfile}" lacks ${session.missing}.`, nextStep: 'Complete the profile in the config file (or run `aws configure sso`).' });
  }
  return { session: session.ref, endpoints: endpointsFor(ssoProfile, session.ref.region), profile: ssoProfile };
}

/** Starts the device-code sign-in; see startDeviceLogin. The browser opens through `deps.openUrl`. */
export async function startSsoLogin(target: string | SsoStartTarget, deps: SsoLoginDeps): Promise<SsoLogin> {
  const resolved = await ssoSessionTarget(target, deps);
  return startDeviceLogin(resolved.session, resolved.endpoints, deps);
}

function portalFailure(error: unknown, what: string, target: SsoSessionTarget): KeylessFailure {
  if (error instanceof KeylessFailure) return error;
  const name = error instanceof Error ? error.name : 'Error';
  const requestId = (error as { $metadata?: { requestId?: string } }).$metadata?.requestId;
  const detail =
    name === 'UnauthorizedException'
      ? { code: 'AWS_SSO_LOGIN_NEEDED', message: `The SSO portal no longer accepts the sign-in for ${target.session.startUrl}.`, nextStep: `Sign in again with \`keyless sso login ${target.profile === undefined ? `--start-url ${target.session.startUrl} --region ${target.session.region}` : `--profile ${target.profile}`}\`.` }
      : { code: 'SSO_PORTAL_FAILED', message: `Could not ${what} from the SSO portal (${name}).`, nextStep: 'Retry in a moment; the portal throttles bursts of calls.' };
  return new KeylessFailure(requestId === undefined ? detail : { ...detail, requestId });
}

/** Every account the signed-in SSO user may use (ListAccounts, all pages). */
export async function listSsoAccounts(target: string | SsoStartTarget, deps: AwsDeps): Promise<SsoAccountSummary[]> {
  const resolved = await ssoSessionTarget(target, deps);
  const { token } = await ssoAccessToken(resolved.session, resolved.endpoints, resolved.profile, deps);
  const { ListAccountsCommand } = await import('@aws-sdk/client-sso');
  const client = await portalClient(resolved.endpoints);
  const accounts: SsoAccountSummary[] = [];
  try {
    let nextToken: string | undefined;
    do {
      const page = await client.send(new ListAccountsCommand({ accessToken: token.accessToken, maxResults: 100, ...(nextToken === undefined ? {} : { nextToken }) }));
      for (const account of page.accountList ?? []) {
        if (account.accountId === undefined) continue;
        accounts.push({
          accountId: account.accountId,
          ...(account.accountName === undefined ? {} : { accountName: account.accountName }),
          ...(account.emailAddress === undefined ? {} : { emailAddress: account.emailAddress }),
        });
      }
      nextToken = page.nextToken ?? undefined;
    } while (nextToken !== undefined);
  } catch (error) {
    throw portalFailure(error, 'list your accounts', resolved);
  } finally {
    client.destroy();
  }
  return accounts;
}

/** The permission sets (role names) the SSO user has in one account (ListAccountRoles, all pages). */
export async function listSsoAccountRoles(target: string | SsoStartTarget, accountId: string, deps: AwsDeps): Promise<SsoAccountRole[]> {
  if (!/^\d{12}$/.test(accountId)) {
    throw new KeylessFailure({ code: 'INVALID_ACCOUNT_ID', message: `"${accountId}" is not an AWS account ID.`, nextStep: 'Give the 12-digit account ID, as listed by the portal.' });
  }
  const resolved = await ssoSessionTarget(target, deps);
  const { token } = await ssoAccessToken(resolved.session, resolved.endpoints, resolved.profile, deps);
  const { ListAccountRolesCommand } = await import('@aws-sdk/client-sso');
  const client = await portalClient(resolved.endpoints);
  const roles: SsoAccountRole[] = [];
  try {
    let nextToken: string | undefined;
    do {
      const page = await client.send(new ListAccountRolesCommand({ accessToken: token.accessToken, accountId, maxResults: 100, ...(nextToken === undefined ? {} : { nextToken }) }));
      for (const role of page.roleList ?? []) if (role.roleName !== undefined) roles.push({ accountId: role.accountId ?? accountId, roleName: role.roleName });
      nextToken = page.nextToken ?? undefined;
    } while (nextToken !== undefined);
  } catch (error) {
    throw portalFailure(error, `list your roles in account ${accountId}`, resolved);
  } finally {
    client.destroy();
  }
  return roles;
}

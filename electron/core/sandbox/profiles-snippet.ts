import type { SeedSummary } from './seed/apply-seed';

/**
 * The `~/.aws/config` and `~/.aws/credentials` text that points the app, the SDK and the `aws`
 * CLI at the sandbox: one profile per seeded operator, and an SSO profile with its sso-session.
 * `endpoint_url` sends every service (SSO and SSO-OIDC included) to the gateway; S3 needs
 * path-style addressing because the gateway is one host.
 */

export interface ProfilesSnippet {
  readonly config: string;
  readonly credentials: string;
}

export const SSO_SESSION_NAME = 'keyless-sandbox';

export function profilesSnippet(seed: SeedSummary, awsEndpoint: string): ProfilesSnippet {
  const endpointLines = [`endpoint_url = ${awsEndpoint}`, 's3 =', '  addressing_style = path'];
  const config: string[] = [];
  const credentials: string[] = [];
  for (const operator of seed.operators) {
    config.push(`[profile ${operator.profile}]`, `region = ${seed.region}`, ...endpointLines, '');
    credentials.push(`[${operator.profile}]`, `aws_access_key_id = ${operator.accessKeyId}`, `aws_secret_access_key = ${operator.secretAccessKey}`, '');
  }
  const ssoAccount = seed.sso.accounts[0];
  const ssoRole = ssoAccount?.roles[0];
  if (ssoAccount !== undefined && ssoRole !== undefined) {
    config.push(
      `[profile ${seed.sso.profile}]`,
      `sso_session = ${SSO_SESSION_NAME}`,
      `sso_account_id = ${ssoAccount.accountId}`,
      `sso_role_name = ${ssoRole.roleName}`,
      `region = ${seed.region}`,
      ...endpointLines,
      '',
      `[sso-session ${SSO_SESSION_NAME}]`,
      `sso_start_url = ${seed.sso.startUrl}`,
      `sso_region = ${seed.sso.region}`,
      'sso_registration_scopes = sso:account:access',
      '',
    );
  }
  return { config: config.join('\n'), credentials: credentials.join('\n') };
}

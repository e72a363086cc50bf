import type { EnvRecord } from './aws-env';
import type { SharedConfig } from './profiles/shared-config';
import type { SsoEndpoints } from './sso/sso-clients';

/** The services whose clients this module creates, by SDK service id. */
export type AwsServiceId = 'STS' | 'SSO' | 'SSO OIDC' | 'IAM' | 'EC2';

const present = (value: string | undefined): value is string => value !== undefined && value !== '';

/**
 * The endpoint URL a client for `service` must use for `profile`, or undefined for AWS's own.
 * Same precedence as the SDK (aws.md §2.5): AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, the
 * profile's `[services]` entry, the profile's `endpoint_url`; all off when
 * AWS_IGNORE_CONFIGURED_ENDPOINT_URLS / ignore_configured_endpoint_urls is true. Resolved here
 * because the SDK reads the config file for AWS_PROFILE only, not for the profile a client is
 * given, and its credential providers build their own clients.
 */
export function endpointFor(service: AwsServiceId, profile: string | undefined, config: SharedConfig, env: EnvRecord): string | undefined {
  const settings = profile === undefined ? undefined : config.profiles.get(profile)?.settings;
  const ignore = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? settings?.ignore_configured_endpoint_urls;
  if (ignore?.toLowerCase() === 'true') return undefined;
  const envName = service.toUpperCase().replace(/ /g, '_');
  const perService = env[`AWS_ENDPOINT_URL_${envName}`];
  if (present(perService)) return perService;
  if (present(env.AWS_ENDPOINT_URL)) return env.AWS_ENDPOINT_URL;
  if (settings === undefined) return undefined;
  const servicesName = settings.services;
  if (present(servicesName)) {
    const fromServices = config.services[servicesName]?.[`${service.toLowerCase().replace(/ /g, '_')}.endpoint_url`];
    if (present(fromServices)) return fromServices;
  }
  return present(settings.endpoint_url) ? settings.endpoint_url : undefined;
}

/** Where the SSO-OIDC and portal calls for `profile` (or, with none, for a bare start URL) go. */
export function ssoEndpointsFor(profile: string | undefined, region: string, config: SharedConfig, env: EnvRecord): SsoEndpoints {
  const oidcEndpoint = endpointFor('SSO OIDC', profile, config, env);
  const portalEndpoint = endpointFor('SSO', profile, config, env);
  return { region, ...(oidcEndpoint === undefined ? {} : { oidcEndpoint }), ...(portalEndpoint === undefined ? {} : { portalEndpoint }) };
}

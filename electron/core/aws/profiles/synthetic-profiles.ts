import { hasEnvironmentCredentials, selectedProfileName } from '../aws-env';
import type { EnvRecord } from '../aws-env';

/**
 * Names of the entries that are not profiles in a file: credentials from the environment and
 * the EC2 instance or container role. The `@` keeps them apart from the usual profile names; a
 * real profile of the same name wins.
 */
export const ENVIRONMENT_PROFILE = '@environment';
export const INSTANCE_ROLE_PROFILE = '@instance-role';

/**
 * The credentials the SDK's default chain would pick when no profile is named: environment keys
 * first (even over AWS_PROFILE), then AWS_PROFILE, then `default`. Keyless then resolves that one
 * entry explicitly rather than through fromNodeProviderChain, so it can say which kind it used.
 */
export function defaultProfileName(env: EnvRecord): string {
  return hasEnvironmentCredentials(env) ? ENVIRONMENT_PROFILE : selectedProfileName(env);
}

/**
 * The AWS account services the app and the CLI call (issue 5): profiles, identity, SSO sign-in
 * and the portal's accounts and roles. Shapes are in ./types; dependencies in ./aws-deps.
 */
export { listProfiles, listProfileListing } from './profiles/list-profiles';
export { defaultProfileName, ENVIRONMENT_PROFILE, INSTANCE_ROLE_PROFILE } from './profiles/synthetic-profiles';
export { whoami } from './identity/whoami';
export { startSsoLogin, listSsoAccounts, listSsoAccountRoles } from './sso/sso-service';
export { resolveCredentials } from './credentials/resolve-credentials';
export type { AwsDeps, SsoLoginDeps, Sleep } from './aws-deps';
export type * from './types';

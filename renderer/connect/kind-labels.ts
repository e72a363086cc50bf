import type { ProfileSummary } from '../../shared/ipc/accounts-contract';

/** How each profile kind reads to an admin who knows the AWS CLI. */
export const KIND_LABEL: Readonly<Record<ProfileSummary['kind'], string>> = {
  static: 'Access keys',
  sso: 'IAM Identity Center (SSO)',
  legacySso: 'SSO (legacy settings)',
  assumeRole: 'Assume role',
  process: 'credential_process',
  webIdentity: 'Web identity',
  login: 'Console sign-in',
  environment: 'Environment variables',
  instanceRole: 'Instance role',
  noCredentials: 'No credentials',
};

export const STATUS_LABEL: Readonly<Record<ProfileSummary['status'], string>> = {
  ready: 'Ready',
  ssoLoginNeeded: 'SSO sign-in needed',
  mfaNeeded: 'MFA code needed',
  brokenChain: 'Broken chain',
  incomplete: 'Incomplete',
  noCredentials: 'No credentials',
};

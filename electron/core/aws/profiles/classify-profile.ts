import type { ProfileKind } from '../types';
import type { IniSection } from './shared-config';

const text = (section: IniSection, key: string): string | undefined => {
  const value = section[key];
  return value === undefined || value === '' ? undefined : value;
};

export function hasStaticKeys(section: IniSection): boolean {
  return text(section, 'aws_access_key_id') !== undefined && text(section, 'aws_secret_access_key') !== undefined;
}

/**
 * The kind of a profile, checked in the order of the SDK's `fromIni` (`resolveProfileData`), so
 * the kind names the provider that will really run: assume-role (`role_arn` with exactly one of
 * `source_profile` / `credential_source`), static keys, web identity, `credential_process`,
 * SSO (`sso_session` → `sso`, otherwise `legacySso`), `login_session`.
 */
export function classifyProfile(section: IniSection): ProfileKind {
  const roleArn = text(section, 'role_arn');
  const sourceProfile = section.source_profile;
  const credentialSource = section.credential_source;
  if (roleArn !== undefined && (sourceProfile === undefined) !== (credentialSource === undefined)) return 'assumeRole';
  if (hasStaticKeys(section)) return 'static';
  if (roleArn !== undefined && text(section, 'web_identity_token_file') !== undefined) return 'webIdentity';
  if (text(section, 'credential_process') !== undefined) return 'process';
  if (text(section, 'sso_session') !== undefined) return 'sso';
  if (['sso_start_url', 'sso_account_id', 'sso_region', 'sso_role_name'].some((key) => text(section, key) !== undefined)) return 'legacySso';
  if (text(section, 'login_session') !== undefined) return 'login';
  return 'noCredentials';
}

/** A setting that makes the profile unusable as written, or undefined when none is missing. */
export function missingSetting(kind: ProfileKind, section: IniSection): string | undefined {
  switch (kind) {
    case 'sso':
      return ['sso_account_id', 'sso_role_name'].find((key) => text(section, key) === undefined);
    case 'legacySso':
      return ['sso_start_url', 'sso_region', 'sso_account_id', 'sso_role_name'].find((key) => text(section, key) === undefined);
    case 'noCredentials':
      if (text(section, 'aws_access_key_id') !== undefined) return 'aws_secret_access_key';
      if (text(section, 'aws_secret_access_key') !== undefined) return 'aws_access_key_id';
      if (text(section, 'role_arn') !== undefined) return 'source_profile or credential_source';
      return undefined;
    default:
      return undefined;
  }
}

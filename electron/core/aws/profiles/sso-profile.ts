import type { SsoSessionRef } from '../sso/sso-token';
import type { SsoSettings } from '../types';
import type { IniSection, SharedConfig } from './shared-config';

const text = (section: IniSection | undefined, key: string): string | undefined => {
  const value = section?.[key];
  return value === undefined || value === '' ? undefined : value;
};

/** The SSO settings of a profile, the `[sso-session]` it names filled in (the SDK's fromSSO does the same). */
export function ssoSettingsOf(section: IniSection, config: SharedConfig): SsoSettings {
  const session = text(section, 'sso_session');
  const sessionSection = session === undefined ? undefined : config.ssoSessions[session];
  const startUrl = text(sessionSection, 'sso_start_url') ?? text(section, 'sso_start_url');
  const region = text(sessionSection, 'sso_region') ?? text(section, 'sso_region');
  const accountId = text(section, 'sso_account_id');
  const roleName = text(section, 'sso_role_name');
  return {
    ...(startUrl === undefined ? {} : { startUrl }),
    ...(region === undefined ? {} : { region }),
    ...(session === undefined ? {} : { session }),
    ...(accountId === undefined ? {} : { accountId }),
    ...(roleName === undefined ? {} : { roleName }),
  };
}

/** What is missing to sign in for this profile, or the session to sign in to. */
export function ssoSessionRefOf(section: IniSection, config: SharedConfig): { ref: SsoSessionRef } | { missing: string } {
  const session = text(section, 'sso_session');
  if (session !== undefined && config.ssoSessions[session] === undefined) return { missing: `the [sso-session ${session}] section` };
  const settings = ssoSettingsOf(section, config);
  if (settings.startUrl === undefined) return { missing: 'sso_start_url' };
  if (settings.region === undefined) return { missing: 'sso_region' };
  const scopes = text(session === undefined ? undefined : config.ssoSessions[session], 'sso_registration_scopes');
  return {
    ref: {
      startUrl: settings.startUrl,
      region: settings.region,
      ...(session === undefined ? {} : { sessionName: session }),
      ...(scopes === undefined ? {} : { scopes: scopes.split(',').map((scope) => scope.trim()).filter((scope) => scope !== '') }),
    },
  };
}

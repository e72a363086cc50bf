import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { loadSharedConfigFiles, loadSsoSessionData } from '@smithy/shared-ini-file-loader';
import { KeylessFailure } from '../../../../shared/errors';
import { configFilePath, credentialsFilePath } from '../aws-env';
import type { EnvRecord } from '../aws-env';
import type { ProfileOrigin } from '../types';

export type IniSection = Readonly<Record<string, string | undefined>>;

export interface SharedProfile {
  readonly name: string;
  readonly origin: ProfileOrigin;
  /** Credentials-file values over config-file values, as the SDK's `parseKnownFiles` merges them. */
  readonly settings: IniSection;
}

export interface SharedConfig {
  readonly configFile: string;
  readonly credentialsFile: string;
  /** In the order `aws configure list-profiles` prints them: config profiles, then credentials-only ones. */
  readonly profiles: ReadonlyMap<string, SharedProfile>;
  readonly ssoSessions: Readonly<Record<string, IniSection>>;
  /** `[services NAME]` sections, keys such as `sts.endpoint_url`. */
  readonly services: Readonly<Record<string, IniSection>>;
}

const SECTION_PREFIXES = ['profile', 'sso-session', 'services'];

/** The credentials file has no prefixes: `[profile x]` there is a profile literally named "profile x". */
function credentialsProfileName(key: string): string {
  const dot = key.indexOf('.');
  return dot > 0 && SECTION_PREFIXES.includes(key.slice(0, dot)) ? `${key.slice(0, dot)} ${key.slice(dot + 1)}` : key;
}

/**
 * The SDK's loader reads a file it cannot open as empty, which would list no profiles without
 * saying why; a missing file is normal, an unreadable one is reported.
 */
async function checkReadable(file: string, what: string): Promise<void> {
  let problem: string | undefined;
  try {
    if (!(await stat(file)).isFile()) problem = 'it is not a file';
    else await access(file, constants.R_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    problem = code === 'EACCES' || code === 'EPERM' ? 'you may not read it' : `it cannot be read (${code ?? 'unknown error'})`;
  }
  if (problem === undefined) return;
  throw new KeylessFailure({
    code: 'AWS_CONFIG_UNREADABLE',
    message: `The AWS ${what} file ${file} exists but ${problem}, so its profiles cannot be listed.`,
    nextStep: `Make it a readable file (e.g. chmod 600 ${file}), or point ${what === 'config' ? 'AWS_CONFIG_FILE' : 'AWS_SHARED_CREDENTIALS_FILE'} at the right file.`,
  });
}

/**
 * Reads `~/.aws/config` and `~/.aws/credentials` (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE)
 * with the SDK's own parser, always afresh (the loader otherwise keeps the first read for the
 * life of the process). Missing files read as empty; unreadable ones fail. Never writes.
 */
export async function readSharedConfig(env: EnvRecord): Promise<SharedConfig> {
  const configFile = configFilePath(env);
  const credentialsFile = credentialsFilePath(env);
  await checkReadable(configFile, 'config');
  await checkReadable(credentialsFile, 'credentials');
  const files = await loadSharedConfigFiles({ filepath: credentialsFile, configFilepath: configFile, ignoreCache: true });
  const ssoSessions = await loadSsoSessionData({ configFilepath: configFile });

  const profiles = new Map<string, SharedProfile>();
  const services: Record<string, IniSection> = {};
  for (const [key, settings] of Object.entries(files.configFile)) {
    if (key.startsWith('services.')) {
      services[key.slice('services.'.length)] = settings;
      continue;
    }
    if (key.startsWith('sso-session.')) continue;
    profiles.set(key, { name: key, origin: 'config', settings: { ...settings } });
  }
  for (const [key, settings] of Object.entries(files.credentialsFile)) {
    const name = credentialsProfileName(key);
    const fromConfig = profiles.get(name);
    profiles.set(
      name,
      fromConfig === undefined ? { name, origin: 'credentials', settings: { ...settings } } : { name, origin: 'both', settings: { ...fromConfig.settings, ...settings } },
    );
  }
  return { configFile, credentialsFile, profiles, ssoSessions, services };
}

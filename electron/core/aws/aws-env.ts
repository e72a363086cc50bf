import { homedir } from 'node:os';
import { join } from 'node:path';

export type EnvRecord = Readonly<Record<string, string | undefined>>;

const present = (value: string | undefined): value is string => value !== undefined && value !== '';

/**
 * The home folder the way the SDK's `getHomeDir` finds it (reference/aws.md §3.2):
 * HOME, then USERPROFILE, then HOMEDRIVE+HOMEPATH, then the OS.
 */
export function awsHomeDir(env: EnvRecord): string {
  if (present(env.HOME)) return env.HOME;
  if (present(env.USERPROFILE)) return env.USERPROFILE;
  if (present(env.HOMEPATH)) return `${env.HOMEDRIVE ?? 'C:\\'}${env.HOMEPATH}`;
  return homedir();
}

function expandHome(path: string, env: EnvRecord): string {
  return path.startsWith('~/') ? join(awsHomeDir(env), path.slice(2)) : path;
}

export function configFilePath(env: EnvRecord): string {
  return expandHome(present(env.AWS_CONFIG_FILE) ? env.AWS_CONFIG_FILE : join(awsHomeDir(env), '.aws', 'config'), env);
}

export function credentialsFilePath(env: EnvRecord): string {
  return expandHome(present(env.AWS_SHARED_CREDENTIALS_FILE) ? env.AWS_SHARED_CREDENTIALS_FILE : join(awsHomeDir(env), '.aws', 'credentials'), env);
}

export function ssoCacheDir(env: EnvRecord): string {
  return join(awsHomeDir(env), '.aws', 'sso', 'cache');
}

/** The profile the SDK and the AWS CLI use when none is named. */
export function selectedProfileName(env: EnvRecord): string {
  return present(env.AWS_PROFILE) ? env.AWS_PROFILE : 'default';
}

export function hasEnvironmentCredentials(env: EnvRecord): boolean {
  return present(env.AWS_ACCESS_KEY_ID) && present(env.AWS_SECRET_ACCESS_KEY);
}

/** ECS and EKS Pod Identity tell a container where its credentials are through these variables. */
export function containerCredentialsVariable(env: EnvRecord): string | undefined {
  return ['AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_CREDENTIALS_FULL_URI'].find((name) => present(env[name]));
}

export function envRegion(env: EnvRecord): string | undefined {
  if (present(env.AWS_REGION)) return env.AWS_REGION;
  return present(env.AWS_DEFAULT_REGION) ? env.AWS_DEFAULT_REGION : undefined;
}

/** The places credentials were looked for, for a "no credentials found" message. */
export function whereWeLooked(env: EnvRecord): string[] {
  return [
    'environment variables AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY',
    `config file ${configFilePath(env)}${present(env.AWS_CONFIG_FILE) ? ' (AWS_CONFIG_FILE)' : ''}`,
    `credentials file ${credentialsFilePath(env)}${present(env.AWS_SHARED_CREDENTIALS_FILE) ? ' (AWS_SHARED_CREDENTIALS_FILE)' : ''}`,
    `SSO token cache ${ssoCacheDir(env)} and the Keyless vault`,
  ];
}

import type { AwsDeps } from '../aws-deps';
import { envRegion, hasEnvironmentCredentials } from '../aws-env';
import type { EnvRecord } from '../aws-env';
import type { ProfileListing, ProfileSummary } from '../types';
import { classifyProfile } from './classify-profile';
import { profileStatus } from './profile-status';
import { containerRole, probeInstanceRole } from './runtime-role';
import type { RuntimeRole } from './runtime-role';
import { readSharedConfig } from './shared-config';
import type { SharedConfig } from './shared-config';
import { followSourceChain } from './source-chain';
import { defaultProfileName, ENVIRONMENT_PROFILE, INSTANCE_ROLE_PROFILE } from './synthetic-profiles';
import { ssoSettingsOf } from './sso-profile';


export interface ListProfilesOptions {
  /** Ask the EC2 instance metadata service whether this machine has a role (a call with a 1 s timeout). */
  readonly probeInstanceMetadata?: boolean;
}

type ListDeps = Pick<AwsDeps, 'now'> & { readonly vault?: AwsDeps['vault'] };

async function summarise(name: string, config: SharedConfig, env: EnvRecord, deps: ListDeps): Promise<ProfileSummary> {
  const profile = config.profiles.get(name);
  const settings = profile?.settings ?? {};
  const kind = classifyProfile(settings);
  const { status, statusDetail } = await profileStatus(name, kind, config, { env, ...deps });
  const region = settings.region;
  const base: ProfileSummary = {
    name,
    kind,
    origin: profile?.origin ?? 'config',
    status,
    statusDetail,
    isDefault: name === defaultProfileName(env),
    ...(region === undefined || region === '' ? {} : { region }),
  };
  if (kind === 'sso' || kind === 'legacySso') return { ...base, sso: ssoSettingsOf(settings, config) };
  if (kind !== 'assumeRole') return base;
  const chain = followSourceChain(name, config.profiles);
  const root = chain.links.at(-1);
  const rootSettings = root === undefined ? undefined : config.profiles.get(root.profile)?.settings;
  const rootSso = root !== undefined && rootSettings !== undefined && (root.kind === 'sso' || root.kind === 'legacySso') ? ssoSettingsOf(rootSettings, config) : undefined;
  return {
    ...base,
    sourceChain: chain.links,
    ...(settings.role_arn === undefined ? {} : { roleArn: settings.role_arn }),
    ...(settings.mfa_serial === undefined || settings.mfa_serial === '' ? {} : { mfaSerial: settings.mfa_serial }),
    ...(rootSso === undefined ? {} : { sso: rootSso }),
  };
}

function environmentEntry(env: EnvRecord): ProfileSummary {
  const region = envRegion(env);
  return {
    name: ENVIRONMENT_PROFILE,
    kind: 'environment',
    origin: 'environment',
    status: 'ready',
    statusDetail: `Keys from AWS_ACCESS_KEY_ID${env.AWS_SESSION_TOKEN === undefined ? '' : ' with AWS_SESSION_TOKEN'}; the SDK prefers them over any profile.`,
    isDefault: true,
    ...(region === undefined ? {} : { region }),
  };
}

function instanceRoleEntry(role: RuntimeRole, env: EnvRecord): ProfileSummary {
  const region = envRegion(env);
  return {
    name: INSTANCE_ROLE_PROFILE,
    kind: 'instanceRole',
    origin: 'runtime',
    status: 'ready',
    statusDetail: role.where === 'ec2' ? `This EC2 instance's role ${role.roleName}.` : `This container's task role (${role.variable}).`,
    isDefault: false,
    ...(region === undefined ? {} : { region }),
  };
}

/**
 * Every profile the AWS CLI v2 would list (`aws configure list-profiles`), in its order, each
 * classified with a status; then `@environment` when AWS_ACCESS_KEY_ID is set, and
 * `@instance-role` inside a container or (when probed) on EC2. Reads the files, never writes.
 */
export async function listProfileListing(env: EnvRecord, deps: ListDeps = {}, options: ListProfilesOptions = {}): Promise<ProfileListing> {
  const config = await readSharedConfig(env);
  const profiles: ProfileSummary[] = [];
  for (const name of config.profiles.keys()) profiles.push(await summarise(name, config, env, deps));
  if (hasEnvironmentCredentials(env) && !config.profiles.has(ENVIRONMENT_PROFILE)) profiles.push(environmentEntry(env));
  const runtime = containerRole(env) ?? (options.probeInstanceMetadata === true ? await probeInstanceRole(env) : undefined);
  if (runtime !== undefined && !config.profiles.has(INSTANCE_ROLE_PROFILE)) profiles.push(instanceRoleEntry(runtime, env));
  return { profiles, configFile: config.configFile, credentialsFile: config.credentialsFile, selectedProfile: defaultProfileName(env) };
}

export async function listProfiles(env: EnvRecord, deps: ListDeps = {}, options: ListProfilesOptions = {}): Promise<ProfileSummary[]> {
  return [...(await listProfileListing(env, deps, options)).profiles];
}

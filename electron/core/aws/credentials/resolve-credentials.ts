import { createHash } from 'node:crypto';
import { KeylessFailure } from '../../../../shared/errors';
import { nowOf } from '../aws-deps';
import type { AwsDeps } from '../aws-deps';
import { containerCredentialsVariable, envRegion, hasEnvironmentCredentials, whereWeLooked } from '../aws-env';
import { endpointFor, ssoEndpointsFor } from '../endpoints';
import { classifyProfile, missingSetting } from '../profiles/classify-profile';
import { ENVIRONMENT_PROFILE, INSTANCE_ROLE_PROFILE } from '../profiles/synthetic-profiles';
import { readSharedConfig } from '../profiles/shared-config';
import type { SharedConfig } from '../profiles/shared-config';
import { describeChainProblem, followSourceChain } from '../profiles/source-chain';
import type { SourceChain } from '../profiles/source-chain';
import { ssoSessionRefOf } from '../profiles/sso-profile';
import { ssoRoleCredentials } from '../sso/sso-role-credentials';
import type { ProfileKind, SsoRoleTarget } from '../types';
import type { AwsCredentials } from './aws-credentials';
import { forgetCachedCredentials, profileFingerprint, readCachedCredentials, saveCachedCredentials } from './credential-cache';
import { assumeRoleChain } from './role-chain';

export interface ResolvedCredentials {
  readonly profile: string;
  readonly kind: ProfileKind;
  readonly credentials: AwsCredentials;
  readonly fromCache: boolean;
  readonly region: string;
  /** The STS endpoint for this profile when overridden (sandbox), for the caller's own clients. */
  readonly stsEndpoint?: string;
  /** Drops the vault's copy, so the next resolve asks again (after AWS said the credentials are dead). */
  forget(): Promise<void>;
}

const DEFAULT_REGION = 'us-east-1';

function noSuchProfile(name: string, config: SharedConfig, deps: Pick<AwsDeps, 'env'>): KeylessFailure {
  const known = [...config.profiles.keys()];
  return new KeylessFailure({
    code: 'INVALID_PROFILE',
    message: `There is no AWS profile "${name}". Looked in: ${whereWeLooked(deps.env).slice(1, 3).join('; ')}.`,
    nextStep:
      known.length === 0
        ? 'Create one with `aws configure` or `aws configure sso`, or set AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE to where your files are.'
        : `Use one of: ${known.slice(0, 20).join(', ')}${known.length > 20 ? ', …' : ''} (see \`keyless profiles\`).`,
  });
}

function noCredentials(name: string, detail: string, deps: Pick<AwsDeps, 'env'>): KeylessFailure {
  return new KeylessFailure({
    code: 'AWS_NO_CREDENTIALS',
    message: `No AWS credentials found for profile "${name}": ${detail}. Looked in: ${whereWeLooked(deps.env).join('; ')}.`,
    nextStep: 'Give the profile access keys, an SSO sign-in (sso_session), a role to assume (role_arn + source_profile) or a credential_process, or pick another profile.',
  });
}

function brokenChain(name: string, chain: SourceChain): KeylessFailure {
  const problem = chain.problem;
  const missing = problem?.kind === 'missingProfile' ? problem.profile : undefined;
  return new KeylessFailure({
    code: 'AWS_PROFILE_CHAIN_BROKEN',
    message: `Profile "${name}" cannot get credentials: ${problem === undefined ? 'its source chain is empty' : describeChainProblem(problem)}.`,
    nextStep:
      missing === undefined
        ? 'Edit source_profile so the chain ends at a profile with keys, SSO or a credential_source, without coming back to itself.'
        : `Add a [profile ${missing}] with credentials, or change source_profile to an existing profile (see \`keyless profiles\`).`,
  });
}

function regionOf(name: string, config: SharedConfig, deps: Pick<AwsDeps, 'env'>): string {
  const fromProfile = config.profiles.get(name)?.settings.region;
  return envRegion(deps.env) ?? (fromProfile === undefined || fromProfile === '' ? DEFAULT_REGION : fromProfile);
}

/** Credentials of an SSO profile (the profile itself, or the root of a role chain). */
async function ssoProfileCredentials(name: string, config: SharedConfig, deps: AwsDeps): Promise<AwsCredentials> {
  const settings = config.profiles.get(name)?.settings ?? {};
  const kind = classifyProfile(settings);
  const missing = missingSetting(kind, settings);
  const session = ssoSessionRefOf(settings, config);
  if (missing !== undefined || 'missing' in session) {
    throw new KeylessFailure({
      code: 'AWS_PROFILE_INCOMPLETE',
      message: `SSO profile "${name}" lacks ${missing ?? ('missing' in session ? session.missing : '')}.`,
      nextStep: 'Complete the profile in the config file (or run `aws configure sso`), then retry.',
    });
  }
  return ssoRoleCredentials(
    {
      session: session.ref,
      endpoints: ssoEndpointsFor(name, session.ref.region, config, deps.env),
      accountId: settings.sso_account_id ?? '',
      roleName: settings.sso_role_name ?? '',
      profile: name,
      configFile: config.configFile,
      credentialsFile: config.credentialsFile,
    },
    deps,
  );
}

async function freshProfileCredentials(name: string, kind: ProfileKind, config: SharedConfig, chain: SourceChain | undefined, deps: AwsDeps): Promise<AwsCredentials> {
  const files = { profile: name, filepath: config.credentialsFile, configFilepath: config.configFile, ignoreCache: true as const };
  const providers = await import('@aws-sdk/credential-providers');
  switch (kind) {
    case 'sso':
    case 'legacySso':
      return ssoProfileCredentials(name, config, deps);
    case 'process':
      return providers.fromProcess(files)();
    case 'assumeRole':
      return assumeRoleChain({ name, chain: chain ?? followSourceChain(name, config.profiles), config, files, ssoRoot: (root) => ssoProfileCredentials(root, config, deps), region: regionOf(name, config, deps), deps });
    default:
      return providers.fromIni(files)();
  }
}

/**
 * The credentials a profile (or `@environment`, `@instance-role`, or an SSO account/role picked
 * in the portal) yields, through the SDK's providers. Temporary credentials are kept in the
 * vault, keyed by profile, and used until 5 minutes before they expire.
 */
export async function resolveCredentials(target: string | SsoRoleTarget, deps: AwsDeps): Promise<ResolvedCredentials> {
  const config = await readSharedConfig(deps.env);
  if (typeof target !== 'string') return resolveSsoTarget(target, config, deps);
  const name = target;
  const stsEndpoint = endpointFor('STS', config.profiles.has(name) ? name : undefined, config, deps.env);
  const common = { profile: name, ...(stsEndpoint === undefined ? {} : { stsEndpoint }) };
  if (!config.profiles.has(name) && (name === ENVIRONMENT_PROFILE || name === INSTANCE_ROLE_PROFILE)) {
    const providers = await import('@aws-sdk/credential-providers');
    const region = envRegion(deps.env) ?? DEFAULT_REGION;
    if (name === ENVIRONMENT_PROFILE) {
      if (!hasEnvironmentCredentials(deps.env)) throw noCredentials(name, 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set', deps);
      return { ...common, kind: 'environment', credentials: await providers.fromEnv()(), fromCache: false, region, forget: () => Promise.resolve() };
    }
    const provider = containerCredentialsVariable(deps.env) === undefined ? providers.fromInstanceMetadata({ timeout: 1000, maxRetries: 1 }) : providers.fromContainerMetadata({ timeout: 1000, maxRetries: 1 });
    return { ...common, kind: 'instanceRole', credentials: await provider(), fromCache: false, region, forget: () => Promise.resolve() };
  }
  const profile = config.profiles.get(name);
  if (profile === undefined) throw noSuchProfile(name, config, deps);
  const kind = classifyProfile(profile.settings);
  const region = regionOf(name, config, deps);
  if (kind === 'noCredentials') {
    const missing = missingSetting(kind, profile.settings);
    throw noCredentials(name, missing === undefined ? 'it has settings but no keys, role, SSO or credential_process' : `it lacks ${missing}`, deps);
  }
  const chain = kind === 'assumeRole' ? followSourceChain(name, config.profiles) : undefined;
  if (chain?.problem !== undefined) throw brokenChain(name, chain);
  const fingerprint = chain === undefined ? profileFingerprint({ links: [{ profile: name, kind }], mfaSerials: [] }, config) : profileFingerprint(chain, config);
  const forget = () => forgetCachedCredentials(deps.vault, name);
  const cached = kind === 'static' ? undefined : await readCachedCredentials(deps.vault, name, fingerprint, nowOf(deps));
  if (cached !== undefined) return { ...common, kind, credentials: cached.credentials, fromCache: true, region, forget };
  const credentials = await freshProfileCredentials(name, kind, config, chain, deps);
  await saveCachedCredentials(deps.vault, name, fingerprint, credentials);
  return { ...common, kind, credentials, fromCache: false, region, forget };
}

async function resolveSsoTarget(target: SsoRoleTarget, config: SharedConfig, deps: AwsDeps): Promise<ResolvedCredentials> {
  const cacheKey = `sso-role:${target.accountId}/${target.roleName}@${target.startUrl}`;
  const fingerprint = createHash('sha256').update(JSON.stringify(target)).digest('hex');
  const forget = () => forgetCachedCredentials(deps.vault, cacheKey);
  const stsEndpoint = endpointFor('STS', undefined, config, deps.env);
  const region = envRegion(deps.env) ?? target.region;
  const common = { profile: `${target.accountId}/${target.roleName}`, kind: 'sso' as const, region, forget, ...(stsEndpoint === undefined ? {} : { stsEndpoint }) };
  const cached = await readCachedCredentials(deps.vault, cacheKey, fingerprint, nowOf(deps));
  if (cached !== undefined) return { ...common, credentials: cached.credentials, fromCache: true };
  const credentials = await ssoRoleCredentials(
    { session: { startUrl: target.startUrl, region: target.region }, endpoints: ssoEndpointsFor(undefined, target.region, config, deps.env), accountId: target.accountId, roleName: target.roleName },
    deps,
  );
  await saveCachedCredentials(deps.vault, cacheKey, fingerprint, credentials);
  return { ...common, credentials, fromCache: false };
}

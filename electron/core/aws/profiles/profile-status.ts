import { nowOf } from '../aws-deps';
import type { AwsDeps } from '../aws-deps';
import { hasEnvironmentCredentials } from '../aws-env';
import { profileFingerprint, readCachedCredentials } from '../credentials/credential-cache';
import { lookUpSsoToken } from '../sso/sso-token-source';
import type { ProfileKind, ProfileStatus } from '../types';
import { missingSetting } from './classify-profile';
import type { SharedConfig } from './shared-config';
import { describeChainProblem, followSourceChain } from './source-chain';
import { ssoSessionRefOf } from './sso-profile';

export interface StatusReport {
  readonly status: ProfileStatus;
  readonly statusDetail: string;
}

type StatusDeps = Pick<AwsDeps, 'env' | 'now'> & { readonly vault?: AwsDeps['vault'] };

const report = (status: ProfileStatus, statusDetail: string): StatusReport => ({ status, statusDetail });

async function ssoStatus(profile: string, config: SharedConfig, deps: StatusDeps): Promise<StatusReport> {
  const section = config.profiles.get(profile)?.settings ?? {};
  const session = ssoSessionRefOf(section, config);
  if ('missing' in session) return report('incomplete', `Profile "${profile}" lacks ${session.missing}; add it to the config file.`);
  const login = `Run \`keyless sso login --profile ${profile}\` to sign in.`;
  const found = await lookUpSsoToken(session.ref, deps);
  const from = (origin: 'vault' | 'awsCli'): string => (origin === 'vault' ? 'the Keyless vault' : 'the AWS CLI cache');
  switch (found.state) {
    case 'valid':
      return report('ready', `Signed in to ${session.ref.startUrl} until ${found.token.expiresAt} (token from ${from(found.origin)}).`);
    case 'refreshable':
      return report('ready', `The SSO token for ${session.ref.startUrl} has expired or is about to; it will be refreshed on first use (refresh token in ${from(found.origin)}).`);
    case 'expired':
      return report('ssoLoginNeeded', `The SSO session for ${session.ref.startUrl} has expired. ${login}`);
    case 'none':
      return report('ssoLoginNeeded', `Not signed in to ${session.ref.startUrl}. ${login}`);
  }
}

/** Status of a profile whose credentials come from `kind` directly (not through a role chain). */
async function directStatus(profile: string, kind: ProfileKind, config: SharedConfig, deps: StatusDeps): Promise<StatusReport> {
  const section = config.profiles.get(profile)?.settings ?? {};
  switch (kind) {
    case 'static':
      return report('ready', 'Long-term access keys from the credentials or config file.');
    case 'sso':
    case 'legacySso': {
      const missing = missingSetting(kind, section);
      return missing === undefined ? ssoStatus(profile, config, deps) : report('incomplete', `Profile "${profile}" lacks ${missing}; add it to the config file.`);
    }
    case 'process':
      return report('ready', 'Credentials from the credential_process command (run on use).');
    case 'webIdentity':
      return report('ready', `Web identity token file ${section.web_identity_token_file ?? ''} exchanged with AssumeRoleWithWebIdentity on use.`);
    case 'login':
      return report('ready', 'Credentials from an `aws login` session.');
    case 'environment':
      return hasEnvironmentCredentials(deps.env)
        ? report('ready', 'Keys from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.')
        : report('incomplete', 'credential_source = Environment, but AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY are not set.');
    case 'instanceRole':
      return report('ready', 'The EC2 instance or container role, fetched from the metadata service on use.');
    case 'assumeRole':
    case 'noCredentials': {
      const missing = missingSetting('noCredentials', section);
      return missing === undefined
        ? report('noCredentials', `Profile "${profile}" has settings but nothing that yields credentials (no keys, role, SSO or credential_process).`)
        : report('incomplete', `Profile "${profile}" lacks ${missing === 'source_profile or credential_source' ? 'exactly one of source_profile or credential_source next to role_arn' : missing}.`);
    }
  }
}

/**
 * Whether a profile can be used now, without calling AWS: the role chain is followed, the SSO
 * token looked up (AWS CLI cache and vault), and an MFA chain is `mfaNeeded` unless the vault
 * still holds its credentials.
 */
export async function profileStatus(profile: string, kind: ProfileKind, config: SharedConfig, deps: StatusDeps): Promise<StatusReport> {
  if (kind !== 'assumeRole') return directStatus(profile, kind, config, deps);
  const chain = followSourceChain(profile, config.profiles);
  if (chain.problem !== undefined) return report('brokenChain', `Cannot resolve: ${describeChainProblem(chain.problem)}.`);
  const root = chain.links.at(-1);
  if (root === undefined) return report('brokenChain', `Profile "${profile}" has an empty source chain.`);
  const rootStatus = await directStatus(root.profile, root.kind, config, deps);
  if (rootStatus.status !== 'ready') return report(rootStatus.status, root.profile === profile ? rootStatus.statusDetail : `Source profile "${root.profile}": ${rootStatus.statusDetail}`);
  if (chain.mfaSerials.length > 0) {
    const cached = deps.vault === undefined ? undefined : await readCachedCredentials(deps.vault, profile, profileFingerprint(chain, config), nowOf(deps));
    if (cached === undefined) return report('mfaNeeded', `AssumeRole needs a code from MFA device ${chain.mfaSerials.join(', ')}; Keyless will ask for it.`);
    return report('ready', `Role credentials in the vault until ${cached.credentials.expiration.toISOString()} (MFA was given).`);
  }
  const hops = chain.links.filter((link) => link.kind === 'assumeRole').length;
  return report('ready', `Assumes ${hops === 1 ? 'a role' : `${hops} roles in turn`} starting from "${root.profile}" (${root.kind}).`);
}

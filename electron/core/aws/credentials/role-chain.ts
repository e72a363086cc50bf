import { KeylessFailure } from '../../../../shared/errors';
import type { AwsDeps } from '../aws-deps';
import { endpointFor } from '../endpoints';
import type { SharedConfig } from '../profiles/shared-config';
import type { SourceChain } from '../profiles/source-chain';
import type { AwsCredentials } from './aws-credentials';

export interface RoleChainRequest {
  readonly name: string;
  readonly chain: SourceChain;
  readonly config: SharedConfig;
  readonly files: { readonly profile: string; readonly filepath: string; readonly configFilepath: string; readonly ignoreCache: true };
  /** Credentials of an SSO profile at the root of the chain. */
  readonly ssoRoot: (profile: string) => Promise<AwsCredentials>;
  readonly region: string;
  readonly deps: AwsDeps;
}

export function mfaNeeded(name: string, serials: readonly string[]): KeylessFailure {
  return new KeylessFailure({
    code: 'AWS_MFA_NEEDED',
    message: `Profile "${name}" assumes a role that requires a code from MFA device ${serials.join(', ')}, and there is no way to ask for it here.`,
    nextStep: 'Run the command in a terminal where Keyless can prompt for the code, or use the app, which asks for it.',
  });
}

/**
 * Assumes each role of a `source_profile` chain. Chains that start from keys, a process or a
 * credential_source go through the SDK's `fromIni` whole (it follows the chain itself and asks
 * `mfaCodeProvider` for each `mfa_serial`). A chain that starts from SSO is walked hop by hop
 * with `fromTemporaryCredentials` on top of the SSO credentials, because fromIni would look for
 * the SSO token on disk only and miss one that Keyless keeps in the vault.
 */
export async function assumeRoleChain(request: RoleChainRequest): Promise<AwsCredentials> {
  const { chain, config, deps } = request;
  if (chain.mfaSerials.length > 0 && deps.mfaCodeProvider === undefined) throw mfaNeeded(request.name, chain.mfaSerials);
  const providers = await import('@aws-sdk/credential-providers');
  const root = chain.links.at(-1);
  const mfa = deps.mfaCodeProvider === undefined ? {} : { mfaCodeProvider: deps.mfaCodeProvider };
  if (root === undefined || (root.kind !== 'sso' && root.kind !== 'legacySso')) {
    const endpoint = endpointFor('STS', request.name, config, deps.env);
    return providers.fromIni({ ...request.files, ...mfa, clientConfig: { region: request.region, ...(endpoint === undefined ? {} : { endpoint }) } })();
  }
  let credentials = await request.ssoRoot(root.profile);
  for (const hop of chain.links.slice(0, -1).reverse()) {
    const settings = config.profiles.get(hop.profile)?.settings ?? {};
    const endpoint = endpointFor('STS', hop.profile, config, deps.env);
    const duration = settings.duration_seconds === undefined ? undefined : Number.parseInt(settings.duration_seconds, 10);
    credentials = await providers.fromTemporaryCredentials({
      masterCredentials: credentials,
      params: {
        RoleArn: hop.roleArn ?? settings.role_arn,
        ...(settings.role_session_name === undefined ? {} : { RoleSessionName: settings.role_session_name }),
        ...(settings.external_id === undefined ? {} : { ExternalId: settings.external_id }),
        ...(duration === undefined || Number.isNaN(duration) ? {} : { DurationSeconds: duration }),
        ...(hop.mfaSerial === undefined ? {} : { SerialNumber: hop.mfaSerial }),
      },
      ...mfa,
      clientConfig: { region: settings.region ?? request.region, ...(endpoint === undefined ? {} : { endpoint }) },
    })();
  }
  return credentials;
}

import type { AwsDeps } from '../aws/aws-deps';
import { resolveCredentials } from '../aws/credentials/resolve-credentials';
import { endpointFor } from '../aws/endpoints';
import { readSharedConfig } from '../aws/profiles/shared-config';
import { createEngineAwsClients } from './aws-clients';
import type { AwsClientFactory, OwnedAwsClients } from './aws-clients';

/**
 * Clients for a named AWS profile, through the accounts module's resolver (every profile kind,
 * the vault's credential cache) and the profile's own endpoints — which the SDK would read only
 * for AWS_PROFILE (aws.md §0.5), so the sandbox profiles' `endpoint_url` is honoured here.
 */
export interface ProfileClientOptions {
  readonly region?: string;
  /** Every service at this URL (e.g. the sandbox), over the profile's own endpoints. */
  readonly endpointUrl?: string;
}

export async function clientsForProfile(profile: string, deps: AwsDeps, options: ProfileClientOptions = {}): Promise<{ clients: OwnedAwsClients; region: string }> {
  const resolved = await resolveCredentials(profile, deps);
  const config = await readSharedConfig(deps.env);
  const known = config.profiles.has(profile) ? profile : undefined;
  const endpoint = (service: 'IAM' | 'EC2' | 'STS'): string | undefined => options.endpointUrl ?? endpointFor(service, known, config, deps.env);
  const iam = endpoint('IAM');
  const ec2 = endpoint('EC2');
  const sts = endpoint('STS');
  const region = options.region ?? resolved.region;
  const clients = createEngineAwsClients({
    region,
    credentials: resolved.credentials,
    endpoints: { ...(iam === undefined ? {} : { iam }), ...(ec2 === undefined ? {} : { ec2 }), ...(sts === undefined ? {} : { sts }) },
  });
  return { clients, region };
}

export interface AccountClients {
  readonly agent: { readonly clients: OwnedAwsClients; readonly region: string };
  /** Setup C: the bucket account's clients, in the agent's region unless one was given. */
  readonly bucket?: { readonly clients: OwnedAwsClients; readonly region: string };
  /** Closes every client opened here (also those opened before a failure). */
  destroy(): void;
}

/** Clients for the agent account's profile and, when named, the bucket account's. */
export async function clientsForAccounts(
  profiles: { readonly profile: string; readonly bucketProfile?: string | undefined },
  deps: AwsDeps,
  options: ProfileClientOptions = {},
): Promise<AccountClients> {
  const agent = await clientsForProfile(profiles.profile, deps, options);
  try {
    const bucket = profiles.bucketProfile === undefined ? undefined : await clientsForProfile(profiles.bucketProfile, deps, { ...options, region: options.region ?? agent.region });
    return {
      agent,
      ...(bucket === undefined ? {} : { bucket }),
      destroy() {
        agent.clients.destroy();
        bucket?.clients.destroy();
      },
    };
  } catch (error) {
    agent.clients.destroy();
    throw error;
  }
}

/** The engine's client factory for the profiles a plan names, resolved as in every Keyless command. */
export async function profileClientFactory(
  profiles: { readonly profile: string; readonly bucketProfile?: string | undefined },
  deps: AwsDeps,
  options: ProfileClientOptions = {},
): Promise<AwsClientFactory & { destroy(): void }> {
  const accounts = await clientsForAccounts(profiles, deps, options);
  return {
    clients(account) {
      if (account === 'agent') return accounts.agent.clients;
      if (accounts.bucket === undefined) throw new Error('no bucket-account profile was given (setup C needs --bucket-profile)');
      return accounts.bucket.clients;
    },
    destroy: () => accounts.destroy(),
  };
}

import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { AccountRole } from '../../../shared/plan/plan-model';

/**
 * The engine's only door to AWS: SDK clients per account (agent, and bucket for setup C), for one
 * region, with an optional endpoint (the sandbox). How a profile turns into credentials is not
 * the engine's concern; callers pass a provider.
 */
export interface EngineClients {
  readonly iam: IAMClient;
  readonly ec2: EC2Client;
  readonly sts: STSClient;
}

export interface AwsClientFactory {
  clients(account: AccountRole): EngineClients;
}

export interface ClientFactoryOptions {
  readonly region: string;
  readonly endpoint?: string;
  readonly credentials: Partial<Record<AccountRole, AwsCredentialIdentity | AwsCredentialIdentityProvider>>;
  /**
   * The SDK's standard strategy retries throttling, 5xx and dropped connections; five attempts
   * ride out a throttling burst. Propagation errors are not in its list and are retried by the
   * engine (apply/propagation.ts).
   */
  readonly maxAttempts?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 5;

export function clientFactory(options: ClientFactoryOptions): AwsClientFactory {
  const cache = new Map<AccountRole, EngineClients>();
  return {
    clients(account) {
      const cached = cache.get(account);
      if (cached !== undefined) return cached;
      const credentials = options.credentials[account];
      if (credentials === undefined) throw new Error(`no credentials were given for the ${account} account`);
      const clients = createEngineAwsClients({
        region: options.region,
        credentials,
        maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
      });
      cache.set(account, clients);
      return clients;
    },
  };
}

export function destroyClients(factory: AwsClientFactory, accounts: readonly AccountRole[]): void {
  for (const account of accounts) {
    try {
      const clients = factory.clients(account);
      clients.iam.destroy();
      clients.ec2.destroy();
      clients.sts.destroy();
    } catch {
      // An account without credentials has no clients to close.
    }
  }
}

/**
 * One account's clients as preflight, verify and doctor take them (setup C has a second set, for
 * the bucket's account): a value, so tests point them at the sandbox and the app at the profile
 * the user chose.
 */
export type EngineAwsClients = EngineClients;

export interface AwsConnection {
  readonly region: string;
  /** One endpoint for every service (the sandbox gateway); absent for AWS's own. */
  readonly endpoint?: string;
  /** Per-service endpoints (a profile's `services` section), over `endpoint`. */
  readonly endpoints?: Partial<Record<keyof EngineAwsClients, string>>;
  readonly credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  readonly maxAttempts?: number;
}

export interface OwnedAwsClients extends EngineAwsClients {
  destroy(): void;
}

export function createEngineAwsClients(connection: AwsConnection): OwnedAwsClients {
  const configFor = (service: keyof EngineAwsClients) => {
    const endpoint = connection.endpoints?.[service] ?? connection.endpoint;
    return {
      region: connection.region,
      credentials: connection.credentials,
      // The SDK's standard strategy retries throttling, 5xx and dropped connections (see DEFAULT_MAX_ATTEMPTS).
      maxAttempts: connection.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      retryMode: 'standard',
      ...(endpoint === undefined ? {} : { endpoint }),
    };
  };
  const iam = new IAMClient(configFor('iam'));
  const ec2 = new EC2Client(configFor('ec2'));
  const sts = new STSClient(configFor('sts'));
  return {
    iam,
    ec2,
    sts,
    destroy() {
      iam.destroy();
      ec2.destroy();
      sts.destroy();
    },
  };
}

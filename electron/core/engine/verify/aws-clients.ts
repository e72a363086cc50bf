import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { EngineClients } from '../aws-clients';

/**
 * The AWS clients preflight, verify and doctor read through — the engine's own `EngineClients`,
 * one set per account (setup C has a second, for the bucket's account). Taken as a value so tests
 * point them at the sandbox and the app at the profile the user chose.
 */
export type EngineAwsClients = EngineClients;

export interface AwsConnection {
  readonly region: string;
  /** One endpoint for every service (the sandbox gateway); absent for AWS's own. */
  readonly endpoint?: string;
  /** Per-service endpoints (a profile's `services` section), over `endpoint`. */
  readonly endpoints?: Partial<Record<keyof EngineAwsClients, string>>;
  readonly credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
}

export interface OwnedAwsClients extends EngineAwsClients {
  destroy(): void;
}

export function createEngineAwsClients(connection: AwsConnection): OwnedAwsClients {
  const configFor = (service: keyof EngineAwsClients) => {
    const endpoint = connection.endpoints?.[service] ?? connection.endpoint;
    return { region: connection.region, credentials: connection.credentials, ...(endpoint === undefined ? {} : { endpoint }) };
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

import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

/**
 * The AWS clients preflight, verify and doctor read through: one set per account (setup C has a
 * second, for the bucket's account). Taken as a value so tests point them at the sandbox and the
 * app at the profile the user chose; the checks never create their own clients.
 */
export interface EngineAwsClients {
  readonly iam: IAMClient;
  readonly ec2: EC2Client;
  readonly sts: STSClient;
}

export interface AwsConnection {
  readonly region: string;
  /** One endpoint for every service (the sandbox gateway); absent for AWS's own. */
  readonly endpoint?: string;
  readonly credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
}

export interface OwnedAwsClients extends EngineAwsClients {
  destroy(): void;
}

export function createEngineAwsClients(connection: AwsConnection): OwnedAwsClients {
  const config = {
    region: connection.region,
    credentials: connection.credentials,
    ...(connection.endpoint === undefined ? {} : { endpoint: connection.endpoint }),
  };
  const iam = new IAMClient(config);
  const ec2 = new EC2Client(config);
  const sts = new STSClient(config);
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

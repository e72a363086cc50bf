import type { EC2Client } from '@aws-sdk/client-ec2';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { S3Client } from '@aws-sdk/client-s3';

/**
 * AWS SDK clients against the sandbox's endpoint, one per account and service, loaded on first
 * use. The default credentials are the Secure Agent's account; other accounts (a bucket account)
 * are readable only when the orchestrator gave their credentials.
 */

export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface IicsAwsAccess {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: AwsCredentials;
  /** Credentials for other accounts (e.g. the bucket account), by 12-digit account id. */
  readonly accountCredentials?: Readonly<Record<string, AwsCredentials>>;
}

export class AwsClientPool {
  private readonly ec2Clients = new Map<string, EC2Client>();
  private readonly iamClients = new Map<string, IAMClient>();
  private readonly s3Clients = new Map<string, S3Client>();
  private defaultAccount: Promise<string> | undefined;

  constructor(readonly access: IicsAwsAccess) {}

  /** The account the default credentials belong to (the agent's account). */
  agentAccount(): Promise<string> {
    this.defaultAccount ??= (async () => {
      const { STSClient, GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
      const sts = new STSClient(this.clientConfig(this.access.credentials));
      try {
        const identity = await sts.send(new GetCallerIdentityCommand({}));
        return identity.Account ?? '';
      } finally {
        sts.destroy();
      }
    })();
    // A failed look-up (AWS not up yet) must not stick: the next test asks again.
    this.defaultAccount.catch(() => (this.defaultAccount = undefined));
    return this.defaultAccount;
  }

  /** Accounts whose state can be read. */
  async readableAccounts(): Promise<string[]> {
    return [await this.agentAccount(), ...Object.keys(this.access.accountCredentials ?? {})];
  }

  async ec2(): Promise<EC2Client> {
    const account = await this.agentAccount();
    const existing = this.ec2Clients.get(account);
    if (existing !== undefined) return existing;
    const { EC2Client: Client } = await import('@aws-sdk/client-ec2');
    const client = new Client(this.clientConfig(this.access.credentials));
    this.ec2Clients.set(account, client);
    return client;
  }

  async iam(account: string): Promise<IAMClient> {
    const existing = this.iamClients.get(account);
    if (existing !== undefined) return existing;
    const { IAMClient: Client } = await import('@aws-sdk/client-iam');
    const client = new Client(this.clientConfig(this.credentialsFor(account, await this.agentAccount())));
    this.iamClients.set(account, client);
    return client;
  }

  async s3(account: string): Promise<S3Client> {
    const existing = this.s3Clients.get(account);
    if (existing !== undefined) return existing;
    const { S3Client: Client } = await import('@aws-sdk/client-s3');
    const client = new Client({ ...this.clientConfig(this.credentialsFor(account, await this.agentAccount())), forcePathStyle: true });
    this.s3Clients.set(account, client);
    return client;
  }

  destroy(): void {
    for (const client of [...this.ec2Clients.values(), ...this.iamClients.values(), ...this.s3Clients.values()]) client.destroy();
    this.ec2Clients.clear();
    this.iamClients.clear();
    this.s3Clients.clear();
  }

  private credentialsFor(account: string, agentAccount: string): AwsCredentials {
    if (account === agentAccount) return this.access.credentials;
    const other = this.access.accountCredentials?.[account];
    if (other === undefined) throw new Error(`the sandbox has no credentials for AWS account ${account}`);
    return other;
  }

  private clientConfig(credentials: AwsCredentials): { endpoint: string; region: string; credentials: AwsCredentials } {
    return { endpoint: this.access.endpoint, region: this.access.region, credentials };
  }
}

import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';

/**
 * SDK clients that talk to moto directly while its authentication is still off (seeding). moto
 * picks the account from the `x-moto-account-id` header, so one set of dummy keys seeds every
 * account.
 */

export interface MotoAdminClients {
  readonly iam: IAMClient;
  readonly ec2: EC2Client;
  readonly s3: S3Client;
}

const SEEDING_CREDENTIALS = { accessKeyId: 'AKIAKEYLESSSEEDING00', secretAccessKey: 'seeding-runs-before-moto-authentication-is-on' };

interface HasMiddleware {
  middlewareStack: { add: (middleware: never, options: { step: 'build'; name: string }) => void };
}

function inAccount<T extends HasMiddleware>(client: T, account: string): T {
  const addHeader = (next: (args: { request: { headers: Record<string, string> } }) => Promise<unknown>) => (args: { request: { headers: Record<string, string> } }) => {
    args.request.headers['x-moto-account-id'] = account;
    return next(args);
  };
  client.middlewareStack.add(addHeader as never, { step: 'build', name: 'motoAccountHeader' });
  return client;
}

export function motoAdminClients(endpoint: string, account: string, region: string): MotoAdminClients {
  const common = { endpoint, region, credentials: SEEDING_CREDENTIALS, maxAttempts: 2 };
  return {
    iam: inAccount(new IAMClient({ ...common, region: 'us-east-1' }), account),
    ec2: inAccount(new EC2Client(common), account),
    s3: inAccount(new S3Client({ ...common, forcePathStyle: true }), account),
  };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, IAMClient, PutRolePolicyCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { Credentials } from '@aws-sdk/client-sts';
import type { Sandbox } from '../../../electron/core/sandbox/start-sandbox';
import { asOperator, startTestSandbox } from '../../support/sandbox';

/** sts:AssumeRole judged by the role's trust policy, sts:ExternalId and the caller's policies (setups B and C). */

let sandbox: Sandbox;
let appUser: { accessKeyId: string; secretAccessKey: string };

const doc = (statement: object): string => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
const appUserArn = 'arn:aws:iam::111111111111:user/app-user';

async function failure(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error)) throw new Error('expected the call to fail, and it succeeded');
  return outcome;
}

function sts(credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }): STSClient {
  return new STSClient({ endpoint: sandbox.awsEndpoint, region: sandbox.region, credentials, maxAttempts: 1 });
}

function session(credentials: Credentials | undefined): { accessKeyId: string; secretAccessKey: string; sessionToken: string } {
  return { accessKeyId: credentials!.AccessKeyId!, secretAccessKey: credentials!.SecretAccessKey!, sessionToken: credentials!.SessionToken! };
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  const iam = new IAMClient({ ...asOperator(sandbox, 'keyless-admin'), maxAttempts: 1 });
  await iam.send(new CreateUserCommand({ UserName: 'app-user' }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: 'app-user',
      PolicyName: 'assume-connectors',
      PolicyDocument: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ['arn:aws:iam::111111111111:role/connector-*', 'arn:aws:iam::222222222222:role/cross-*'] }),
    }),
  );
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'app-user' }))).AccessKey!;
  appUser = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
  await iam.send(
    new CreateRoleCommand({
      RoleName: 'connector-external',
      AssumeRolePolicyDocument: doc({ Effect: 'Allow', Principal: { AWS: appUserArn }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'infa-ext-42' } } }),
    }),
  );
  await iam.send(new CreateRoleCommand({ RoleName: 'connector-root-trust', AssumeRolePolicyDocument: doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sts:AssumeRole' }) }));
  await iam.send(new CreateRoleCommand({ RoleName: 'instance-like', AssumeRolePolicyDocument: doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sts:AssumeRole' }) }));
  await iam.send(new PutRolePolicyCommand({ RoleName: 'instance-like', PolicyName: 'assume-connector', PolicyDocument: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::111111111111:role/connector-chained' }) }));
  await iam.send(new CreateRoleCommand({ RoleName: 'connector-chained', AssumeRolePolicyDocument: doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:role/instance-like' }, Action: 'sts:AssumeRole' }) }));

  const dataIam = new IAMClient({ ...asOperator(sandbox, 'keyless-data-admin'), maxAttempts: 1 });
  await dataIam.send(new CreateRoleCommand({ RoleName: 'cross-reader', AssumeRolePolicyDocument: doc({ Effect: 'Allow', Principal: { AWS: [appUserArn, 'arn:aws:iam::111111111111:user/keyless-restricted'] }, Action: 'sts:AssumeRole' }) }));
});

afterAll(async () => {
  await sandbox.stop();
});

describe('AssumeRole with an External Id', () => {
  const roleArn = 'arn:aws:iam::111111111111:role/connector-external';

  it('refuses a missing or wrong External Id with AccessDenied', async () => {
    expect((await failure(sts(appUser).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'no-ext' })))).name).toBe('AccessDenied');
    const wrong = await failure(sts(appUser).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'bad-ext', ExternalId: 'infa-ext-41' })));
    expect(wrong.message).toBe(`User: ${appUserArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
  });

  it('issues working credentials for the right External Id', async () => {
    const out = await sts(appUser).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'right-ext', ExternalId: 'infa-ext-42' }));
    const identity = await sts(session(out.Credentials)).send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toBe('arn:aws:sts::111111111111:assumed-role/connector-external/right-ext');
  });
});

describe('trust that names the account', () => {
  const roleArn = 'arn:aws:iam::111111111111:role/connector-root-trust';

  it('needs the caller’s own policy to allow sts:AssumeRole', async () => {
    const restricted = asOperator(sandbox, 'keyless-restricted').credentials;
    expect((await failure(sts(restricted).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'restricted' })))).name).toBe('AccessDenied');
    await expect(sts(appUser).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'app' }))).resolves.toBeDefined();
  });

  it('refuses a role that does not exist (moto alone would issue credentials for it)', async () => {
    const admin = asOperator(sandbox, 'keyless-admin').credentials;
    expect((await failure(sts(admin).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111111111111:role/connector-ghost', RoleSessionName: 'ghost' })))).name).toBe('AccessDenied');
  });
});

describe('role chaining (EC2 role → connector role)', () => {
  it('lets a session of the trusted role assume the connector role, at most for an hour', async () => {
    const admin = asOperator(sandbox, 'keyless-admin').credentials;
    const first = await sts(admin).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111111111111:role/instance-like', RoleSessionName: 'i-0123456789abcdef0' }));
    const asInstanceRole = sts(session(first.Credentials));
    const tooLong = await failure(asInstanceRole.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111111111111:role/connector-chained', RoleSessionName: 'chained', DurationSeconds: 7200 })));
    expect(tooLong.name).toBe('ValidationError');
    const chained = await asInstanceRole.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111111111111:role/connector-chained', RoleSessionName: 'chained' }));
    const identity = await sts(session(chained.Credentials)).send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toBe('arn:aws:sts::111111111111:assumed-role/connector-chained/chained');
  });

  it('refuses the connector role to a session of another role', async () => {
    const admin = asOperator(sandbox, 'keyless-admin').credentials;
    const other = await sts(admin).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111111111111:role/connector-root-trust', RoleSessionName: 'other' }));
    const denied = await failure(sts(session(other.Credentials)).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111111111111:role/connector-chained', RoleSessionName: 'nope' })));
    expect(denied.name).toBe('AccessDenied');
  });
});

describe('cross-account (setup C)', () => {
  const roleArn = 'arn:aws:iam::222222222222:role/cross-reader';

  it('lets a trusted caller whose own policy allows it into the bucket account', async () => {
    const out = await sts(appUser).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'cross' }));
    const identity = await sts(session(out.Credentials)).send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe('222222222222');
  });

  it('refuses a trusted caller whose own policies do not allow sts:AssumeRole', async () => {
    const restricted = asOperator(sandbox, 'keyless-restricted').credentials;
    expect((await failure(sts(restricted).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'cross-restricted' })))).name).toBe('AccessDenied');
  });
});

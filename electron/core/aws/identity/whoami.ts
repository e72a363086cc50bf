import type { AwsDeps } from '../aws-deps';
import { resolveCredentials } from '../credentials/resolve-credentials';
import type { ResolvedCredentials } from '../credentials/resolve-credentials';
import type { Identity, PrincipalType, SsoRoleTarget } from '../types';
import { explainAwsError, meansDeadCredentials } from './explain-aws-error';

function principalTypeOf(arn: string): PrincipalType {
  const resource = arn.split(':').slice(5).join(':');
  if (resource === 'root') return 'root';
  if (resource.startsWith('user/')) return 'user';
  if (resource.startsWith('assumed-role/')) return 'assumedRole';
  if (resource.startsWith('federated-user/')) return 'federatedUser';
  return 'other';
}

async function callerIdentity(resolved: ResolvedCredentials): Promise<Identity> {
  const { STSClient, GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
  const client = new STSClient({
    region: resolved.region,
    credentials: resolved.credentials,
    maxAttempts: 2,
    ...(resolved.stsEndpoint === undefined ? {} : { endpoint: resolved.stsEndpoint }),
  });
  try {
    const answer = await client.send(new GetCallerIdentityCommand({}));
    const arn = answer.Arn ?? '';
    const expiration = resolved.credentials.expiration;
    return {
      profile: resolved.profile,
      kind: resolved.kind,
      account: answer.Account ?? '',
      arn,
      userId: answer.UserId ?? '',
      partition: arn.split(':')[1] ?? 'aws',
      principalType: principalTypeOf(arn),
      region: resolved.region,
      fromCache: resolved.fromCache,
      ...(expiration === undefined ? {} : { credentialsExpireAt: expiration.toISOString() }),
      ...(answer.$metadata.requestId === undefined ? {} : { requestId: answer.$metadata.requestId }),
    };
  } finally {
    client.destroy();
  }
}

const labelOf = (target: string | SsoRoleTarget): string => (typeof target === 'string' ? target : `${target.accountId}/${target.roleName}`);

async function resolveExplained(target: string | SsoRoleTarget, deps: AwsDeps): Promise<ResolvedCredentials> {
  try {
    return await resolveCredentials(target, deps);
  } catch (error) {
    throw explainAwsError(error, { profile: labelOf(target), env: deps.env, ...(typeof target === 'string' ? {} : { kind: 'sso' as const }) });
  }
}

/**
 * Who a profile is at AWS: STS GetCallerIdentity (allowed for every principal) with the
 * profile's credentials. Credentials from the vault that AWS calls expired or unknown are
 * dropped and fetched afresh once before the failure is reported.
 */
export async function whoami(target: string | SsoRoleTarget, deps: AwsDeps): Promise<Identity> {
  let resolved = await resolveExplained(target, deps);
  for (let attempt = 1; ; attempt++) {
    try {
      return await callerIdentity(resolved);
    } catch (error) {
      if (meansDeadCredentials(error)) await resolved.forget();
      if (attempt === 1 && resolved.fromCache && meansDeadCredentials(error)) {
        resolved = await resolveExplained(target, deps);
        continue;
      }
      throw explainAwsError(error, {
        profile: resolved.profile,
        kind: resolved.kind,
        env: deps.env,
        accessKeyId: resolved.credentials.accessKeyId,
        ...(resolved.stsEndpoint === undefined ? {} : { endpoint: resolved.stsEndpoint }),
      });
    }
  }
}

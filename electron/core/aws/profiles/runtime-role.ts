import { containerCredentialsVariable } from '../aws-env';
import type { EnvRecord } from '../aws-env';

export type RuntimeRole =
  | { readonly where: 'container'; readonly variable: string }
  | { readonly where: 'ec2'; readonly roleName: string };

const IMDS_DEFAULT = 'http://169.254.169.254';

/**
 * Whether this process runs with an AWS-provided role. The container case is read from the
 * environment (free); the EC2 case needs a call to the instance metadata service (aws.md §6),
 * which on any other machine waits for a timeout, so it runs only when asked and with a short
 * one — never while listing profiles at start-up.
 */
export function containerRole(env: EnvRecord): RuntimeRole | undefined {
  const variable = containerCredentialsVariable(env);
  return variable === undefined ? undefined : { where: 'container', variable };
}

export async function probeInstanceRole(env: EnvRecord, timeoutMs = 1000): Promise<RuntimeRole | undefined> {
  if (env.AWS_EC2_METADATA_DISABLED?.toLowerCase() === 'true') return undefined;
  const base = (env.AWS_EC2_METADATA_SERVICE_ENDPOINT ?? (env.AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE === 'IPv6' ? 'http://[fd00:ec2::254]' : IMDS_DEFAULT)).replace(/\/$/, '');
  try {
    const tokenResponse = await fetch(`${base}/latest/api/token`, {
      method: 'PUT',
      headers: { 'x-aws-ec2-metadata-token-ttl-seconds': '60' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!tokenResponse.ok) return undefined;
    const token = await tokenResponse.text();
    const roles = await fetch(`${base}/latest/meta-data/iam/security-credentials/`, {
      headers: { 'x-aws-ec2-metadata-token': token },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!roles.ok) return undefined;
    const roleName = (await roles.text()).split('\n')[0]?.trim() ?? '';
    return roleName === '' ? undefined : { where: 'ec2', roleName };
  } catch {
    return undefined;
  }
}

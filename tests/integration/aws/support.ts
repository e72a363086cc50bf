import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import type { Sandbox } from '../../../electron/core/sandbox/start-sandbox';
import { KeylessFailure } from '../../../shared/errors';
import { asOperator } from '../../support/sandbox';

export const AGENT = '111111111111';
export const BUCKET = '222222222222';

/** Roles for the assume-role profiles: a deploy role any principal of the agent account may assume, and a data role in the bucket account that trusts it. */
export async function createChainRoles(sandbox: Sandbox): Promise<void> {
  const admin = new IAMClient({ ...asOperator(sandbox, 'keyless-admin'), maxAttempts: 1 });
  const dataAdmin = new IAMClient({ ...asOperator(sandbox, 'keyless-data-admin'), maxAttempts: 1 });
  const trust = (principal: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole' }] });
  await admin.send(new CreateRoleCommand({ RoleName: 'keyless-deploy', AssumeRolePolicyDocument: trust(`arn:aws:iam::${AGENT}:root`) }));
  await admin.send(
    new PutRolePolicyCommand({
      RoleName: 'keyless-deploy',
      PolicyName: 'assume-data-reader',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] }),
    }),
  );
  await dataAdmin.send(new CreateRoleCommand({ RoleName: 'keyless-data-reader', AssumeRolePolicyDocument: trust(`arn:aws:iam::${AGENT}:role/keyless-deploy`) }));
  admin.destroy();
  dataAdmin.destroy();
}

/** The profiles Keyless adds to the sandbox's own snippet: one per kind, and broken ones. */
export function extraProfiles(sandbox: Sandbox, processScript: string): { config: string; credentials: string } {
  const endpoint = `endpoint_url = ${sandbox.awsEndpoint}`;
  const admin = asOperator(sandbox, 'keyless-admin').credentials;
  const config = [
    '[profile deploy]',
    `role_arn = arn:aws:iam::${AGENT}:role/keyless-deploy`,
    'source_profile = sandbox-admin',
    'role_session_name = keyless-it',
    'region = us-east-1',
    endpoint,
    '',
    '[profile two-hops]',
    `role_arn = arn:aws:iam::${BUCKET}:role/keyless-data-reader`,
    'source_profile = deploy',
    endpoint,
    '',
    '[profile deploy-mfa]',
    `role_arn = arn:aws:iam::${AGENT}:role/keyless-deploy`,
    'source_profile = sandbox-admin',
    `mfa_serial = arn:aws:iam::${AGENT}:mfa/keyless-admin`,
    endpoint,
    '',
    '[profile via-sso]',
    `role_arn = arn:aws:iam::${AGENT}:role/keyless-deploy`,
    'source_profile = sandbox-sso',
    endpoint,
    '',
    '[profile process-restricted]',
    `credential_process = "${process.execPath}" "${processScript}"`,
    'region = eu-west-1',
    endpoint,
    '',
    '[profile wrong-secret]',
    endpoint,
    '[profile unknown-key]',
    endpoint,
    '[profile broken-chain]',
    `role_arn = arn:aws:iam::${AGENT}:role/keyless-deploy`,
    'source_profile = nowhere',
    endpoint,
    '[profile settings-only]',
    'region = eu-north-1',
    '',
  ].join('\n');
  const credentials = [
    '[wrong-secret]',
    `aws_access_key_id = ${admin.accessKeyId}`,
    'aws_secret_access_key = this-is-not-the-secret',
    '[unknown-key]',
    'aws_access_key_id = AKIAKEYLESSUNKNOWN00',
    'aws_secret_access_key = whatever-secret',
    '',
  ].join('\n');
  return { config, credentials };
}

/** The failure a promise rejects with, as a KeylessFailure. */
export async function keylessFailure(promise: Promise<unknown>): Promise<KeylessFailure> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof KeylessFailure)) throw new Error(`expected a KeylessFailure, got ${outcome instanceof Error ? `${outcome.name}: ${outcome.message}` : 'success'}`);
  return outcome;
}

/** Every file under `dir` whose bytes contain `needle` (for "no secret on disk in plain text"). */
export async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if ((await readFile(path)).includes(needle)) hits.push(path);
  }
  return hits;
}

import type { KeylessError } from '../../shared/errors';
import type { ApplyConnectionRequest, IicsLoginRequest } from '../../shared/ipc/iics-contract';
import type { ConnectionForm } from './connection-form';

/**
 * The `iics.login` and `iics.applyConnection` requests the step's forms add up to, built field by
 * field (the router refuses any field the contract does not name), or the first reason the form
 * cannot be sent yet. Empty optional fields are left out rather than sent empty.
 */

export type RequestOutcome<T> = { readonly ok: true; readonly request: T } | { readonly ok: false; readonly error: KeylessError };

const refuse = <T>(code: `INVALID_${string}`, message: string, nextStep: string): RequestOutcome<T> => ({ ok: false, error: { code, message, nextStep } });

export interface LoginForm {
  /** A POD name, or '' to use `loginUrl`. */
  readonly pod: string;
  readonly loginUrl: string;
  readonly username: string;
  readonly version: 'v2' | 'v3';
}

export function loginRequest(form: LoginForm, password: string): RequestOutcome<IicsLoginRequest> {
  const username = form.username.trim();
  const loginUrl = form.loginUrl.trim();
  if (form.pod === '' && loginUrl === '') return refuse('INVALID_IICS_LOGIN_URL', 'No login host was given.', 'Pick your POD, or enter your POD\'s login URL, e.g. https://dm-us.informaticacloud.com.');
  if (username === '') return refuse('INVALID_IICS_LOGIN', 'No IICS user name was given.', 'Enter the user you log in to Informatica Cloud as.');
  if (password === '') return refuse('INVALID_IICS_LOGIN', 'No IICS password was given.', 'Enter the password of that IICS user.');
  return {
    ok: true,
    request: {
      ...(form.pod === '' ? { loginUrl } : { pod: form.pod }),
      username,
      password,
      version: form.version,
    },
  };
}

export function applyConnectionRequest(form: ConnectionForm): RequestOutcome<ApplyConnectionRequest> {
  const name = form.name.trim();
  const bucket = form.bucket.trim();
  const folder = form.folder.trim();
  const regionName = form.regionName.trim();
  const iamRoleArn = form.iamRoleArn.trim();
  const externalId = form.externalId.trim();
  if (name === '') return refuse('INVALID_IICS_CONNECTION_NAME', 'The connection has no name.', 'Enter the name of the connection to create or update.');
  if (form.runtimeEnvironmentId === '') return refuse('INVALID_IICS_RUNTIME_ENVIRONMENT', 'No runtime environment was chosen.', 'Pick the Secure Agent group whose agent runs on the EC2 instance.');
  if (bucket === '') return refuse('INVALID_BUCKET_NAME', 'The connection has no bucket.', 'Enter the bucket, or fill it in on the Bucket & policy step.');
  if (regionName === '') return refuse('INVALID_IICS_REGION_NAME', 'The connection has no Region Name.', "Enter the bucket's region, e.g. us-east-1.");
  if (form.useEc2RoleToAssumeRole && iamRoleArn === '') {
    return refuse('INVALID_CONNECTION_SETTINGS', '"Use EC2 Role to Assume Role" needs the role to assume in "IAM Role ARN".', 'Enter the connector role\'s ARN (Review & apply shows it), or clear "Use EC2 Role to Assume Role" for setup A.');
  }
  const assumes = form.useEc2RoleToAssumeRole;
  return {
    ok: true,
    request: {
      name,
      runtimeEnvironmentId: form.runtimeEnvironmentId,
      bucket,
      ...(folder === '' ? {} : { folder }),
      regionName,
      // Setup A sends no role and no External Id, even if the fields still hold text from before.
      ...(assumes ? { iamRoleArn } : {}),
      useEc2RoleToAssumeRole: assumes,
      ...(assumes && externalId !== '' ? { externalId } : {}),
    },
  };
}

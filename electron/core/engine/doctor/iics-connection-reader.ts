import { KeylessFailure } from '../../../../shared/errors';
import { runtimeEnvironmentFrom } from '../../iics/runtime-environments';
import { attributesFrom, mapParamKeys } from '../../iics/s3v2-connector';
import type { ConnectionAuth, DoctorConnection, DoctorRuntimeEnvironment } from './connection-links';

/**
 * Reads what the doctor needs about one S3 v2 connection from IICS (iics-api.md §1, §3, §4):
 * v2 login on the login host, then the connection by name, the connector's metadata (to find the
 * connParams keys by their documented UI labels, DESIGN §6) and the runtime environment with its
 * agents. Read-only, one session; the password is sent once and kept nowhere. What IICS's
 * answers mean (labels → connParams keys, recognising a serverless environment) comes from the
 * IICS client module, the one place those assumptions are written down.
 */

export interface IicsLogin {
  /** The POD's login host, e.g. https://dm-us.informaticacloud.com. */
  readonly loginUrl: string;
  readonly username: string;
  readonly password: string;
}

type Json = Record<string, unknown>;

type Labelled = 'accessKey' | 'iamRoleArn' | 'externalId' | 'useEc2RoleToAssumeRole' | 'folderPath';

function iicsFailure(what: string, status: number, body: string): KeylessFailure {
  let detail = body.slice(0, 200);
  try {
    const parsed = JSON.parse(body) as { description?: unknown; error?: { message?: unknown } };
    const message = parsed.description ?? parsed.error?.message;
    if (typeof message === 'string') detail = message;
  } catch {
    // Not JSON: keep the start of the text.
  }
  if (status === 401 || status === 403) {
    return new KeylessFailure({ code: 'IICS_LOGIN_FAILED', message: `IICS refused ${what} (HTTP ${String(status)}): ${detail}`, nextStep: 'Check the IICS user name, password and login host (--iics-login-url).' });
  }
  if (status === 404) {
    return new KeylessFailure({ code: 'INVALID_IICS_CONNECTION', message: `IICS has no ${what}: ${detail}`, nextStep: 'Check the connection name (it is case-sensitive) in Administrator → Connections.' });
  }
  return new KeylessFailure({ code: 'IICS_REQUEST_FAILED', message: `IICS failed ${what} (HTTP ${String(status)}): ${detail}`, nextStep: 'Try again; if it persists, check the IICS status page.' });
}

async function call(url: string, what: string, init: RequestInit): Promise<Json> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    throw new KeylessFailure({ code: 'IICS_UNREACHABLE', message: `Could not reach IICS at ${new URL(url).origin} while ${what}: ${error instanceof Error ? error.message : String(error)}`, nextStep: 'Check the login host URL and the network.' });
  }
  const text = await response.text();
  if (!response.ok) throw iicsFailure(what, response.status, text);
  return JSON.parse(text) as Json;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

function authOf(params: Readonly<Record<Labelled, string>>): ConnectionAuth {
  if (params.accessKey !== '') return { kind: 'accessKeys' };
  const roleArn = params.iamRoleArn;
  const externalId = params.externalId;
  const useEc2 = params.useEc2RoleToAssumeRole.toLowerCase() === 'true';
  if (useEc2 && roleArn === '') return { kind: 'inconsistent', reason: '"Use EC2 Role to Assume Role" is selected, but "IAM Role ARN" is empty.', fix: 'Enter the connector role\'s ARN in "IAM Role ARN", or clear "Use EC2 Role to Assume Role" for setup A.' };
  if (!useEc2 && roleArn !== '') return { kind: 'inconsistent', reason: `"IAM Role ARN" is ${roleArn}, but without access keys it is used only with "Use EC2 Role to Assume Role", which is not selected.`, fix: 'Select "Use EC2 Role to Assume Role" in the connection.' };
  if (useEc2) return { kind: 'assumeRole', roleArn, ...(externalId === '' ? {} : { externalId }) };
  return { kind: 'instanceRole' };
}

export async function readIicsConnection(login: IicsLogin, connectionName: string): Promise<DoctorConnection> {
  const user = await call(`${login.loginUrl.replace(/\/+$/, '')}/ma/api/v2/user/login`, 'the login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ '@type': 'login', username: login.username, password: login.password }),
  });
  const serverUrl = text(user.serverUrl).replace(/\/+$/, '');
  const headers = { icSessionId: text(user.icSessionId), accept: 'application/json' };
  const get = (path: string, what: string): Promise<Json> => call(`${serverUrl}${path}`, what, { headers });

  const connection = await get(`/api/v2/connection/name/${encodeURIComponent(connectionName)}`, `connection "${connectionName}"`);
  const connector = text(connection.instanceName);
  const metadata = await get(`/api/v2/connector/metadata?connectorName=${encodeURIComponent(connector)}`, `metadata of connector "${connector}"`);
  const { paramKeys } = mapParamKeys(attributesFrom(metadata));
  const rawParams = (connection.connParams ?? {}) as Json;
  const param = (property: Labelled): string => text(rawParams[paramKeys[property]]);
  const params: Record<Labelled, string> = {
    accessKey: param('accessKey'),
    iamRoleArn: param('iamRoleArn'),
    externalId: param('externalId'),
    useEc2RoleToAssumeRole: param('useEc2RoleToAssumeRole'),
    folderPath: param('folderPath'),
  };

  const environmentId = text(connection.runtimeEnvironmentId);
  const environment = await get(`/api/v2/runtimeEnvironment/${encodeURIComponent(environmentId)}`, `runtime environment ${environmentId}`);
  const parsed = runtimeEnvironmentFrom(environment);
  const runtimeEnvironment: DoctorRuntimeEnvironment = {
    name: parsed.name,
    serverless: parsed.kind === 'serverless',
    agents: parsed.agents.map((agent) => ({ name: agent.name, active: agent.active, agentHost: agent.agentHost })),
  };
  const { folderPath } = params;
  return { name: connectionName, runtimeEnvironment, auth: authOf(params), ...(folderPath === '' ? {} : { folderPath }) };
}

import { KeylessFailure } from '../../../shared/errors';
import type { S3v2Property } from './iics-assumptions';
import { S3V2_LABELS } from './iics-assumptions';
import type { IicsClient } from './iics-client';
import { expectArray, expectObject, isSuccess, unexpectedAnswer } from './iics-http';
import type { RuntimeEnvironment } from './runtime-environments';
import { findRuntimeEnvironment, listRuntimeEnvironments, requireIamCapable } from './runtime-environments';
import type { ConnectionChange } from './s3v2-connection-diff';
import { diffConnection } from './s3v2-connection-diff';
import type { S3v2ConnectionInput } from './s3v2-connection-request';
import { checkConnectionInput, createBody, partialUpdateBody, propertyValues, resolveRegionName } from './s3v2-connection-request';
import type { S3v2Connector } from './s3v2-connector';
import { discoverS3v2Connector } from './s3v2-connector';

/**
 * Creates the S3 v2 connection for IAM authentication, or brings an existing one of that name
 * to the wanted settings with a PARTIAL update (iics-api.md §4.2) that carries only what changes
 * — so masked secrets are never sent back — or leaves it alone when nothing differs.
 */

export type ConnectionAction = 'created' | 'updated' | 'unchanged';

export interface AppliedConnection {
  readonly action: ConnectionAction;
  readonly id: string;
  readonly name: string;
  readonly runtimeEnvironment: Pick<RuntimeEnvironment, 'id' | 'name' | 'status'>;
  readonly changes: readonly ConnectionChange[];
  /** The connection's IAM-related properties as they now stand, by UI label (no secrets: both keys are empty). */
  readonly properties: ReadonlyArray<{ readonly label: string; readonly value: string }>;
  /** Properties whose connParams key is the built-in assumption (iics-assumptions.ts). */
  readonly assumedKeys: readonly S3v2Property[];
  readonly warnings: readonly string[];
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

export interface ConnectionSummary {
  readonly id: string;
  readonly name: string;
}

export async function findConnectionByName(client: IicsClient, name: string): Promise<ConnectionSummary | undefined> {
  const what = 'listing connections';
  const answer = await client.get('/api/v2/connection', { what });
  if (!isSuccess(answer)) throw unexpectedAnswer(what, answer);
  const found = expectArray(what, answer.body).find((c) => text(c.name) === name);
  return found === undefined ? undefined : { id: text(found.id), name };
}

async function readConnection(client: IicsClient, id: string): Promise<Record<string, unknown>> {
  const what = `reading connection ${id}`;
  const answer = await client.get(`/api/v2/connection/${encodeURIComponent(id)}`, { what });
  if (!isSuccess(answer)) throw unexpectedAnswer(what, answer);
  return expectObject(what, answer.body);
}

function requireSameConnector(existing: Record<string, unknown>, connector: S3v2Connector, name: string): void {
  const instanceName = text(existing.instanceName);
  const type = text(existing.type);
  const same = instanceName !== '' ? instanceName.toLowerCase() === connector.name.toLowerCase() : type === connector.type;
  if (same) return;
  throw new KeylessFailure({
    code: 'INVALID_IICS_CONNECTION_NAME',
    message: `A connection named "${name}" exists but is a ${instanceName || type || 'different'} connection, not ${connector.name}.`,
    nextStep: 'Choose another --name, or rename or delete that connection in Administrator → Connections.',
  });
}

function environmentWarnings(environment: RuntimeEnvironment): string[] {
  if (environment.status === 'noAgents') return [`Runtime environment "${environment.name}" has no Secure Agent: the connection test will fail until one is installed on the EC2 instance.`];
  if (environment.status === 'inactive') return [`No Secure Agent of runtime environment "${environment.name}" is active: the connection test will fail until the agent runs.`];
  return [];
}

export async function applyS3v2Connection(client: IicsClient, input: S3v2ConnectionInput): Promise<AppliedConnection> {
  const values = checkConnectionInput(input);
  const environment = findRuntimeEnvironment(await listRuntimeEnvironments(client), input.runtimeEnvironment);
  requireIamCapable(environment);
  const connector = await discoverS3v2Connector(client);
  const desired = propertyValues(values, resolveRegionName(values.regionName, connector.regionNames));
  const common = {
    name: values.name,
    runtimeEnvironment: { id: environment.id, name: environment.name, status: environment.status },
    assumedKeys: connector.assumedKeys,
    properties: (Object.keys(desired) as S3v2Property[]).filter((p) => p !== 'accessKey' && p !== 'secretKey').map((p) => ({ label: S3V2_LABELS[p], value: desired[p] })),
    warnings: environmentWarnings(environment),
  };

  const existing = await findConnectionByName(client, values.name);
  if (existing === undefined) {
    const what = `creating connection "${values.name}"`;
    const answer = await client.post('/api/v2/connection', { what, body: createBody(connector, values, environment.id, desired) });
    if (!isSuccess(answer)) throw unexpectedAnswer(what, answer);
    const id = text(expectObject(what, answer.body).id);
    return { ...common, action: 'created', id, changes: [] };
  }

  const current = await readConnection(client, existing.id);
  requireSameConnector(current, connector, values.name);
  const currentParams = (typeof current.connParams === 'object' && current.connParams !== null ? current.connParams : {}) as Record<string, unknown>;
  const { changed, changes } = diffConnection(connector, currentParams, desired);
  const currentEnvironmentId = text(current.runtimeEnvironmentId) || text(currentParams.agentGroupId);
  const moveTo = currentEnvironmentId === environment.id ? undefined : environment.id;
  const allChanges: ConnectionChange[] = moveTo === undefined ? [...changes] : [{ property: 'runtimeEnvironment', label: 'Runtime Environment', from: currentEnvironmentId || '(none)', to: `${environment.name} (${environment.id})` }, ...changes];
  if (allChanges.length === 0) return { ...common, action: 'unchanged', id: existing.id, changes: [] };

  const what = `updating connection "${values.name}"`;
  const answer = await client.post(`/api/v2/connection/${encodeURIComponent(existing.id)}`, {
    what,
    headers: { 'Update-Mode': 'PARTIAL' },
    body: partialUpdateBody(connector, changed, moveTo),
  });
  if (!isSuccess(answer)) throw unexpectedAnswer(what, answer);
  return { ...common, action: 'updated', id: existing.id, changes: allChanges };
}

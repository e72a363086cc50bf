import { IicsError } from './iics-errors';
import { S3V2_ATTRIBUTES, S3V2_CONNECTION_TYPE, S3V2_CONNECTOR_NAME } from './s3v2-connector-fixture';
import type { IicsWorld } from './world';

/**
 * Turns a connection request body into a complete connection draft, or answers 400 naming the
 * field at fault. Create and full update send whole objects; a PARTIAL update is merged onto the
 * stored connection first and the result is checked the same way.
 */

export interface ConnectionDraft {
  readonly name: string;
  readonly description: string;
  readonly type: string;
  readonly instanceName: string;
  readonly runtimeEnvironmentId: string;
  readonly connParams: Readonly<Record<string, string>>;
}

/** A draft as a request states it: the runtime environment may still be missing. */
export type UncheckedDraft = Omit<ConnectionDraft, 'runtimeEnvironmentId'> & { readonly runtimeEnvironmentId?: string };

/** Keys IICS itself puts into connParams; clients may send them back. */
const SYSTEM_PARAMS = new Set(['agentGroupId', 'agentId', 'orgId']);
/** Top-level fields a client may echo from a GET; the server owns them. */
const SYSTEM_FIELDS = new Set([
  '@type',
  'id',
  'orgId',
  'createTime',
  'updateTime',
  'createdBy',
  'updatedBy',
  'majorUpdateTime',
  'federatedId',
  'agentId',
  'instanceDisplayName',
  'connectorStatus',
  'baseType',
  'timeout',
  'retryNetworkError',
  'metadataBrowsable',
  'internal',
]);
const CLIENT_FIELDS = new Set(['name', 'description', 'type', 'instanceName', 'runtimeEnvironmentId', 'connParams']);

const invalid = (message: string): IicsError => new IicsError(400, 'CONNECTION_INVALID', message);

function text(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(`The connection field "${field}" must be a string.`);
  return value;
}

function paramValue(key: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  throw invalid(`The connection parameter "${key}" must be a string.`);
}

export function readConnParams(body: Record<string, unknown>): Record<string, string> | undefined {
  const raw = body.connParams;
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw invalid('"connParams" must be an object of parameter names to values.');
  return Object.fromEntries(Object.entries(raw as Record<string, unknown>).map(([key, value]) => [key, paramValue(key, value)]));
}

export function rejectUnknownFields(body: Record<string, unknown>): void {
  for (const field of Object.keys(body)) {
    if (!CLIENT_FIELDS.has(field) && !SYSTEM_FIELDS.has(field)) {
      throw invalid(`The connection field "${field}" is not known.`);
    }
  }
}

/** Fields of a whole-object body (create, full update); absent optional parameters take their defaults. */
export function draftFromBody(body: Record<string, unknown>): UncheckedDraft {
  rejectUnknownFields(body);
  const connParams = readConnParams(body) ?? {};
  const runtimeEnvironmentId = text(body, 'runtimeEnvironmentId') ?? connParams.agentGroupId;
  return {
    name: text(body, 'name') ?? '',
    description: text(body, 'description') ?? '',
    type: text(body, 'type') ?? '',
    instanceName: text(body, 'instanceName') ?? '',
    ...(runtimeEnvironmentId === undefined ? {} : { runtimeEnvironmentId }),
    connParams,
  };
}

export function checkDraft(world: IicsWorld, draft: UncheckedDraft): ConnectionDraft {
  if (draft.name.trim() === '') throw invalid('The connection needs a "name".');
  if (draft.name.length > 255) throw invalid('The connection name is longer than 255 characters.');
  if (draft.type !== S3V2_CONNECTION_TYPE) {
    throw invalid(
      `The connection type "${draft.type}" is not available in this org; use "${S3V2_CONNECTION_TYPE}" with instanceName "${S3V2_CONNECTOR_NAME}".`,
    );
  }
  if (!world.connectors.some((name) => name === draft.instanceName)) {
    throw invalid(`The connector "${draft.instanceName}" is not available in this org; GET /api/v2/connector lists the ones that are.`);
  }
  const environmentId = draft.runtimeEnvironmentId;
  if (environmentId === undefined || environmentId === '') throw invalid('The connection needs a "runtimeEnvironmentId".');
  if (!world.runtimeEnvironments.some((e) => e.id === environmentId)) {
    throw invalid(`The runtime environment ${environmentId} does not exist; GET /api/v2/runtimeEnvironment lists them.`);
  }
  return { ...draft, runtimeEnvironmentId: environmentId, connParams: checkS3v2Params(draft.connParams) };
}

function checkS3v2Params(given: Readonly<Record<string, string>>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(given)) {
    if (SYSTEM_PARAMS.has(key)) continue;
    const attribute = S3V2_ATTRIBUTES.find((a) => a.name === key);
    if (attribute === undefined) {
      const byLabel = S3V2_ATTRIBUTES.find((a) => a.label === key);
      throw invalid(
        byLabel === undefined
          ? `"${key}" is not a parameter of the ${S3V2_CONNECTOR_NAME} connector; connector/metadata lists the parameter names.`
          : `"${key}" is the label of a ${S3V2_CONNECTOR_NAME} parameter, not its name; use "${byLabel.name}" (see connector/metadata).`,
      );
    }
    if (attribute.kind === 'boolean' && value !== 'true' && value !== 'false') {
      throw invalid(`"${attribute.label}" (${attribute.name}) must be "true" or "false", not "${value}".`);
    }
    if (attribute.kind === 'picklist' && attribute.list !== undefined && !attribute.list.includes(value)) {
      throw invalid(`"${value}" is not a value of "${attribute.label}" (${attribute.name}); connector/metadata lists the allowed values.`);
    }
    params[key] = value;
  }
  for (const attribute of S3V2_ATTRIBUTES) {
    const value = params[attribute.name] ?? attribute.defaultValue;
    if (attribute.isMandatory && value.trim() === '') {
      throw invalid(`"${attribute.label}" (${attribute.name}) is required for an ${S3V2_CONNECTOR_NAME} connection.`);
    }
    params[attribute.name] = value;
  }
  return params;
}

import { KeylessFailure } from '../../../shared/errors';
import type { S3v2Property } from './iics-assumptions';
import { FALLBACK_CONNECTION_TYPE, FALLBACK_PARAM_KEYS, S3V2_CONNECTOR_NAME, S3V2_LABELS } from './iics-assumptions';
import type { IicsClient } from './iics-client';
import { expectArray, isSuccess, unexpectedAnswer } from './iics-http';

/**
 * The Amazon S3 v2 connector as this org has it: its name and connection type from
 * `GET /api/v2/connector`, and the connParams key of each property the client sets, found by
 * its documented UI label in `GET /api/v2/connector/metadata` (DESIGN §6). A label the metadata
 * lacks — or every label, when the metadata cannot be read — falls back to the assumed key
 * (iics-assumptions.ts), and `assumedKeys` says which.
 */

export interface ConnectorAttribute {
  readonly name: string;
  readonly label: string;
  readonly list: readonly string[];
}

export interface S3v2Connector {
  /** The connector's name, sent as the connection's `instanceName`. */
  readonly name: string;
  /** The connection `type`. */
  readonly type: string;
  readonly paramKeys: Readonly<Record<S3v2Property, string>>;
  /** Properties whose key is the built-in assumption, not the metadata's. */
  readonly assumedKeys: readonly S3v2Property[];
  /** The "Region Name" picklist, when the metadata has one. */
  readonly regionNames: readonly string[];
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** Labels compare without case or spacing differences ("External ID" = "External Id"). */
function labelKey(label: string): string {
  return label.toLowerCase().replace(/\s+/g, '');
}

export function attributesFrom(metadata: unknown): ConnectorAttribute[] {
  const raw = typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>).attributes : undefined;
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null)
    .map((item) => ({
      name: text(item.name),
      label: text(item.label),
      list: Array.isArray(item.list) ? (item.list as unknown[]).filter((v): v is string => typeof v === 'string') : [],
    }))
    .filter((attribute) => attribute.name !== '');
}

/** Maps each property the client sets to its connParams key, by UI label, else the fallback. */
export function mapParamKeys(attributes: readonly ConnectorAttribute[]): Pick<S3v2Connector, 'paramKeys' | 'assumedKeys' | 'regionNames'> {
  const byLabel = new Map(attributes.map((a) => [labelKey(a.label), a]));
  const paramKeys = {} as Record<S3v2Property, string>;
  const assumedKeys: S3v2Property[] = [];
  for (const property of Object.keys(S3V2_LABELS) as S3v2Property[]) {
    const attribute = byLabel.get(labelKey(S3V2_LABELS[property]));
    if (attribute === undefined) assumedKeys.push(property);
    paramKeys[property] = attribute?.name ?? FALLBACK_PARAM_KEYS[property];
  }
  return { paramKeys, assumedKeys, regionNames: byLabel.get(labelKey(S3V2_LABELS.regionName))?.list ?? [] };
}

function isS3v2(entry: Record<string, unknown>): boolean {
  const wanted = labelKey(S3V2_CONNECTOR_NAME);
  return labelKey(text(entry.name)) === wanted || labelKey(text(entry.shortName)) === 'amazons3v2';
}

export async function discoverS3v2Connector(client: IicsClient): Promise<S3v2Connector> {
  const listing = 'listing the connectors of the org';
  const connectors = await client.get('/api/v2/connector', { what: listing });
  if (!isSuccess(connectors)) throw unexpectedAnswer(listing, connectors);
  const entry = expectArray(listing, connectors.body).find(isS3v2);
  if (entry === undefined) {
    throw new KeylessFailure({
      code: 'IICS_CONNECTOR_MISSING',
      message: `The IICS org has no "${S3V2_CONNECTOR_NAME}" connector.`,
      nextStep: 'Ask your IICS administrator to add the Amazon S3 v2 connector to the org (Administrator → Add-On Connectors) and enable it on the runtime environment.',
    });
  }
  const name = text(entry.name);
  const reading = `reading the metadata of connector "${name}"`;
  const metadata = await client.get(`/api/v2/connector/metadata?connectorName=${encodeURIComponent(name)}`, { what: reading });
  if (!isSuccess(metadata)) return { name, type: text(entry.type) || FALLBACK_CONNECTION_TYPE, ...mapParamKeys([]) };
  const type = text((metadata.body as Record<string, unknown> | undefined)?.type) || text(entry.type) || FALLBACK_CONNECTION_TYPE;
  return { name, type, ...mapParamKeys(attributesFrom(metadata.body)) };
}

import type { S3v2Property } from './iics-assumptions';
import { S3V2_LABELS } from './iics-assumptions';
import type { S3v2Params } from './s3v2-connection-request';
import type { S3v2Connector } from './s3v2-connector';

/**
 * What an update must change in an existing connection, compared with the connection as a GET
 * returns it — where secrets read as `********` (iics-api.md §4.3). A masked secret is never
 * echoed: a keyless connection wants both keys empty, so a set key becomes a change to "".
 */

export interface ConnectionChange {
  readonly property: S3v2Property | 'runtimeEnvironment';
  readonly label: string;
  /** As IICS showed it; secrets are shown as "(set)", never as their masked value. */
  readonly from: string;
  readonly to: string;
}

const SECRET_PROPERTIES: ReadonlySet<S3v2Property> = new Set(['accessKey', 'secretKey']);

function normalise(property: S3v2Property, value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? value.trim() : typeof value === 'boolean' || typeof value === 'number' ? String(value) : '';
  return property === 'useEc2RoleToAssumeRole' ? (text.toLowerCase() === 'true' ? 'true' : 'false') : text;
}

function shown(property: S3v2Property, value: string): string {
  if (SECRET_PROPERTIES.has(property)) return value === '' ? '(empty)' : '(set)';
  return value === '' ? '(empty)' : value;
}

export interface ConnectionDiff {
  readonly changed: Partial<S3v2Params>;
  readonly changes: readonly ConnectionChange[];
}

export function diffConnection(connector: S3v2Connector, existingParams: Readonly<Record<string, unknown>>, desired: S3v2Params): ConnectionDiff {
  const changed: Partial<Record<S3v2Property, string>> = {};
  const changes: ConnectionChange[] = [];
  for (const property of Object.keys(desired) as S3v2Property[]) {
    const current = normalise(property, existingParams[connector.paramKeys[property]]);
    const wanted = desired[property];
    // A masked secret cannot be compared, only whether it is set: IICS shows "********" for any value.
    const differs = SECRET_PROPERTIES.has(property) ? (current === '') !== (wanted === '') : current !== wanted;
    if (!differs) continue;
    changed[property] = wanted;
    changes.push({ property, label: S3V2_LABELS[property], from: shown(property, current), to: shown(property, wanted) });
  }
  return { changed, changes };
}

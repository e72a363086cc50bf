import { KeylessFailure } from '../../../shared/errors';
import type { IicsClient } from './iics-client';
import { errorDetail, isSuccess } from './iics-http';
import { findConnectionByName } from './apply-s3v2-connection';

/**
 * `GET /api/v2/connection/test/<id>`: IICS asks the connection's Secure Agent to connect. The
 * answer is turned into ok or failed with IICS's own message (shapes: iics-assumptions.ts).
 */

export type ConnectionTestResult =
  | { readonly result: 'ok'; readonly connectionId: string; readonly connectionName: string; readonly message: string }
  | {
      readonly result: 'failed';
      readonly connectionId: string;
      readonly connectionName: string;
      readonly message: string;
      readonly status: number;
      readonly code?: string;
      readonly requestId?: string;
    };

export async function testConnectionById(client: IicsClient, connection: { id: string; name: string }): Promise<ConnectionTestResult> {
  const answer = await client.get(`/api/v2/connection/test/${encodeURIComponent(connection.id)}`, { what: `testing connection "${connection.name}"`, retryable: false });
  const base = { connectionId: connection.id, connectionName: connection.name };
  if (isSuccess(answer)) {
    const body = answer.body as Record<string, unknown> | undefined;
    const description = typeof body?.description === 'string' && body.description.trim() !== '' ? body.description.trim() : `The test of connection "${connection.name}" was successful.`;
    return { ...base, result: 'ok', message: description };
  }
  const detail = errorDetail(answer);
  return {
    ...base,
    result: 'failed',
    message: detail.message,
    status: answer.status,
    ...(detail.code === '' ? {} : { code: detail.code }),
    ...(detail.requestId === undefined ? {} : { requestId: detail.requestId }),
  };
}

export async function testConnectionByName(client: IicsClient, name: string): Promise<ConnectionTestResult> {
  const found = await findConnectionByName(client, name.trim());
  if (found === undefined) {
    throw new KeylessFailure({
      code: 'INVALID_IICS_CONNECTION',
      message: `IICS has no connection named "${name}".`,
      nextStep: 'Check the name (it is case-sensitive), or create the connection with keyless iics connection apply.',
    });
  }
  return testConnectionById(client, found);
}

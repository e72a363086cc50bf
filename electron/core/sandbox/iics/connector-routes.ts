import type { EmulatorContext } from './emulator-context';
import { badRequest, notFound } from './iics-errors';
import type { Route } from './router';
import { S3V2_CONNECTOR, S3V2_CONNECTOR_NAME, s3v2ConnectorMetadata } from './s3v2-connector-fixture';

/** connector and connector/metadata (iics-api.md §4.4): the only connector the world has is Amazon S3 v2. */
export function connectorRoutes(context: EmulatorContext): Route[] {
  const available = (): boolean => context.world.connectors.includes(S3V2_CONNECTOR_NAME);
  return [
    {
      method: 'GET',
      pattern: /^\/saas\/api\/v2\/connector\/?$/,
      authenticated: true,
      handle: () => ({ status: 200, body: available() ? [S3V2_CONNECTOR] : [] }),
    },
    {
      method: 'GET',
      pattern: /^\/saas\/api\/v2\/connector\/metadata\/?$/,
      authenticated: true,
      handle: ({ query }) => {
        const name = query.get('connectorName');
        if (name === null || name === '') throw badRequest('connector/metadata needs the query parameter connectorName.');
        if (!available() || name !== S3V2_CONNECTOR_NAME) throw notFound(`Connector ${name}`);
        return { status: 200, body: s3v2ConnectorMetadata() };
      },
    },
  ];
}

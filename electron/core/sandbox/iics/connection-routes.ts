import type { EmulatorContext } from './emulator-context';
import { checkDraft, draftFromBody, readConnParams, rejectUnknownFields } from './connection-validation';
import type { ConnectionDraft, UncheckedDraft } from './connection-validation';
import type { StoredConnection } from './connection-store';
import { IicsError, invalidSession } from './iics-errors';
import { header } from './http-io';
import type { RoutedRequest, Route } from './router';

/**
 * Connection CRUD and test (iics-api.md §4): update is a POST to the connection's id, whole
 * object by default, merged when the request carries `Update-Mode: PARTIAL`.
 */

function userOf(request: RoutedRequest): string {
  if (request.session === undefined) throw invalidSession();
  return request.session.user.username;
}

function mergePartial(existing: StoredConnection, body: Record<string, unknown>): UncheckedDraft {
  if (body['@type'] !== 'connection') {
    throw new IicsError(400, 'CONNECTION_INVALID', 'A PARTIAL update must include "@type": "connection" in the body.');
  }
  rejectUnknownFields(body);
  const connParams = readConnParams(body) ?? {};
  const pick = (field: keyof ConnectionDraft): string | undefined => {
    const value = body[field];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw new IicsError(400, 'CONNECTION_INVALID', `The connection field "${field}" must be a string.`);
    return value;
  };
  return {
    name: pick('name') ?? existing.name,
    description: pick('description') ?? existing.description,
    type: pick('type') ?? existing.type,
    instanceName: pick('instanceName') ?? existing.instanceName,
    runtimeEnvironmentId: pick('runtimeEnvironmentId') ?? connParams.agentGroupId ?? existing.runtimeEnvironmentId,
    connParams: { ...existing.connParams, ...connParams },
  };
}

export function connectionRoutes(context: EmulatorContext): Route[] {
  const { connections, world } = context;
  return [
    {
      method: 'GET',
      pattern: /^\/saas\/api\/v2\/connection\/?$/,
      authenticated: true,
      handle: () => ({ status: 200, body: connections.list().map((c) => connections.view(c)) }),
    },
    {
      method: 'POST',
      pattern: /^\/saas\/api\/v2\/connection\/?$/,
      authenticated: true,
      async handle(request) {
        const by = userOf(request);
        const draft = checkDraft(world, draftFromBody(await request.body()));
        return { status: 200, body: connections.view(connections.create(draft, by)) };
      },
    },
    {
      method: 'GET',
      pattern: /^\/saas\/api\/v2\/connection\/name\/(.+)$/,
      authenticated: true,
      handle: ({ params: [name = ''] }) => ({ status: 200, body: connections.view(connections.getByName(name)) }),
    },
    {
      method: 'GET',
      pattern: /^\/saas\/api\/v2\/connection\/test\/([^/]+)$/,
      authenticated: true,
      async handle({ params: [id = ''] }) {
        const connection = connections.get(id);
        const outcome = await context.tester.test(connection);
        if (outcome.ok) return { status: 200, body: { '@type': 'success', description: outcome.description } };
        throw new IicsError(outcome.status, outcome.code, outcome.message);
      },
    },
    {
      method: 'GET',
      pattern: /^\/saas\/api\/v2\/connection\/([^/]+)$/,
      authenticated: true,
      handle: ({ params: [id = ''] }) => ({ status: 200, body: connections.view(connections.get(id)) }),
    },
    {
      method: 'POST',
      pattern: /^\/saas\/api\/v2\/connection\/([^/]+)$/,
      authenticated: true,
      async handle(request) {
        const by = userOf(request);
        const id = request.params[0] ?? '';
        const existing = connections.get(id);
        const body = await request.body();
        if (typeof body.id === 'string' && body.id !== id) {
          throw new IicsError(400, 'CONNECTION_INVALID', `The body's id ${body.id} does not match the connection ${id} in the path.`);
        }
        const partial = header(request.raw, 'Update-Mode')?.toUpperCase() === 'PARTIAL';
        const draft = checkDraft(world, partial ? mergePartial(existing, body) : draftFromBody(body));
        return { status: 200, body: connections.view(connections.replace(id, draft, by)) };
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/saas\/api\/v2\/connection\/([^/]+)$/,
      authenticated: true,
      handle: ({ params: [id = ''] }) => {
        connections.delete(id);
        return { status: 200 };
      },
    },
  ];
}

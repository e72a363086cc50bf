import type { EmulatorContext } from './emulator-context';
import { IicsError, badRequest, invalidSession } from './iics-errors';
import type { Route } from './router';
import type { IicsUser } from './world';

/** Login, session check and logout (iics-api.md §1). */

const LOGIN_FAILED_MESSAGE = 'User name or password is not valid.';

function credentialsFrom(body: Record<string, unknown>): { username: string; password: string } {
  const { username, password } = body;
  if (typeof username !== 'string' || username === '' || typeof password !== 'string' || password === '') {
    throw badRequest('Both username and password are required.');
  }
  return { username, password };
}

function checkLogin(context: EmulatorContext, body: Record<string, unknown>, version: 'v2' | 'v3'): IicsUser {
  const { username, password } = credentialsFrom(body);
  const user = context.world.users.find((u) => u.username === username);
  if (user === undefined || user.password !== password) {
    throw new IicsError(context.world.loginFailureStatus, version === 'v2' ? 'UI_10000' : 'IDS_085', LOGIN_FAILED_MESSAGE);
  }
  return user;
}

function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

export function loginRoutes(context: EmulatorContext): Route[] {
  return [
    {
      method: 'POST',
      pattern: /^\/ma\/api\/v2\/user\/login$/,
      authenticated: false,
      async handle(request) {
        const user = checkLogin(context, await request.body(), 'v2');
        const session = context.sessions.open(user);
        const created = isoTime(Date.UTC(2024, 0, 1));
        return {
          status: 200,
          body: {
            '@type': 'user',
            id: user.id,
            orgId: context.world.org.id,
            orgUuid: context.world.org.uuid,
            name: user.username,
            description: '',
            createTime: created,
            updateTime: created,
            createdBy: 'System',
            updatedBy: 'System',
            firstName: user.firstName,
            lastName: user.lastName,
            title: '',
            password: '********',
            phone: '',
            emails: user.username,
            timezone: user.timezone,
            serverUrl: context.podBaseUrl(),
            icSessionId: session.id,
            forceChangePassword: false,
          },
        };
      },
    },
    {
      method: 'POST',
      pattern: /^\/saas\/public\/core\/v3\/login$/,
      authenticated: false,
      async handle(request) {
        const user = checkLogin(context, await request.body(), 'v3');
        const session = context.sessions.open(user);
        return {
          status: 200,
          body: {
            products: [{ name: 'Integration Cloud', baseApiUrl: context.podBaseUrl() }],
            userInfo: {
              sessionId: session.id,
              id: user.id,
              name: user.username,
              parentOrgId: context.world.org.uuid,
              orgId: context.world.org.uuid,
              orgName: context.world.org.name,
              groups: {},
              status: 'Active',
            },
          },
        };
      },
    },
  ];
}

/** Served on both hosts: the docs show them on the login host and on the pod. */
export function sessionRoutes(context: EmulatorContext): Route[] {
  return [
    {
      method: 'POST',
      pattern: /^\/saas\/api\/v2\/user\/validSessionId$/,
      authenticated: false,
      async handle(request) {
        const body = await request.body();
        const { userName, icToken } = body;
        if (typeof icToken !== 'string' || icToken === '' || typeof userName !== 'string') {
          throw badRequest('validSessionId needs "userName" and "icToken".');
        }
        const found = context.sessions.peek(icToken);
        const valid = found.state === 'active' && found.session.user.username === userName;
        const minutes = found.state === 'active' && valid ? Math.floor(context.sessions.remainingMs(found.session) / 60_000) : 0;
        return { status: 200, body: { '@type': 'validatedToken', timeUntilExpire: minutes, isValidToken: valid } };
      },
    },
    {
      method: 'POST',
      pattern: /^\/saas\/public\/core\/v3\/logout$/,
      authenticated: true,
      handle(request) {
        if (request.session === undefined) throw invalidSession();
        context.sessions.close(request.session.id);
        return { status: 200 };
      },
    },
  ];
}

export function podLogoutRoute(context: EmulatorContext): Route {
  return {
    method: 'POST',
    pattern: /^\/saas\/api\/v2\/user\/logout$/,
    authenticated: true,
    handle(request) {
      if (request.session === undefined) throw invalidSession();
      context.sessions.close(request.session.id);
      return { status: 200 };
    },
  };
}

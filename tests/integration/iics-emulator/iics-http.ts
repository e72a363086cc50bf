/** Plain HTTP helpers for talking to the IICS emulator the way any REST client would. */

export interface JsonAnswer {
  readonly status: number;
  /** Parsed JSON body, or undefined for an empty body. */
  readonly body: unknown;
  readonly text: string;
}

export async function call(
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  options: { headers?: Record<string, string>; body?: unknown } = {},
): Promise<JsonAnswer> {
  const response = await fetch(url, {
    method,
    headers: {
      accept: 'application/json',
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown), text };
}

export async function loginV2(loginUrl: string, username: string, password: string): Promise<{ sessionId: string; serverUrl: string }> {
  const answer = await call('POST', `${loginUrl}/ma/api/v2/user/login`, { body: { '@type': 'login', username, password } });
  if (answer.status !== 200) throw new Error(`v2 login failed: ${answer.status} ${answer.text}`);
  const user = answer.body as { icSessionId: string; serverUrl: string };
  return { sessionId: user.icSessionId, serverUrl: user.serverUrl };
}

export async function loginV3(loginUrl: string, username: string, password: string): Promise<{ sessionId: string; baseApiUrl: string }> {
  const answer = await call('POST', `${loginUrl}/saas/public/core/v3/login`, { body: { username, password } });
  if (answer.status !== 200) throw new Error(`v3 login failed: ${answer.status} ${answer.text}`);
  const body = answer.body as { userInfo: { sessionId: string }; products: Array<{ baseApiUrl: string }> };
  return { sessionId: body.userInfo.sessionId, baseApiUrl: body.products[0]!.baseApiUrl };
}

export const v2 = (sessionId: string): Record<string, string> => ({ icSessionId: sessionId });
export const v3 = (sessionId: string): Record<string, string> => ({ 'INFA-SESSION-ID': sessionId });

/** AWS is not consulted by these suites; the reader is lazy, so an unreachable endpoint is fine. */
export const NO_AWS = {
  endpoint: 'http://127.0.0.1:9',
  region: 'us-east-1',
  credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' },
};

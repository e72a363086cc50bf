import { describe, expect, it } from 'vitest';
import { sessionHeaderFor } from '../../../electron/core/iics/iics-client';
import { errorDetail, sendIics } from '../../../electron/core/iics/iics-http';
import { KeylessFailure } from '../../../shared/errors';

function scriptedFetch(answers: Array<{ status: number; body?: unknown; headers?: Record<string, string> }>): { fetch: typeof fetch; calls: number } {
  const state = { calls: 0 };
  const fetchFn: typeof fetch = () => {
    const answer = answers[Math.min(state.calls, answers.length - 1)]!;
    state.calls += 1;
    return Promise.resolve(new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status, headers: answer.headers ?? {} }));
  };
  return {
    fetch: fetchFn,
    get calls() {
      return state.calls;
    },
  };
}

describe('IICS requests', () => {
  it('retries a lookup on 429/502/503 with capped backoff, honouring Retry-After', async () => {
    const waits: number[] = [];
    const scripted = scriptedFetch([{ status: 503 }, { status: 429, headers: { 'retry-after': '3' } }, { status: 200, body: [] }]);
    const answer = await sendIics({ method: 'GET', url: 'https://pod.example/saas/api/v2/agent', what: 'listing agents', retryable: true }, { fetch: scripted.fetch, sleep: (ms) => Promise.resolve(void waits.push(ms)) });
    expect(answer.status).toBe(200);
    expect(waits).toEqual([500, 3000]);
  });

  it('gives up after two retries, and never retries an action', async () => {
    const lookups = scriptedFetch([{ status: 503 }]);
    expect((await sendIics({ method: 'GET', url: 'https://pod.example/x', what: 'x', retryable: true }, { fetch: lookups.fetch, sleep: () => Promise.resolve() })).status).toBe(503);
    expect(lookups.calls).toBe(3);
    const action = scriptedFetch([{ status: 503 }]);
    expect((await sendIics({ method: 'POST', url: 'https://pod.example/x', what: 'x', body: {} }, { fetch: action.fetch, sleep: () => Promise.resolve() })).status).toBe(503);
    expect(action.calls).toBe(1);
  });

  it('an unreachable host is IICS_UNREACHABLE naming the host and what was being done', async () => {
    try {
      await sendIics({ method: 'GET', url: 'http://127.0.0.1:9/saas/api/v2/agent', what: 'listing agents' });
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(KeylessFailure);
      expect((error as KeylessFailure).detail.code).toBe('IICS_UNREACHABLE');
      expect((error as KeylessFailure).detail.message).toContain('http://127.0.0.1:9 while listing agents');
    }
  });

  it('reads both documented error shapes', () => {
    expect(errorDetail({ status: 403, body: { code: 'UI_10000', description: 'User name or password is not valid.', statusCode: 403, '@type': 'error' } })).toEqual({
      status: 403,
      code: 'UI_10000',
      message: 'User name or password is not valid.',
    });
    expect(errorDetail({ status: 401, body: { error: { code: 'IDS_085', message: 'User name or password is not valid.', requestId: '9hr8e2ObIcChbwYftgDui7', details: null } } })).toEqual({
      status: 401,
      code: 'IDS_085',
      message: 'User name or password is not valid.',
      requestId: '9hr8e2ObIcChbwYftgDui7',
    });
    expect(errorDetail({ status: 502, body: '<html>Bad gateway</html>' }).message).toBe('<html>Bad gateway</html>');
  });

  it('sends icSessionId to v2 resources and INFA-SESSION-ID to v3 ones', () => {
    expect(sessionHeaderFor('/api/v2/connection')).toBe('icSessionId');
    expect(sessionHeaderFor('/public/core/v3/logout')).toBe('INFA-SESSION-ID');
  });
});

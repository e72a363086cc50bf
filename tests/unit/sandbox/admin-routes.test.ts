import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { answerAdmin, isLoopback } from '../../../electron/core/sandbox/gateway/admin-routes';
import type { AdminDependencies } from '../../../electron/core/sandbox/gateway/admin-routes';
import { FaultInjector } from '../../../electron/core/sandbox/gateway/fault-injector';
import { PropagationTracker } from '../../../electron/core/sandbox/gateway/propagation';
import { PrincipalIndex } from '../../../electron/core/sandbox/gateway/principal-index';
import { MotoSystemAccess } from '../../../electron/core/sandbox/gateway/moto-system-access';
import { SsoDirectory } from '../../../electron/core/sandbox/sso/sso-directory';
import type { WireResponse } from '../../../electron/core/sandbox/gateway/wire-errors';

const START_URL = 'https://keyless-sandbox.awsapps.com/start';

/** The admin controls over real parts; the moto access is never reached by these routes. */
function setUp() {
  const access = new MotoSystemAccess('http://127.0.0.1:9', { accessKeyId: 'AKIAUNUSED', secretAccessKey: 'unused' });
  const deps: AdminDependencies = {
    faults: new FaultInjector(),
    propagation: new PropagationTracker(0, () => 5_000),
    principals: new PrincipalIndex(access, () => []),
    sso: new SsoDirectory({ startUrl: START_URL, region: 'us-east-1', userName: 'dev', accounts: [] }),
  };
  const send = (method: string, path: string, body?: unknown, contentType = 'application/json'): WireResponse => {
    const message = new IncomingMessage(new Socket());
    message.method = method;
    message.url = path;
    message.headers = { 'content-type': contentType };
    const raw = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
    return answerAdmin(deps, message, new URL(path, 'http://127.0.0.1:4566'), Buffer.from(raw));
  };
  return { deps, send };
}

const parsed = (answer: WireResponse): Record<string, unknown> => JSON.parse(answer.body) as Record<string, unknown>;

describe('sandbox admin controls: faults', () => {
  it('POST /faults adds a rule that the next matching call meets; DELETE clears it', () => {
    const { deps, send } = setUp();
    const added = send('POST', '/__keyless/faults', { kind: 'throttle', service: 'iam', action: 'CreateRole', count: 2 });
    expect(added.status).toBe(201);
    expect(parsed(added)).toMatchObject({ kind: 'throttle', remaining: 2, hits: 0 });
    expect(deps.faults.decide('iam', 'CreateRole').kind).toBe('throttle');
    expect(parsed(send('GET', '/__keyless/faults'))).toMatchObject({ calls: 1, injected: { throttle: 1 } });
    expect(parsed(send('DELETE', '/__keyless/faults')).rules).toEqual([]);
    expect(deps.faults.decide('iam', 'CreateRole').kind).toBe('none');
  });

  it('PUT /faults replaces all settings', () => {
    const { deps, send } = setUp();
    deps.faults.add({ kind: 'drop' });
    const answer = send('PUT', '/__keyless/faults', { latencyMs: 20, rules: [{ kind: 'error', service: 'ec2', status: 503 }] });
    expect(answer.status).toBe(200);
    expect(deps.faults.decide('s3', 'GetObject')).toEqual({ kind: 'none', latencyMs: 20 });
    expect(deps.faults.decide('ec2', 'RunInstances')).toMatchObject({ kind: 'error', status: 503 });
  });

  it('a bad rule is refused with a code, the field at fault and the next step, and changes nothing', () => {
    const { deps, send } = setUp();
    const answer = send('POST', '/__keyless/faults', { kind: 'latency', service: 'iam' });
    expect(answer.status).toBe(400);
    const body = parsed(answer);
    expect(body.code).toBe('INVALID_FAULT_RULE');
    expect(body.message).toContain('a latency rule needs latencyMs');
    expect(body.nextStep).toContain('"kind"');
    expect(deps.faults.report().rules).toEqual([]);
    const unknownField = parsed(send('PUT', '/__keyless/faults', { latency: 5 }));
    expect(unknownField.code).toBe('INVALID_FAULTS');
  });

  it('a body that is not JSON is refused as such', () => {
    const { send } = setUp();
    const answer = send('POST', '/__keyless/faults', '{kind:');
    expect(answer.status).toBe(400);
    expect(parsed(answer)).toMatchObject({ code: 'INVALID_ADMIN_REQUEST', message: 'The body is not JSON.' });
  });
});

describe('sandbox admin controls: propagation, sessions, SSO', () => {
  it('PUT /propagation sets the delay used for later IAM changes; a negative delay is refused', () => {
    const { deps, send } = setUp();
    expect(send('PUT', '/__keyless/propagation', { propagationMs: 1500 }).status).toBe(200);
    deps.propagation.noteRoleCreated('111111111111', 'r');
    expect(parsed(send('GET', '/__keyless/propagation'))).toEqual({ propagationMs: 1500, pending: [{ kind: 'role', account: '111111111111', name: 'r', visibleAt: 6_500 }] });
    expect(parsed(send('PUT', '/__keyless/propagation', { propagationMs: -1 })).code).toBe('INVALID_PROPAGATION');
    expect(deps.propagation.propagationMs).toBe(1500);
  });

  it('POST /credentials/expire ends a known role session and answers 404 UNKNOWN_SESSION for any other key', () => {
    const { deps, send } = setUp();
    deps.principals.rememberSession('ASIAKEYLESSSESSION01', 'arn:aws:sts::111111111111:assumed-role/connector/keyless', Date.now() + 3_600_000);
    expect(send('POST', '/__keyless/credentials/expire', { accessKeyId: 'ASIAKEYLESSSESSION01' }).status).toBe(200);
    expect(deps.principals.isExpired('ASIAKEYLESSSESSION01')).toBe(true);
    const unknown = send('POST', '/__keyless/credentials/expire', { accessKeyId: 'ASIAKEYLESSSESSION02' });
    expect(unknown.status).toBe(404);
    expect(parsed(unknown).code).toBe('UNKNOWN_SESSION');
  });

  it('the verification page form approves a pending device code; an unknown code answers 404 with the page saying so', () => {
    const { deps, send } = setUp();
    const client = deps.sso.registerClient('keyless');
    const device = deps.sso.startDeviceAuthorization(client.clientId, client.clientSecret, START_URL);
    const approved = send('POST', '/__keyless/sso/approve', `user_code=${device.userCode}`, 'application/x-www-form-urlencoded');
    expect(approved.status).toBe(200);
    expect(approved.body).toContain('Approved.');
    const unknown = send('POST', '/__keyless/sso/approve', 'user_code=0000-0000', 'application/x-www-form-urlencoded');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain('No pending sign-in has this code');
  });

  it('PUT /sso/settings changes only the timings given, and refuses a zero poll interval', () => {
    const { deps, send } = setUp();
    expect(parsed(send('PUT', '/__keyless/sso/settings', { pollIntervalSeconds: 1 }))).toMatchObject({ pollIntervalSeconds: 1, deviceCodeTtlSeconds: 600 });
    expect(deps.sso.timings.pollIntervalSeconds).toBe(1);
    expect(parsed(send('PUT', '/__keyless/sso/settings', { pollIntervalSeconds: 0 })).code).toBe('INVALID_SSO_SETTINGS');
    expect(deps.sso.timings.pollIntervalSeconds).toBe(1);
  });

  it('an unknown control answers 404 naming it and pointing at the docs', () => {
    const { send } = setUp();
    const answer = send('GET', '/__keyless/nothing');
    expect(answer.status).toBe(404);
    expect(parsed(answer)).toMatchObject({ code: 'UNKNOWN_ADMIN_ROUTE', message: 'The sandbox has no control GET /nothing.' });
  });
});

describe('who may use the admin controls', () => {
  it('only loopback addresses', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('10.0.0.5')).toBe(false);
    expect(isLoopback(undefined)).toBe(false);
  });
});

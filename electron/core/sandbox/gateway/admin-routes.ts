import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { devicePage } from '../sso/device-page';
import type { SsoDirectory } from '../sso/sso-directory';
import { faultRuleInputSchema, faultSettingsSchema } from './fault-injector';
import type { FaultInjector } from './fault-injector';
import type { PrincipalIndex } from './principal-index';
import type { PropagationTracker } from './propagation';
import type { WireResponse } from './wire-errors';

/**
 * The sandbox's own controls under `/__keyless/`, answered only to loopback callers: faults,
 * propagation delay, ending a role session early (ExpiredToken), and the SSO verification page.
 */

export const ADMIN_PREFIX = '/__keyless/';

export interface AdminDependencies {
  readonly faults: FaultInjector;
  readonly propagation: PropagationTracker;
  readonly principals: PrincipalIndex;
  readonly sso: SsoDirectory;
}

export function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

const propagationSchema = z.object({ propagationMs: z.number().int().min(0).max(3_600_000) }).strict();
const expireSchema = z.object({ accessKeyId: z.string().min(16) }).strict();
const approveSchema = z.object({ userCode: z.string().min(1) }).strict();
const ssoTimingsSchema = z
  .object({
    deviceCodeTtlSeconds: z.number().int().min(1),
    pollIntervalSeconds: z.number().int().min(1),
    slowDownIncrementSeconds: z.number().int().min(0),
    accessTokenTtlSeconds: z.number().int().min(1),
  })
  .partial()
  .strict();

function json(status: number, value: unknown): WireResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}

function invalid(code: string, error: z.ZodError | string, nextStep: string): WireResponse {
  const message = typeof error === 'string' ? error : error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
  return json(400, { code, message, nextStep });
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8') || '{}');
  } catch {
    return Symbol.for('invalid-json');
  }
}

export function answerAdmin(deps: AdminDependencies, incoming: IncomingMessage, url: URL, body: Buffer): WireResponse {
  const route = `${incoming.method ?? 'GET'} ${url.pathname.slice(ADMIN_PREFIX.length - 1)}`;
  const contentType = String(incoming.headers['content-type'] ?? '');
  if (route === 'POST /sso/approve' && contentType.includes('x-www-form-urlencoded')) {
    const userCode = new URLSearchParams(body.toString('utf8')).get('user_code') ?? '';
    const approved = deps.sso.approve(userCode);
    return { status: approved ? 200 : 404, headers: { 'content-type': 'text/html; charset=utf-8' }, body: devicePage(userCode, approved ? 'approved' : 'unknown') };
  }
  const input = parseJson(body);
  if (input === Symbol.for('invalid-json')) return invalid('INVALID_ADMIN_REQUEST', 'The body is not JSON.', 'Send a JSON body.');
  switch (route) {
    case 'GET /health':
      return json(200, { ok: true });
    case 'GET /faults':
      return json(200, deps.faults.report());
    case 'PUT /faults': {
      const parsed = faultSettingsSchema.safeParse(input);
      if (!parsed.success) return invalid('INVALID_FAULTS', parsed.error, 'Send { "latencyMs"?: number, "rules"?: [{ "kind", "service"?, "action"?, "count"?, "status"?, "latencyMs"? }] }.');
      return json(200, deps.faults.replace(parsed.data));
    }
    case 'POST /faults': {
      const parsed = faultRuleInputSchema.safeParse(input);
      if (!parsed.success) return invalid('INVALID_FAULT_RULE', parsed.error, 'Send { "kind": "throttle"|"error"|"drop"|"accessDenied"|"latency", "service"?, "action"?, "count"?, "status"?, "latencyMs"? }.');
      return json(201, deps.faults.add(parsed.data));
    }
    case 'DELETE /faults':
      deps.faults.clear();
      return json(200, deps.faults.report());
    case 'GET /propagation':
      return json(200, { propagationMs: deps.propagation.propagationMs, pending: deps.propagation.report() });
    case 'PUT /propagation': {
      const parsed = propagationSchema.safeParse(input);
      if (!parsed.success) return invalid('INVALID_PROPAGATION', parsed.error, 'Send { "propagationMs": number }.');
      deps.propagation.setDelay(parsed.data.propagationMs);
      return json(200, { propagationMs: parsed.data.propagationMs });
    }
    case 'POST /credentials/expire': {
      const parsed = expireSchema.safeParse(input);
      if (!parsed.success) return invalid('INVALID_EXPIRE_REQUEST', parsed.error, 'Send { "accessKeyId": "ASIA..." }.');
      if (!deps.principals.expire(parsed.data.accessKeyId)) {
        return json(404, { code: 'UNKNOWN_SESSION', message: `No role session with access key ${parsed.data.accessKeyId} went through this sandbox.`, nextStep: 'Pass the AccessKeyId of a session from AssumeRole or SSO GetRoleCredentials.' });
      }
      return json(200, { expired: parsed.data.accessKeyId });
    }
    case 'GET /sso/device':
      return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: devicePage(url.searchParams.get('user_code') ?? '') };
    case 'POST /sso/approve': {
      const parsed = approveSchema.safeParse(input);
      if (!parsed.success) return invalid('INVALID_APPROVAL', parsed.error, 'Send { "userCode": "ABCD-1234" }.');
      if (!deps.sso.approve(parsed.data.userCode)) {
        return json(404, { code: 'UNKNOWN_USER_CODE', message: `No pending device authorization has user code ${parsed.data.userCode}.`, nextStep: 'Start the device authorization again and approve its new code.' });
      }
      return json(200, { approved: parsed.data.userCode });
    }
    case 'GET /sso/settings':
      return json(200, deps.sso.timings);
    case 'PUT /sso/settings': {
      const parsed = ssoTimingsSchema.safeParse(input);
      if (!parsed.success) return invalid('INVALID_SSO_SETTINGS', parsed.error, 'Send any of deviceCodeTtlSeconds, pollIntervalSeconds, slowDownIncrementSeconds, accessTokenTtlSeconds.');
      Object.assign(deps.sso.timings, parsed.data);
      return json(200, deps.sso.timings);
    }
    default:
      return json(404, { code: 'UNKNOWN_ADMIN_ROUTE', message: `The sandbox has no control ${route}.`, nextStep: 'See docs/sandbox.md for the /__keyless/ routes.' });
  }
}

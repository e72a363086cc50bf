import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerSso, ssoRouteOf } from '../sso/sso-routes';
import { SsoDirectory, DEFAULT_SSO_TIMINGS } from '../sso/sso-directory';
import type { SsoConfig, SsoTimings } from '../sso/sso-directory';
import { ADMIN_PREFIX, answerAdmin, isLoopback } from './admin-routes';
import { interceptCreateAccessKey } from './access-key-learning';
import { interceptAssumeRole } from './assume-role';
import { describeCall, needsBufferedBody, protocolOf, sigV4Scope } from './aws-request';
import type { AwsCall, WireProtocol } from './aws-request';
import { asEc2Answer } from './ec2-authorization';
import { interceptInstanceProfileUse, PROFILE_ACTIONS } from './ec2-instance-profile';
import { FaultInjector } from './fault-injector';
import type { FaultSettings } from './fault-injector';
import { isBuffered } from './gateway-context';
import type { EvaluatePolicy, GatewayContext, InterceptAnswer, InterceptedCall } from './gateway-context';
import { interceptPropagatingWrite, PROPAGATING_IAM_ACTIONS } from './iam-writes';
import { MotoSystemAccess } from './moto-system-access';
import type { AwsCredentialIdentity } from './moto-system-access';
import { PrincipalIndex } from './principal-index';
import { PropagationTracker } from './propagation';
import { forwardBuffered, forwardStreaming, readBody, sendBuffered, sendWire } from './proxy';
import { needsQueryResigning, resignedAuthorization } from './s3-query-signature';
import { interceptSimulation, SIMULATE_ACTIONS } from './simulate-policy';
import { accessDeniedError, errorResponse, serverError, throttlingError } from './wire-errors';
import type { WireError } from './wire-errors';

/**
 * The sandbox's AWS front door: one port on 127.0.0.1 for every service, routed by the SigV4
 * credential scope to moto. It adds what moto lacks (see the interceptors) and the fault knobs;
 * everything else passes through unchanged, bodies streaming.
 */

export interface GatewayOptions {
  readonly motoEndpoint: string;
  /** 0 or absent: a free port. */
  readonly port?: number;
  /** The control account user the gateway reads moto's state with (seeded before auth is on). */
  readonly control: AwsCredentialIdentity;
  /** Accounts whose IAM users may call (looked up to identify callers). */
  readonly accounts: readonly string[];
  /** Keys issued before the gateway started (the seed's operators), so their S3 calls can be re-signed. */
  readonly knownCredentials?: readonly AwsCredentialIdentity[];
  readonly evaluate: EvaluatePolicy;
  readonly propagationMs?: number;
  readonly faults?: FaultSettings;
  readonly sso: { readonly config: SsoConfig; readonly timings?: Partial<SsoTimings> };
}

export interface Gateway {
  readonly endpoint: string;
  readonly port: number;
  readonly faults: FaultInjector;
  readonly propagation: PropagationTracker;
  readonly principals: PrincipalIndex;
  readonly sso: SsoDirectory;
  stop(): Promise<void>;
}

type Interceptor = (ctx: GatewayContext, intercepted: InterceptedCall) => Promise<InterceptAnswer>;

function interceptorFor(call: AwsCall): Interceptor | undefined {
  if (call.service === 'sts' && call.action === 'AssumeRole') return interceptAssumeRole;
  if (call.service === 'iam' && SIMULATE_ACTIONS.has(call.action)) return interceptSimulation;
  if (call.service === 'iam' && PROPAGATING_IAM_ACTIONS.has(call.action)) return interceptPropagatingWrite;
  if (call.service === 'iam' && call.action === 'CreateAccessKey') return interceptCreateAccessKey;
  if (call.service === 'ec2' && PROFILE_ACTIONS.has(call.action)) return interceptInstanceProfileUse;
  return undefined;
}

function expiredTokenError(protocol: WireProtocol): WireError {
  // EC2's code for an expired session is RequestExpired (INFERRED from CLI reports; not in aws.md).
  if (protocol === 'ec2') return { code: 'RequestExpired', message: 'Request has expired.', status: 400 };
  if (protocol === 's3') return { code: 'ExpiredToken', message: 'The provided token has expired.', status: 400 };
  return { code: 'ExpiredToken', message: 'The security token included in the request is expired', status: 400 };
}

function sendAnswer(outgoing: ServerResponse, answer: InterceptAnswer, requestId: string): void {
  if (isBuffered(answer)) sendBuffered(outgoing, answer, requestId);
  else sendWire(outgoing, answer);
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const moto = new URL(options.motoEndpoint);
  const access = new MotoSystemAccess(options.motoEndpoint, options.control);
  const principals = new PrincipalIndex(access, () => options.accounts);
  for (const known of options.knownCredentials ?? []) principals.rememberSecret(known.accessKeyId, known.secretAccessKey);
  const propagation = new PropagationTracker(options.propagationMs ?? 0);
  const faults = new FaultInjector(options.faults);
  const sso = new SsoDirectory(options.sso.config, { ...DEFAULT_SSO_TIMINGS, ...options.sso.timings });
  const ctx: GatewayContext = { moto, access, principals, propagation, faults, evaluate: options.evaluate };
  let publicBaseUrl = '';

  /** Applies the fault decision; true when the call has been answered (or dropped) by it. */
  async function injectFault(protocol: WireProtocol, service: string, action: string, accessKeyId: string | undefined, incoming: IncomingMessage, outgoing: ServerResponse, requestId: string): Promise<boolean> {
    const decision = faults.decide(service, action);
    if (decision.latencyMs > 0) await delay(decision.latencyMs);
    switch (decision.kind) {
      case 'none':
        return false;
      case 'drop':
        incoming.socket.destroy();
        return true;
      case 'throttle':
        sendWire(outgoing, errorResponse(protocol, service, throttlingError(protocol), requestId));
        return true;
      case 'error':
        sendWire(outgoing, errorResponse(protocol, service, serverError(protocol, decision.status), requestId));
        return true;
      case 'accessDenied': {
        // The caller's ARN only makes the message read like AWS's; failing to find it must not turn
        // the injected AccessDenied into a different error.
        const caller = await principals.identify(accessKeyId).catch(() => undefined);
        sendWire(outgoing, errorResponse(protocol, service, accessDeniedError(protocol, action, service, caller?.arn), requestId));
        return true;
      }
    }
  }

  async function handle(incoming: IncomingMessage, outgoing: ServerResponse, requestId: string): Promise<void> {
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith(ADMIN_PREFIX)) {
      if (!isLoopback(incoming.socket.remoteAddress)) {
        sendWire(outgoing, { status: 403, headers: { 'content-type': 'text/plain', 'x-amzn-requestid': requestId }, body: 'The sandbox controls answer only to this machine.' });
        return;
      }
      const answer = answerAdmin({ faults, propagation, principals, sso }, incoming, url, await readBody(incoming));
      sendWire(outgoing, { ...answer, headers: { ...answer.headers, 'x-amzn-requestid': requestId } });
      return;
    }
    const scope = sigV4Scope(incoming, url);
    if (scope === undefined) {
      const route = ssoRouteOf(incoming.method ?? 'GET', url);
      if (route === undefined) {
        forwardStreaming(moto, incoming, outgoing, requestId);
        return;
      }
      const body = await readBody(incoming);
      if (await injectFault('restJson', route.service, route.action, undefined, incoming, outgoing, requestId)) return;
      sendWire(outgoing, await answerSso({ directory: sso, access, principals, publicBaseUrl: () => publicBaseUrl }, route, incoming, url, body, requestId));
      return;
    }
    const protocol = protocolOf(scope.service, String(incoming.headers['content-type'] ?? ''));
    const body = needsBufferedBody(protocol) ? await readBody(incoming) : undefined;
    const call = describeCall(incoming, url, scope, body);
    if (await injectFault(call.protocol, call.service, call.action, call.accessKeyId, incoming, outgoing, requestId)) return;
    if (principals.isExpired(call.accessKeyId)) {
      sendWire(outgoing, errorResponse(call.protocol, call.service, expiredTokenError(call.protocol), requestId));
      return;
    }
    if (call.protocol === 's3' && needsQueryResigning(incoming)) {
      const resigned = resignedAuthorization(incoming, (accessKeyId) => principals.secretFor(accessKeyId));
      if (resigned !== undefined) incoming.headers.authorization = resigned;
    }
    const interceptor = interceptorFor(call);
    if (interceptor === undefined && call.protocol === 'ec2') {
      sendAnswer(outgoing, asEc2Answer(await forwardBuffered(moto, incoming, body ?? Buffer.alloc(0)), requestId), requestId);
      return;
    }
    if (interceptor === undefined) {
      forwardStreaming(moto, incoming, outgoing, requestId, body);
      return;
    }
    sendAnswer(outgoing, await interceptor(ctx, { call, incoming, body: body ?? Buffer.alloc(0), requestId }), requestId);
  }

  const server: Server = createServer((incoming, outgoing) => {
    const requestId = randomUUID();
    handle(incoming, outgoing, requestId).catch((error: unknown) => {
      if (outgoing.headersSent) {
        outgoing.destroy();
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      sendWire(outgoing, { status: 500, headers: { 'content-type': 'text/plain', 'x-amzn-requestid': requestId }, body: `Sandbox gateway failure: ${message}` });
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  publicBaseUrl = `http://127.0.0.1:${String(port)}`;

  return {
    endpoint: publicBaseUrl,
    port,
    faults,
    propagation,
    principals,
    sso,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

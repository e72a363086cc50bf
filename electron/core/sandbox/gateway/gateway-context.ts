import type { IncomingMessage } from 'node:http';
import type { EvaluationInput, EvaluationResult } from '../../../../shared/policy/evaluation-types';
import type { AwsCall } from './aws-request';
import type { FaultInjector } from './fault-injector';
import type { MotoSystemAccess } from './moto-system-access';
import type { PrincipalIndex } from './principal-index';
import type { PropagationTracker } from './propagation';
import type { BufferedResponse } from './proxy';
import type { WireResponse } from './wire-errors';

/** The evaluator (shared/policy/evaluate.ts), passed in so the gateway states what it depends on. */
export type EvaluatePolicy = (input: EvaluationInput) => EvaluationResult;

export interface GatewayContext {
  readonly moto: URL;
  readonly access: MotoSystemAccess;
  readonly principals: PrincipalIndex;
  readonly propagation: PropagationTracker;
  readonly faults: FaultInjector;
  readonly evaluate: EvaluatePolicy;
}

/** One intercepted call: the parsed call, the original request (for forwarding) and its body. */
export interface InterceptedCall {
  readonly call: AwsCall;
  readonly incoming: IncomingMessage;
  readonly body: Buffer;
  readonly requestId: string;
}

export type InterceptAnswer = WireResponse | BufferedResponse;

export function isBuffered(answer: InterceptAnswer): answer is BufferedResponse {
  return Buffer.isBuffer(answer.body);
}

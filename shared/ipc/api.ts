import type { Result } from '../errors';
import type { OperationName, RequestOf, ResponseOf } from './contract';
import { operationNames } from './contract';
import type { KeylessEvent } from './events';

type Namespace<Op extends string> = Op extends `${infer NS}.${string}` ? NS : never;
type Verb<Op extends string, NS extends string> = Op extends `${NS}.${infer V}` ? V : never;

// An operation whose request has no required field (`{}` accepts it) may be called without one.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type OperationFn<Op extends OperationName> = {} extends RequestOf<Op>
  ? (request?: RequestOf<Op>) => Promise<Result<ResponseOf<Op>>>
  : (request: RequestOf<Op>) => Promise<Result<ResponseOf<Op>>>;

/** `window.keyless`: one function per contract operation, grouped by namespace (`keyless.app.info()`). */
export type KeylessApi = {
  readonly [NS in Namespace<OperationName>]: {
    readonly [V in Verb<OperationName, NS>]: OperationFn<Extract<`${NS}.${V}`, OperationName>>;
  };
} & {
  /** Subscribes to the event channel; returns the unsubscribe function. */
  readonly onEvent: (listener: (event: KeylessEvent) => void) => () => void;
};

export type Invoke = (op: OperationName, request: unknown) => Promise<Result<unknown>>;
export type Subscribe = (listener: (event: KeylessEvent) => void) => () => void;

/**
 * Builds the API from the contract's operation list. The Electron preload passes
 * ipcRenderer-backed transports; the Chromium test suite passes Playwright bindings, so both
 * exercise the same code.
 */
export function buildKeylessApi(invoke: Invoke, subscribe: Subscribe): KeylessApi {
  const api: Record<string, Record<string, (request?: unknown) => Promise<Result<unknown>>>> = {};
  for (const op of operationNames) {
    const dot = op.indexOf('.');
    const ns = op.slice(0, dot);
    const verb = op.slice(dot + 1);
    const group = (api[ns] ??= {});
    group[verb] = (request?: unknown) => invoke(op, request ?? {});
  }
  for (const group of Object.values(api)) Object.freeze(group);
  return Object.freeze({ ...api, onEvent: subscribe }) as unknown as KeylessApi;
}

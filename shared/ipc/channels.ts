import type { OperationName } from './contract';

/** The only place a channel string is formed. */
export const INVOKE_CHANNEL_PREFIX = 'keyless:invoke:';
export const EVENT_CHANNEL = 'keyless:event';

export function invokeChannel(op: OperationName): string {
  return INVOKE_CHANNEL_PREFIX + op;
}

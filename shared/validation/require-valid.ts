import { KeylessFailure, type Result } from '../errors';

/**
 * Unwraps a validator's Result for code that throws (builders, exporters, the CLI): the value,
 * or the validator's own error as a KeylessFailure.
 */
export function requireValid<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new KeylessFailure(result.error);
}

import { isInputError, KeylessFailure } from '../../shared/errors';
import type { CliIo } from './cli-io';

/**
 * Prints a failure as two lines — what went wrong, what to do next — and returns the exit
 * code: 2 for bad input (nothing was changed), 1 for everything else.
 */
export function reportFailure(error: unknown, io: CliIo): number {
  if (error instanceof KeylessFailure) {
    const { detail } = error;
    const requestId = detail.requestId === undefined ? '' : ` (request id ${detail.requestId})`;
    io.stderr(`keyless: ${detail.message}${requestId}\n  next: ${detail.nextStep}\n`);
    return isInputError(detail) ? 2 : 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`keyless: unexpected error: ${message}\n  next: run again with KEYLESS_DEBUG=1 and report the output.\n`);
  if (io.env.KEYLESS_DEBUG === '1' && error instanceof Error && error.stack !== undefined) io.stderr(`${error.stack}\n`);
  return 1;
}

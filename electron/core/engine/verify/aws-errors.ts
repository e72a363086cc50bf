import { KeylessFailure } from '../../../../shared/errors';

/**
 * How the read-only checks tell AWS answers apart: "not found" and "not allowed to look" are
 * findings about the chain; anything else (network, throttling past the SDK's retries) stops the
 * check with its request id.
 */

export function awsErrorName(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const named = error as { name?: unknown; Code?: unknown };
  if (typeof named.Code === 'string') return named.Code;
  return typeof named.name === 'string' ? named.name : '';
}

export function awsRequestId(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const id = (error as { $metadata?: { requestId?: unknown } }).$metadata?.requestId;
  return typeof id === 'string' ? id : undefined;
}

const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnauthorizedAccess']);

export function isAccessDenied(error: unknown): boolean {
  return ACCESS_DENIED.has(awsErrorName(error));
}

export function isNotFound(error: unknown): boolean {
  const name = awsErrorName(error);
  return name === 'NoSuchEntity' || name === 'NoSuchEntityException' || name.endsWith('.NotFound');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An unexpected AWS failure while checking, as a KeylessFailure that keeps the request id. */
export function checkFailed(what: string, error: unknown): KeylessFailure {
  const name = awsErrorName(error);
  const requestId = awsRequestId(error);
  return new KeylessFailure({
    code: 'AWS_CHECK_FAILED',
    message: `AWS failed while ${what}: ${name === '' ? '' : `${name}: `}${messageOf(error)}`,
    nextStep: 'Check the network and the profile\'s credentials, then run the check again.',
    ...(requestId === undefined ? {} : { requestId }),
  });
}

/** The AWS message of a denial, which names the missing action (kept short for a link's reason). */
export function deniedDetail(error: unknown): string {
  const text = messageOf(error);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

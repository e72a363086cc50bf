import { KeylessFailure } from '../../../../shared/errors';
import { awsErrorFacts } from '../aws-errors';

/**
 * How the read-only checks report AWS answers: "not found" and "not allowed to look" are findings
 * about the chain (isNotFound and isAccessDenied in ../aws-errors); anything else (network,
 * throttling past the SDK's retries) stops the check with its request id.
 */

export { isAccessDenied, isNotFound } from '../aws-errors';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An unexpected AWS failure while checking, as a KeylessFailure that keeps the request id. */
export function checkFailed(what: string, error: unknown): KeylessFailure {
  const facts = awsErrorFacts(error);
  return new KeylessFailure({
    code: 'AWS_CHECK_FAILED',
    message: `AWS failed while ${what}: ${facts.code === 'Unknown' ? '' : `${facts.code}: `}${messageOf(error)}`,
    nextStep: "Check the network and the profile's credentials, then run the check again.",
    ...(facts.requestId === undefined ? {} : { requestId: facts.requestId }),
  });
}

/** The AWS message of a denial, which names the missing action (kept short for a link's reason). */
export function deniedDetail(error: unknown): string {
  const text = messageOf(error);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

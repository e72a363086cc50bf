import { KeylessFailure } from '../../../shared/errors';

/** Reading SDK v3 errors: the wire code is the error's name (aws.md §1.1, §1.2). */
export interface AwsErrorFacts {
  readonly code: string;
  readonly message: string;
  readonly requestId?: string;
}

export function awsErrorFacts(error: unknown): AwsErrorFacts {
  if (typeof error !== 'object' || error === null) return { code: 'Unknown', message: String(error) };
  const e = error as { name?: unknown; Code?: unknown; message?: unknown; $metadata?: { requestId?: unknown } };
  const rawCode = typeof e.Code === 'string' ? e.Code : typeof e.name === 'string' ? e.name : 'Unknown';
  const code = rawCode.endsWith('Exception') && rawCode !== 'Exception' ? rawCode.slice(0, -'Exception'.length) : rawCode;
  const requestId = typeof e.$metadata?.requestId === 'string' ? e.$metadata.requestId : undefined;
  return { code, message: typeof e.message === 'string' ? e.message : '', ...(requestId !== undefined ? { requestId } : {}) };
}

/** IAM's NoSuchEntity, and EC2's `*.NotFound` codes (InvalidInstanceID.NotFound, InvalidAssociationID.NotFound, ...). */
export function isNotFound(error: unknown): boolean {
  const { code } = awsErrorFacts(error);
  return code === 'NoSuchEntity' || code.endsWith('.NotFound');
}

const ACCESS_DENIED = new Set(['AccessDenied', 'UnauthorizedOperation', 'UnauthorizedAccess']);

/** IAM/STS AccessDenied and EC2 UnauthorizedOperation: "not allowed to look", a finding in itself for read-only checks. */
export function isAccessDenied(error: unknown): boolean {
  return ACCESS_DENIED.has(awsErrorFacts(error).code);
}

/** An AWS error as a Keyless failure that keeps the request id. */
export function awsFailure(error: unknown, what: string): KeylessFailure {
  if (error instanceof KeylessFailure) return error;
  const facts = awsErrorFacts(error);
  const nextStep =
    facts.code === 'AccessDenied' || facts.code === 'UnauthorizedOperation'
      ? 'Ask your AWS administrator for the permission named in the message, or use a profile that has it.'
      : 'Fix the cause named in the message and run `keyless resume` to finish the run.';
  return new KeylessFailure({ code: `AWS_${facts.code.replace(/\W/g, '_').toUpperCase()}`, message: `${what} failed: ${facts.code}: ${facts.message}`, nextStep, ...(facts.requestId !== undefined ? { requestId: facts.requestId } : {}) });
}

/** IAM returns policy documents URL-encoded and the SDK does not decode them (aws.md §0.4). */
export function decodePolicyDocument(text: string | undefined): unknown {
  if (text === undefined || text === '') return null;
  const decoded = text.trimStart().startsWith('{') ? text : decodeURIComponent(text);
  try {
    return JSON.parse(decoded) as unknown;
  } catch {
    return decoded;
  }
}

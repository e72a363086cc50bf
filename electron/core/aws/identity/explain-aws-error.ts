import { KeylessFailure } from '../../../../shared/errors';
import type { KeylessError } from '../../../../shared/errors';
import { whereWeLooked } from '../aws-env';
import type { EnvRecord } from '../aws-env';
import type { ProfileKind } from '../types';

export interface ErrorContext {
  readonly profile: string;
  readonly kind?: ProfileKind;
  readonly env: EnvRecord;
  /** The access key that was used, shown masked in "unknown key" messages. */
  readonly accessKeyId?: string;
  readonly endpoint?: string;
}

interface AwsErrorShape {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly requestId?: string;
}

function shapeOf(error: unknown): AwsErrorShape {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const fields = error as Error & { code?: unknown; Code?: unknown; $metadata?: { requestId?: unknown }; cause?: unknown };
  const requestId = typeof fields.$metadata?.requestId === 'string' ? fields.$metadata.requestId : undefined;
  const code = typeof fields.code === 'string' ? fields.code : typeof fields.Code === 'string' ? fields.Code : undefined;
  const cause = fields.cause instanceof Error ? shapeOf(fields.cause) : undefined;
  return {
    name: error.name,
    message: error.message,
    ...(code === undefined ? (cause?.code === undefined ? {} : { code: cause.code }) : { code }),
    ...(requestId === undefined ? (cause?.requestId === undefined ? {} : { requestId: cause.requestId }) : { requestId }),
  };
}

const mask = (accessKeyId: string | undefined): string => (accessKeyId === undefined || accessKeyId.length < 12 ? 'in use' : `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-4)}`);

const clip = (text: string): string => (text.length > 400 ? `${text.slice(0, 400)}…` : text);

function failure(detail: Omit<KeylessError, 'requestId'>, requestId: string | undefined): KeylessFailure {
  return new KeylessFailure(requestId === undefined ? detail : { ...detail, requestId });
}

const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired']);
const NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN', 'EHOSTUNREACH']);
const THROTTLED = new Set(['Throttling', 'ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded']);

/**
 * Turns what the SDK threw into a KeylessFailure a person can act on: what happened, in words,
 * and the next step, keeping AWS's request id. Messages name the profile and never a secret.
 */
export function explainAwsError(error: unknown, context: ErrorContext): KeylessFailure {
  if (error instanceof KeylessFailure) return error;
  const { name, message, code, requestId } = shapeOf(error);
  const profile = context.profile;
  const wireName = EXPIRED.has(name) || EXPIRED.has(code ?? '') ? 'ExpiredToken' : name;
  if (wireName === 'ExpiredToken') {
    const sso = context.kind === 'sso' || context.kind === 'legacySso';
    return failure(
      {
        code: 'AWS_EXPIRED_TOKEN',
        message: `The temporary credentials of profile "${profile}" have expired (ExpiredToken).`,
        nextStep: sso
          ? `Sign in again with \`keyless sso login --profile ${profile}\`, then retry.`
          : context.kind === 'static' || context.kind === 'environment'
            ? 'The session token in the credentials file or AWS_SESSION_TOKEN is out of date: get a new one (or use a profile that renews itself, such as SSO or a role), then retry.'
            : 'Retry: Keyless drops the expired copy and asks for new credentials.',
      },
      requestId,
    );
  }
  if (name === 'InvalidClientTokenId') {
    return failure(
      {
        code: 'AWS_UNKNOWN_ACCESS_KEY',
        message: `AWS does not recognise the access key ${mask(context.accessKeyId)} of profile "${profile}" (InvalidClientTokenId): it was deleted or deactivated, belongs to another partition (aws-cn, aws-us-gov), or the call went to the wrong endpoint.`,
        nextStep: 'Check the key under IAM → Users → Security credentials (or ask your AWS admin for a new one), update the credentials file, then retry.',
      },
      requestId,
    );
  }
  if (name === 'SignatureDoesNotMatch') {
    return failure(
      {
        code: 'AWS_WRONG_SECRET_KEY',
        message: `AWS knows the access key ${mask(context.accessKeyId)} of profile "${profile}", but the secret access key does not match it (SignatureDoesNotMatch).`,
        nextStep: 'Re-enter aws_secret_access_key for this profile exactly as issued (no spaces or quotes); if it is right, check that this computer\'s clock is correct.',
      },
      requestId,
    );
  }
  if (name === 'UnauthorizedException' || /SSO session associated with this profile|To refresh this SSO session|Token is expired|SSO Token/i.test(message)) {
    return failure(
      {
        code: 'AWS_SSO_LOGIN_NEEDED',
        message: `The IAM Identity Center (SSO) session of profile "${profile}" has expired or is not valid.`,
        nextStep: `Sign in again: run \`keyless sso login --profile ${profile}\` (or "Sign in with SSO" in the app), then retry.`,
      },
      requestId,
    );
  }
  if (name === 'ForbiddenException') {
    return failure(
      {
        code: 'AWS_SSO_ROLE_NOT_ASSIGNED',
        message: `Your SSO user may not use the account and permission set of profile "${profile}" (ForbiddenException).`,
        nextStep: 'Pick an account and role from the portal list (`keyless sso accounts`) or ask your Identity Center admin to assign it.',
      },
      requestId,
    );
  }
  if (/multi-factor authentication/i.test(message)) {
    return failure({ code: 'AWS_MFA_NEEDED', message: `Profile "${profile}" needs an MFA code and none could be asked for.`, nextStep: 'Run where Keyless can prompt for the code (a terminal, or the app).' }, requestId);
  }
  if (/Detected a cycle/i.test(message)) {
    return failure({ code: 'AWS_PROFILE_CHAIN_BROKEN', message: `Profile "${profile}": ${clip(message)}`, nextStep: 'Edit source_profile so the chain ends at a profile with credentials.' }, requestId);
  }
  if (/credential_process/i.test(message)) {
    return failure(
      {
        code: 'AWS_CREDENTIAL_PROCESS_FAILED',
        message: `The credential_process of profile "${profile}" failed: ${clip(message)}`,
        nextStep: 'Run the credential_process command by hand to see its error; it must print JSON with Version 1, AccessKeyId and SecretAccessKey.',
      },
      requestId,
    );
  }
  if (/Unable to find environment variable credentials|Could not resolve credentials|could not be found|Could not load credentials/i.test(message) || (name === 'CredentialsProviderError' && /not found/i.test(message))) {
    return failure(
      {
        code: 'AWS_NO_CREDENTIALS',
        message: `No AWS credentials found for "${profile}". Looked in: ${whereWeLooked(context.env).join('; ')}.`,
        nextStep: 'Pick a profile listed by `keyless profiles` whose status is ready, or configure one with `aws configure` / `aws configure sso`.',
      },
      requestId,
    );
  }
  if (name === 'AccessDenied' || name === 'AccessDeniedException') {
    return failure(
      {
        code: 'AWS_ACCESS_DENIED',
        message: `AWS refused a call made for profile "${profile}": ${clip(message)}`,
        nextStep: 'If this was AssumeRole, the role\'s trust policy must name the source identity and the source must be allowed sts:AssumeRole; ask your AWS admin.',
      },
      requestId,
    );
  }
  if (NETWORK.has(code ?? '') || name === 'TimeoutError' || /ECONNREFUSED|ENOTFOUND|socket hang up/i.test(message)) {
    return failure(
      {
        code: 'AWS_UNREACHABLE',
        message: `Could not reach AWS${context.endpoint === undefined ? '' : ` at ${context.endpoint}`} for profile "${profile}" (${code ?? name}).`,
        nextStep: context.endpoint === undefined ? 'Check the network or proxy settings, then retry.' : 'Check that the endpoint (endpoint_url / AWS_ENDPOINT_URL) is right and running, e.g. `keyless sandbox`.',
      },
      requestId,
    );
  }
  if (THROTTLED.has(name)) {
    return failure({ code: 'AWS_THROTTLED', message: `AWS is throttling calls for profile "${profile}" (${name}).`, nextStep: 'Wait a minute and retry.' }, requestId);
  }
  return failure(
    {
      code: 'AWS_CALL_FAILED',
      message: `Getting credentials or the identity of profile "${profile}" failed: ${name}: ${clip(message)}`,
      nextStep: 'Check the profile with `keyless profiles`; if it looks right, retry with KEYLESS_DEBUG=1 and report the output.',
    },
    requestId,
  );
}

/** Errors that mean the credentials themselves are dead, so a cached copy must be dropped. */
export function meansDeadCredentials(error: unknown): boolean {
  const { name, code } = shapeOf(error);
  return EXPIRED.has(name) || EXPIRED.has(code ?? '') || name === 'InvalidClientTokenId' || name === 'UnauthorizedException';
}

import { inputError } from '../../../shared/errors';

const MAX_NAME_LENGTH = 1024;

/**
 * Secret names are identifiers such as `sso-token:<start-url>` or `aws-credentials:<profile>`;
 * they may appear in messages, values never do.
 */
export function checkSecretName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0) {
    throw inputError('INVALID_SECRET_NAME', 'A secret needs a non-empty name.', 'Name the secret by what it is, e.g. "sso-token:<start URL>".');
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (name.length > MAX_NAME_LENGTH || /[\u0000-\u001f\u007f]/.test(name)) {
    throw inputError(
      'INVALID_SECRET_NAME',
      `The secret name "${name.slice(0, 80).replace(/[^\x20-\x7e]/g, '?')}" is too long or contains control characters.`,
      `Use a printable name of at most ${MAX_NAME_LENGTH} characters.`,
    );
  }
  return name;
}

export function checkSecretValue(name: string, value: unknown): string {
  if (typeof value !== 'string') {
    throw inputError('INVALID_SECRET_VALUE', `The value for secret "${name}" is not text (got ${value === null ? 'null' : typeof value}).`, 'Store structured values as JSON text.');
  }
  return value;
}

import { fail, ok, type Result } from '../errors';

/** EC2 instance ids: `i-` and 8 (older) or 17 lowercase hex digits. */
export function validateInstanceId(value: string): Result<string> {
  if (/^i-([0-9a-f]{8}|[0-9a-f]{17})$/.test(value)) return ok(value);
  return fail(
    'INVALID_INSTANCE_ID',
    `"${value}" is not an EC2 instance id (expected "i-" and 8 or 17 hex digits).`,
    'Copy the instance id of the Secure Agent\'s EC2 instance from the EC2 console, e.g. "i-0123456789abcdef0".',
  );
}

import { fail, ok, type Result } from '../errors';

/** STS's rule for `ExternalId` (AssumeRole API reference): 2–1224 characters of `[\w+=,.@:/-]`. */
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

export function validateExternalId(value: string): Result<string> {
  if (EXTERNAL_ID.test(value)) return ok(value);
  const why =
    value.length < 2 || value.length > 1224
      ? `it has ${value.length} characters; STS accepts 2 to 1224`
      : `it contains ${JSON.stringify([...value].find((ch) => !/[\w+=,.@:/-]/.test(ch)))}; STS accepts only letters, digits and + = , . @ : / - _`;
  return fail(
    'INVALID_EXTERNAL_ID',
    `The External Id is not valid: ${why}.`,
    'Use the same External Id in the trust policy and the connection, e.g. a random string such as "keyless-7f3a9c2e".',
  );
}

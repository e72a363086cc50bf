import { fail, ok, type Result } from '../errors';

export interface ResourceTag {
  readonly key: string;
  readonly value: string;
}

/** IAM's tag rules (TagRole API reference): at most 50 tags; key 1–128, value 0–256 characters. */
export const MAX_TAGS = 50;
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const NEXT_STEP = 'Use letters, digits, spaces and _ . : / = + - @ in tags; keys 1–128 characters, values up to 256.';

export function validateTag(tag: ResourceTag): Result<ResourceTag> {
  const { key, value } = tag;
  if (key.length < 1 || key.length > 128) {
    return fail('INVALID_TAG', `The tag key "${key}" has ${key.length} characters; IAM allows 1 to 128.`, NEXT_STEP);
  }
  if (key.toLowerCase().startsWith('aws:')) {
    return fail('INVALID_TAG', `The tag key "${key}" starts with "aws:", a prefix reserved for AWS.`, 'Choose a tag key without the "aws:" prefix.');
  }
  if (value.length > 256) {
    return fail('INVALID_TAG', `The value of tag "${key}" has ${value.length} characters; IAM allows at most 256.`, NEXT_STEP);
  }
  if (!TAG_CHARACTERS.test(key) || !TAG_CHARACTERS.test(value)) {
    return fail('INVALID_TAG', `The tag ${JSON.stringify(`${key}=${value}`)} contains a character IAM does not allow in tags.`, NEXT_STEP);
  }
  return ok(tag);
}

export function validateTags(tags: readonly ResourceTag[]): Result<readonly ResourceTag[]> {
  if (tags.length > MAX_TAGS) {
    return fail('INVALID_TAG', `${tags.length} tags given; IAM allows at most ${MAX_TAGS} per resource.`, 'Remove some tags.');
  }
  const seen = new Set<string>();
  for (const tag of tags) {
    const checked = validateTag(tag);
    if (!checked.ok) return fail(checked.error.code, checked.error.message, checked.error.nextStep);
    // IAM treats tag keys case-insensitively for uniqueness.
    const lower = tag.key.toLowerCase();
    if (seen.has(lower)) return fail('INVALID_TAG', `The tag key "${tag.key}" is given twice.`, 'Give each tag key once.');
    seen.add(lower);
  }
  return ok(tags);
}

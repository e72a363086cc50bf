import { fail, ok, type Result } from '../errors';

/**
 * IAM name and path rules (aws.md §4.2, from the IAM API models): names are `[\w+=,.@-]`, roles up
 * to 64 characters, instance profiles and managed policies up to 128; paths are "/" or
 * "/…/" of printable ASCII, up to 512 characters.
 */
const NAME_CHARACTER = /[\w+=,.@-]/;

export type IamNameKind = 'role' | 'instanceProfile' | 'managedPolicy';

const LIMITS: Readonly<Record<IamNameKind, { max: number; label: string; code: `INVALID_${string}` }>> = {
  role: { max: 64, label: 'role name', code: 'INVALID_ROLE_NAME' },
  instanceProfile: { max: 128, label: 'instance profile name', code: 'INVALID_INSTANCE_PROFILE_NAME' },
  managedPolicy: { max: 128, label: 'policy name', code: 'INVALID_POLICY_NAME' },
};

export function validateIamName(kind: IamNameKind, name: string): Result<string> {
  const { max, label, code } = LIMITS[kind];
  const nextStep = `Use 1 to ${max} letters, digits and + = , . @ - _ for the ${label}, e.g. "informatica-s3-connector".`;
  if (name.length < 1 || name.length > max) {
    return fail(code, `The ${label} "${name}" has ${name.length} characters; IAM allows 1 to ${max}.`, nextStep);
  }
  const bad = [...name].find((ch) => !NAME_CHARACTER.test(ch));
  if (bad !== undefined) {
    return fail(code, `The ${label} "${name}" contains ${JSON.stringify(bad)}, which IAM does not allow in names.`, nextStep);
  }
  return ok(name);
}

export const validateRoleName = (name: string): Result<string> => validateIamName('role', name);
export const validateInstanceProfileName = (name: string): Result<string> => validateIamName('instanceProfile', name);
export const validateManagedPolicyName = (name: string): Result<string> => validateIamName('managedPolicy', name);

export function validateIamPath(path: string): Result<string> {
  const nextStep = 'Use "/" or a path that starts and ends with "/", such as "/informatica/".';
  if (path.length > 512) {
    return fail('INVALID_IAM_PATH', `The IAM path has ${path.length} characters; IAM allows at most 512.`, nextStep);
  }
  if (path === '/') return ok(path);
  if (!path.startsWith('/') || !path.endsWith('/') || path.length < 3) {
    return fail('INVALID_IAM_PATH', `The IAM path "${path}" must be "/" or begin and end with "/".`, nextStep);
  }
  const bad = [...path].find((ch) => {
    const code = ch.codePointAt(0) ?? 0;
    return code < 0x21 || code > 0x7e;
  });
  if (bad !== undefined) {
    return fail('INVALID_IAM_PATH', `The IAM path "${path}" contains ${JSON.stringify(bad)}; IAM paths are printable ASCII without spaces.`, nextStep);
  }
  if (path.includes('//')) {
    return fail('INVALID_IAM_PATH', `The IAM path "${path}" contains "//", an empty path segment.`, nextStep);
  }
  return ok(path);
}

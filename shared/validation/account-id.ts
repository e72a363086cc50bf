import { fail, ok, type Result } from '../errors';

export function validateAccountId(value: string): Result<string> {
  if (/^\d{12}$/.test(value)) return ok(value);
  const digits = value.replace(/\D/g, '');
  const hint = digits.length === 12 && digits !== value ? ` (remove the separators: ${digits})` : '';
  return fail(
    'INVALID_ACCOUNT_ID',
    `"${value}" is not an AWS account id: it must be exactly 12 digits${hint}.`,
    'Copy the 12-digit account id from the AWS console\'s account menu or from `aws sts get-caller-identity`.',
  );
}

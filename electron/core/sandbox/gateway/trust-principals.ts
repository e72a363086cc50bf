import { parsePolicy } from '../../../../shared/policy/parse';
import type { PropagationTracker } from './propagation';

/**
 * IAM refuses a trust policy that names a principal it cannot see yet: right after CreateRole,
 * another role's trust policy naming it fails with MalformedPolicyDocument "Invalid principal in
 * policy" until the new role has propagated (aws.md §1.5; Terraform retries exactly this).
 */

const ROLE_ARN = /^arn:[^:]+:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;

/** The first principal of the trust policy that is still propagating, if any. */
export function pendingTrustPrincipal(trustPolicyText: string | null, propagation: PropagationTracker): string | undefined {
  if (trustPolicyText === null) return undefined;
  const parsed = parsePolicy(trustPolicyText, 'trust');
  // A document IAM would reject anyway is left for moto to answer.
  if (!parsed.ok) return undefined;
  for (const statement of parsed.document.Statement) {
    if (statement.Principal === undefined || statement.Principal === '*') continue;
    for (const arn of statement.Principal.AWS ?? []) {
      const role = ROLE_ARN.exec(arn);
      if (role !== null && propagation.isRolePending(role[1]!, role[2]!)) return arn;
    }
  }
  return undefined;
}

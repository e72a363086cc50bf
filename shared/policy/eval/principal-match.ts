import { parseArn } from '../arn';
import type { Principal, PrincipalMap } from '../model';
import type { Caller } from './caller';

/**
 * `Principal` and `NotPrincipal` in resource-based and trust policies (IAM User Guide,
 * "AWS JSON policy elements: Principal" and "NotPrincipal").
 *
 * How a statement names the caller matters to the decision, so matching returns the kind of
 * grant (see `evaluate.ts`):
 * - `direct`: the caller's own ARN (IAM user, role session, federated user), its service
 *   name, or the root user of the named account;
 * - `role`: the ARN of the IAM role the caller is a session of (a role ARN principal covers
 *   every session of that role);
 * - `everyone`: `"*"` or `{"AWS": "*"}`;
 * - `account`: a 12-digit account id or `arn:…:iam::ACCOUNT:root`, which delegates to the
 *   account: its identity policies must still allow the request.
 * Wildcards other than a lone `*` are not allowed in a principal, so other entries compare
 * exactly.
 */
export type GrantKind = 'direct' | 'role' | 'everyone' | 'account';

const STRENGTH: Readonly<Record<GrantKind, number>> = { account: 1, everyone: 2, role: 3, direct: 4 };

export function strongerGrant(a: GrantKind | undefined, b: GrantKind | undefined): GrantKind | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return STRENGTH[a] >= STRENGTH[b] ? a : b;
}

/** How `principal` names the caller, or undefined when it does not. */
export function principalGrant(principal: Principal, caller: Caller): GrantKind | undefined {
  if (principal === '*') return 'everyone';
  let best: GrantKind | undefined;
  for (const entry of principal.AWS ?? []) best = strongerGrant(best, awsEntryGrant(entry, caller));
  if (caller.kind === 'service' && (principal.Service ?? []).some((service) => service.toLowerCase() === caller.service)) best = 'direct';
  if (caller.arn !== undefined && caller.kind !== 'service') {
    if ((principal.Federated ?? []).includes(caller.arn) || (principal.CanonicalUser ?? []).includes(caller.arn)) best = 'direct';
  }
  return best;
}

function awsEntryGrant(entry: string, caller: Caller): GrantKind | undefined {
  if (entry === '*') return 'everyone';
  if (caller.kind === 'service' || caller.kind === 'anonymous') return undefined;
  const account = accountOfEntry(entry);
  if (account !== undefined) {
    if (caller.account !== account) return undefined;
    return caller.kind === 'root' ? 'direct' : 'account';
  }
  if (namesCallersRole(entry, caller)) return 'role';
  return entry === caller.arn ? 'direct' : undefined;
}

/** The account a principal entry delegates to: `123456789012` or `arn:aws:iam::123456789012:root`. */
function accountOfEntry(entry: string): string | undefined {
  if (/^\d{12}$/.test(entry)) return entry;
  const arn = parseArn(entry);
  return arn !== undefined && arn.service === 'iam' && arn.resource === 'root' ? arn.account : undefined;
}

/** A role ARN entry naming the caller's role: the role itself or any session of it. */
function namesCallersRole(entry: string, caller: Caller): boolean {
  if (caller.kind !== 'role' && caller.kind !== 'session') return false;
  const arn = parseArn(entry);
  if (arn === undefined || arn.service !== 'iam' || !arn.resource.startsWith('role/')) return false;
  if (caller.kind === 'role') return entry === caller.arn;
  const roleName = arn.resource.slice(arn.resource.lastIndexOf('/') + 1);
  return arn.partition === caller.partition && arn.account === caller.account && roleName === caller.roleName;
}

/**
 * Is the caller exempt from a `NotPrincipal` statement? The NotPrincipal page says AWS may
 * check the account, then the role, then the session, so a caller is exempt only when every
 * link of that chain is listed (the page's examples list the session ARN, the role ARN and
 * the account ARN together). Taking the strict reading means a deny the real service might
 * skip is reported, never the reverse.
 */
export function notPrincipalExempts(notPrincipal: Principal, caller: Caller): boolean {
  if (notPrincipal === '*') return true;
  const aws = notPrincipal.AWS ?? [];
  if (aws.includes('*') && caller.kind !== 'service' && caller.kind !== 'anonymous') return true;
  switch (caller.kind) {
    case 'anonymous':
      return false;
    case 'service':
      return (notPrincipal.Service ?? []).some((service) => service.toLowerCase() === caller.service);
    case 'root':
      return listsAccount(aws, caller);
    case 'session':
      return listsExactly(notPrincipal, caller) && aws.some((entry) => namesCallersRole(entry, caller)) && listsAccount(aws, caller);
    default:
      return listsExactly(notPrincipal, caller) && listsAccount(aws, caller);
  }
}

function listsExactly(principal: PrincipalMap, caller: Caller): boolean {
  if (caller.arn === undefined) return false;
  return [principal.AWS, principal.Federated, principal.CanonicalUser].some((list) => (list ?? []).includes(caller.arn as string));
}

function listsAccount(aws: readonly string[], caller: Caller): boolean {
  return caller.account !== undefined && aws.some((entry) => accountOfEntry(entry) === caller.account);
}

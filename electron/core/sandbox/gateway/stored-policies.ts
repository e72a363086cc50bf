import { parsePolicyText } from '../../../../shared/policy/parse';
import type { NamedPolicy, PolicyKind } from '../../../../shared/policy/model';
import type { GatewayContext } from './gateway-context';
import type { PolicySourceType, PrincipalPolicies, StoredPolicy } from './moto-system-access';

/**
 * Policies read from moto (or given in a request), parsed with our parser so the evaluator can
 * judge them, keeping where each statement starts for SimulatePrincipalPolicy's MatchedStatements.
 */

export interface LoadedPolicy {
  readonly policy: NamedPolicy;
  readonly sourceType: PolicySourceType;
  readonly statementStart: (index: number) => { line: number; column: number } | undefined;
}

export type LoadOutcome = { readonly ok: true; readonly loaded: LoadedPolicy } | { readonly ok: false; readonly message: string };

export function loadPolicy(stored: StoredPolicy, kind: PolicyKind): LoadOutcome {
  const parsed = parsePolicyText(stored.text, kind);
  if (!parsed.outcome.ok) {
    const first = parsed.outcome.errors[0];
    return { ok: false, message: `Policy ${stored.name} cannot be read: ${first?.message ?? 'invalid policy'}` };
  }
  return {
    ok: true,
    loaded: {
      policy: { name: stored.name, document: parsed.outcome.document },
      sourceType: stored.sourceType,
      statementStart: (index) => parsed.locate(['Statement', index]),
    },
  };
}

export interface LoadedPrincipal {
  readonly identity: readonly LoadedPolicy[];
  readonly boundary?: LoadedPolicy;
}

/** ARN of a user, role or role session → its stored policies; undefined when it does not exist. */
export async function principalPolicies(ctx: GatewayContext, principalArn: string): Promise<PrincipalPolicies | undefined> {
  const user = /^arn:[^:]+:iam::(\d{12}):user\/(?:.*\/)?([^/]+)$/.exec(principalArn);
  if (user !== null) return ctx.access.userPolicies(user[1]!, user[2]!);
  const role = /^arn:[^:]+:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(principalArn);
  if (role !== null) return ctx.access.rolePolicies(role[1]!, role[2]!);
  const session = /^arn:[^:]+:sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/.exec(principalArn);
  if (session !== null) return ctx.access.rolePolicies(session[1]!, session[2]!);
  return undefined;
}

export function loadPrincipal(policies: PrincipalPolicies): { ok: true; principal: LoadedPrincipal } | { ok: false; message: string } {
  const identity: LoadedPolicy[] = [];
  for (const stored of policies.identity) {
    const outcome = loadPolicy(stored, stored.sourceType === 'user-managed' || stored.sourceType === 'aws-managed' ? 'managed' : 'inline');
    if (!outcome.ok) return outcome;
    identity.push(outcome.loaded);
  }
  if (policies.boundary === undefined) return { ok: true, principal: { identity } };
  const boundary = loadPolicy(policies.boundary, 'boundary');
  if (!boundary.ok) return boundary;
  return { ok: true, principal: { identity, boundary: boundary.loaded } };
}

export function accountOfArn(arn: string): string | undefined {
  return /^arn:[^:]+:[^:]+:[^:]*:(\d{12}):/.exec(arn)?.[1];
}

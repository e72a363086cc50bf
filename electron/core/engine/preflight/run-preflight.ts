import { GetRoleCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { buildOperatorPolicy } from '../../../../shared/plan/operator-policy';
import type { RequiredPermission } from '../../../../shared/plan/operator-policy';
import type { AccountRole } from '../../../../shared/plan/plan-model';
import type { PolicyDocument } from '../../../../shared/policy/model';
import type { AwsClientFactory } from '../aws-clients';
import type { EngineAwsClients } from '../aws-clients';
import { checkFailed } from '../verify/aws-errors';
import { simulatePrincipal } from '../verify/simulate-principal';
import type { SimulatedDecision } from '../verify/simulate-principal';
import type { AccountPermission } from './required-permissions';

/**
 * Preflight (DESIGN §5): before anything changes, ask IAM's policy simulator whether the caller
 * of each account may make every call the plan needs, on the exact resource. What is missing
 * becomes the minimal operator policy to request. When the caller may not simulate, say so and
 * list everything needed instead of guessing.
 */


export interface PreflightCaller {
  readonly account: AccountRole;
  readonly accountId: string;
  /** As STS reports it: a user, a role session, root... */
  readonly arn: string;
  /** What was simulated: the user, or the role behind a session. Absent when nothing could be simulated. */
  readonly simulatedArn?: string;
  /** How the check went for this caller. */
  readonly simulation: 'simulated' | 'denied' | 'notSimulatable' | 'rootUser';
  /** One sentence when the simulation could not run. */
  readonly note?: string;
}

export interface PermissionCheck {
  readonly account: AccountRole;
  readonly permission: RequiredPermission;
  /** `unknown` when the simulator could not be asked. */
  readonly decision: SimulatedDecision | 'unknown';
}

export interface OperatorPolicyRequest {
  readonly account: AccountRole;
  readonly callerArn: string;
  readonly policy: PolicyDocument;
}

export interface PreflightReport {
  /** True when every needed permission was simulated and allowed. */
  readonly ok: boolean;
  readonly callers: readonly PreflightCaller[];
  readonly checks: readonly PermissionCheck[];
  /** Denied or unknown: what the operator policy grants. */
  readonly missing: readonly PermissionCheck[];
  /** One per account with something missing. */
  readonly operatorPolicies: readonly OperatorPolicyRequest[];
}

/** The principal to simulate for a caller: a user as is, a role session as its role (with its path when readable). */
async function simulationSource(clients: EngineAwsClients, callerArn: string): Promise<{ arn?: string; kind: PreflightCaller['simulation']; note?: string }> {
  const session = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(callerArn);
  if (session !== null) {
    const [, partition, accountId, roleName] = session as unknown as [string, string, string, string];
    try {
      const { Role } = await clients.iam.send(new GetRoleCommand({ RoleName: roleName }));
      if (Role?.Arn !== undefined) return { arn: Role.Arn, kind: 'simulated' };
    } catch {
      // Without iam:GetRole the role's path is unknown; most roles have none, so try without it.
    }
    return { arn: `arn:${partition}:iam::${accountId}:role/${roleName}`, kind: 'simulated' };
  }
  if (/^arn:[^:]+:iam::\d{12}:root$/.test(callerArn)) {
    return { kind: 'rootUser', note: 'The caller is the account root user, which may do everything in its account (unless an SCP denies it); AWS advises against using it.' };
  }
  if (/^arn:[^:]+:iam::\d{12}:user\//.test(callerArn)) return { arn: callerArn, kind: 'simulated' };
  return { kind: 'notSimulatable', note: `IAM's policy simulator cannot evaluate ${callerArn} (only users and roles can be simulated).` };
}

async function checkAccount(account: AccountRole, clients: EngineAwsClients, needed: readonly RequiredPermission[]): Promise<{ caller: PreflightCaller; checks: PermissionCheck[] }> {
  let identity;
  try {
    identity = await clients.sts.send(new GetCallerIdentityCommand({}));
  } catch (error) {
    throw checkFailed(`asking STS who the ${account} account's caller is`, error);
  }
  const arn = identity.Arn ?? '';
  const accountId = identity.Account ?? '';
  const source = await simulationSource(clients, arn);
  const unknownAll = (caller: PreflightCaller): { caller: PreflightCaller; checks: PermissionCheck[] } => ({
    caller,
    checks: needed.map((permission) => ({ account, permission, decision: 'unknown' })),
  });
  if (source.kind === 'rootUser') {
    return { caller: { account, accountId, arn, simulation: 'rootUser', ...(source.note === undefined ? {} : { note: source.note }) }, checks: needed.map((permission) => ({ account, permission, decision: 'allowed' })) };
  }
  if (source.arn === undefined) return unknownAll({ account, accountId, arn, simulation: source.kind, ...(source.note === undefined ? {} : { note: source.note }) });

  const outcome = await simulatePrincipal(
    clients.iam,
    source.arn,
    needed.map((permission) => ({ action: permission.action, resource: permission.resource, ...(permission.context === undefined ? {} : { context: permission.context }) })),
  );
  if (outcome.kind !== 'answered') {
    const note =
      outcome.kind === 'denied'
        ? `Your permissions could not be checked: ${arn} may not call iam:SimulatePrincipalPolicy on ${source.arn} (${outcome.detail}). Below is everything the plan needs; grant iam:SimulatePrincipalPolicy on ${source.arn} too if you want preflight to check next time.`
        : `Your permissions could not be checked: IAM does not know ${source.arn} (${outcome.detail}). Below is everything the plan needs.`;
    return unknownAll({ account, accountId, arn, simulatedArn: source.arn, simulation: outcome.kind === 'denied' ? 'denied' : 'notSimulatable', note });
  }
  return {
    caller: { account, accountId, arn, simulatedArn: source.arn, simulation: 'simulated' },
    checks: needed.map((permission, index) => ({ account, permission, decision: outcome.answers[index]!.decision })),
  };
}

export async function runPreflight(needs: readonly AccountPermission[], factory: AwsClientFactory): Promise<PreflightReport> {
  const accounts = [...new Set(needs.map((need) => need.account))];
  const callers: PreflightCaller[] = [];
  const checks: PermissionCheck[] = [];
  for (const account of accounts) {
    const result = await checkAccount(account, factory.clients(account), needs.filter((need) => need.account === account).map((need) => need.permission));
    callers.push(result.caller);
    checks.push(...result.checks);
  }
  const missing = checks.filter((check) => check.decision !== 'allowed');
  const operatorPolicies: OperatorPolicyRequest[] = [];
  for (const caller of callers) {
    const forAccount = missing.filter((check) => check.account === caller.account).map((check) => check.permission);
    if (forAccount.length > 0) operatorPolicies.push({ account: caller.account, callerArn: caller.simulatedArn ?? caller.arn, policy: buildOperatorPolicy(forAccount) });
  }
  return { ok: missing.length === 0, callers, checks, missing, operatorPolicies };
}

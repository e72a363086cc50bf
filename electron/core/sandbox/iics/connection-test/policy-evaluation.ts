import { evaluate } from '../../../../../shared/policy/evaluate';
import type { EvaluationResult, RequestContext } from '../../../../../shared/policy/evaluation-types';
import type { NamedPolicy, PolicyKind } from '../../../../../shared/policy/model';
import { parsePolicy } from '../../../../../shared/policy/parse';
import type { PolicyText, RoleState } from './aws-state-reader';
import { LinkFailure } from './link-failure';

/**
 * The connection test decides with the project's own IAM parser and evaluator (shared/policy),
 * over the documents moto holds — the same logic the app uses to explain a policy.
 */

export function namedPolicy(policy: PolicyText, kind: PolicyKind, owner: string): NamedPolicy {
  const outcome = parsePolicy(policy.text, kind);
  if (!outcome.ok) {
    const first = outcome.errors[0];
    throw new LinkFailure(
      'POLICY_UNREADABLE',
      `The ${kind} policy "${policy.name}" of ${owner} cannot be read: ${first?.message ?? 'it is not a valid policy'}.`,
    );
  }
  return { name: policy.name, document: outcome.document };
}

/** The role's identity policies and boundary in the evaluator's terms. */
export interface RolePolicies {
  readonly role: RoleState;
  readonly identityPolicies: readonly NamedPolicy[];
  readonly permissionsBoundary: NamedPolicy | undefined;
}

export function rolePolicies(role: RoleState): RolePolicies {
  const owner = `role ${role.arn}`;
  return {
    role,
    identityPolicies: [
      ...role.inlinePolicies.map((p) => namedPolicy(p, 'inline', owner)),
      ...role.attachedPolicies.map((p) => namedPolicy(p, 'managed', owner)),
    ],
    permissionsBoundary: role.permissionsBoundary === undefined ? undefined : namedPolicy(role.permissionsBoundary, 'boundary', owner),
  };
}

export interface Decide {
  readonly request: RequestContext;
  readonly caller: RolePolicies | undefined;
  readonly resourcePolicy?: NamedPolicy;
  readonly resourceAccount?: string;
}

export function decide({ request, caller, resourcePolicy, resourceAccount }: Decide): EvaluationResult {
  return evaluate({
    request,
    identityPolicies: caller?.identityPolicies ?? [],
    ...(caller?.permissionsBoundary === undefined ? {} : { permissionsBoundary: caller.permissionsBoundary }),
    ...(resourcePolicy === undefined ? {} : { resourcePolicy }),
    ...(resourceAccount === undefined ? {} : { resourceAccount }),
  });
}

/** The ARN a role's credentials act as: a session of the role. */
export function sessionArn(role: RoleState, sessionName: string): string {
  const partition = role.arn.split(':')[1] ?? 'aws';
  return `arn:${partition}:sts::${role.account}:assumed-role/${role.name}/${sessionName}`;
}

export function callerContext(role: RoleState, sessionName: string): RequestContext['principal'] {
  return { arn: sessionArn(role, sessionName), account: role.account };
}

export function principalContextKeys(role: RoleState): Record<string, string> {
  return { 'aws:PrincipalArn': role.arn, 'aws:PrincipalAccount': role.account, 'aws:SecureTransport': 'true' };
}

import { instanceArn } from './arns';
import { analyseInstance } from './existing-profile';
import { desiredSetup, KEYS, validatePlanInput, type DesiredSetup } from './desired-setup';
import type { AccountObservation, LookupList, ObservedInstance, ObservedState } from './observed-state';
import { PlanBuilder, runTags } from './plan-builder';
import { planInstanceProfile, planAssociation } from './plan-instance';
import type { AccountRole, Plan } from './plan-model';
import { planAttachment, planPolicy } from './plan-policies';
import { planRole } from './plan-roles';
import type { PlanIdentities, ProvisionInput } from './provision-input';

/**
 * Observed state → plan, with no I/O: the engine reads, this decides. Planning twice from the
 * state after a successful apply yields a plan with no steps.
 */

export interface PlanRequest {
  readonly input: ProvisionInput;
  readonly identities: PlanIdentities;
  readonly state: ObservedState;
  readonly runId: string;
  readonly createdAt: string;
}

/** What the engine must look up, once it knows how the instance is set up. */
export function lookupsFor(input: ProvisionInput, identities: PlanIdentities, instance: ObservedInstance): Partial<Record<AccountRole, LookupList>> {
  validatePlanInput(input, identities);
  const analysis = analyseInstance(instance, input.setup, input.names.instanceProfile, input.existingProfileChoice);
  const desired = desiredSetup(input, identities, analysis.side);
  const lists: Partial<Record<AccountRole, { roles: Set<string>; policyArns: Set<string>; instanceProfiles: Set<string> }>> = {};
  const listOf = (account: AccountRole) => (lists[account] ??= { roles: new Set(), policyArns: new Set(), instanceProfiles: new Set() });
  for (const role of desired.roles) listOf(role.account).roles.add(role.name);
  for (const policy of desired.policies) {
    listOf(policy.account).policyArns.add(policy.arn);
    listOf(policy.account).roles.add(policy.attachTo.roleName);
  }
  if (desired.profile !== undefined) listOf('agent').instanceProfiles.add(desired.profile.name);
  const out: Partial<Record<AccountRole, LookupList>> = {};
  for (const [account, list] of Object.entries(lists) as [AccountRole, { roles: Set<string>; policyArns: Set<string>; instanceProfiles: Set<string> }][]) {
    out[account] = { roles: [...list.roles], policyArns: [...list.policyArns], instanceProfiles: [...list.instanceProfiles] };
  }
  return out;
}

const EMPTY: AccountObservation = { roles: {}, policies: {}, instanceProfiles: {} };

function roleArnOf(desired: DesiredSetup, observed: AccountObservation, roleName: string, fallback: string): string {
  return desired.roles.find((role) => role.name === roleName)?.arn ?? observed.roles[roleName]?.arn ?? fallback;
}

export function planProvisioning(request: PlanRequest): Plan {
  const { input, identities, state, runId } = request;
  validatePlanInput(input, identities);
  const analysis = analyseInstance(state.instance, input.setup, input.names.instanceProfile, input.existingProfileChoice);
  const desired = desiredSetup(input, identities, analysis.side);
  const builder = new PlanBuilder(runTags(input.tags, runId));
  builder.blockers.push(...analysis.blockers);
  builder.warnings.push(...analysis.warnings);
  for (const [account, observed] of [['agent', state.agent], ['bucket', state.bucket]] as const) {
    for (const what of observed?.unreadable ?? []) {
      builder.warnings.push({
        code: 'STATE_UNREADABLE',
        message: `Could not read ${what} in the ${account} account (access denied); it is planned as if it did not exist.`,
        nextStep: 'Preflight names the read permissions to ask for; apply stops until they are granted.',
      });
    }
  }
  const observedFor = (account: AccountRole): AccountObservation => (account === 'agent' ? state.agent : (state.bucket ?? EMPTY));
  const { partition } = identities.agent;

  if (analysis.side.mode !== 'blocked') {
    const instanceRole = desired.roles.find((role) => role.key === KEYS.instanceRole);
    for (const role of desired.roles) {
      // B: the connector role's trust names the instance role, which IAM rejects until that role exists.
      const waitFor = role.key === KEYS.connectorRole && role.account === 'agent' && instanceRole !== undefined ? [builder.stepFor(instanceRole.key)] : [];
      planRole(builder, role, observedFor(role.account), input.permissionsBoundaryArn, waitFor);
    }
    for (const policy of desired.policies) {
      const description = policy.key === KEYS.s3Policy ? `Keyless: S3 access for the Informatica S3 v2 connection to ${input.bucket}` : 'Keyless: lets the instance role assume the S3 connector role';
      planPolicy(builder, policy, observedFor(policy.account), description);
    }
    for (const policy of desired.policies) {
      const observed = observedFor(policy.account);
      planAttachment(builder, policy, observed, roleArnOf(desired, observed, policy.attachTo.roleName, policy.arn));
    }
    if (desired.profile !== undefined) {
      planInstanceProfile(builder, desired.profile, state.agent, input.path);
      planAssociation(builder, desired.profile, analysis.side, input.instanceId, instanceArn(partition, input.region, identities.agent.accountId, input.instanceId));
    }
  }

  const useConnector = desired.effectiveSetup !== 'instanceRole';
  return {
    formatVersion: 1,
    runId,
    createdAt: request.createdAt,
    input,
    effectiveSetup: desired.effectiveSetup,
    region: input.region,
    accounts: { agent: identities.agent.accountId, ...(identities.bucket !== undefined ? { bucket: identities.bucket.accountId } : {}) },
    partition,
    resources: builder.resources,
    steps: builder.blockers.length > 0 ? [] : builder.steps,
    warnings: builder.warnings,
    blockers: builder.blockers,
    connection: {
      ...(useConnector && desired.connectorRoleArn !== undefined ? { iamRoleArn: desired.connectorRoleArn } : {}),
      useEc2RoleToAssumeRole: useConnector,
      ...(useConnector && input.externalId !== undefined ? { externalId: input.externalId } : {}),
    },
  };
}

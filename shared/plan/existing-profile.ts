import type { SetupKind } from '../export/export-input';
import type { ObservedInstance, ObservedRole } from './observed-state';
import type { ChoiceOption, PlanIssue } from './plan-model';
import type { ExistingProfileChoice } from './provision-input';

/**
 * The instance already has someone else's instance profile (the seed's closing warning). Keyless
 * never widens or replaces it silently: without an explicit choice the plan is blocked and the
 * three ways forward are spelled out with what each does to the other applications.
 */

export type InstanceSide =
  /** No association: create ours and associate it. */
  | { readonly mode: 'associate' }
  /** Already associated with our profile. */
  | { readonly mode: 'ours'; readonly associationId: string }
  /** Choice 3: our profile replaces theirs. */
  | { readonly mode: 'replace'; readonly associationId: string; readonly previousProfileArn: string }
  /** Choices 1 and 2: work through the role already on the instance. */
  | { readonly mode: 'existingRole'; readonly role: ObservedRole; readonly choice: Exclude<ExistingProfileChoice, 'replaceAssociation'> }
  | { readonly mode: 'blocked' };

export interface InstanceAnalysis {
  readonly side: InstanceSide;
  readonly blockers: PlanIssue[];
  readonly warnings: PlanIssue[];
}

function otherPolicies(role: ObservedRole | undefined): string {
  if (role === undefined) return 'its policies could not be read';
  const names = [...role.attachedPolicyArns.map((arn) => arn.slice(arn.lastIndexOf('/') + 1)), ...role.inlinePolicyNames.map((name) => `${name} (inline)`)];
  return names.length === 0 ? 'it has no other policies' : `it already holds ${names.join(', ')}`;
}

export function existingProfileOptions(instance: ObservedInstance): ChoiceOption[] {
  const profile = instance.association?.profileName ?? 'the current profile';
  const role = instance.associatedRole;
  const roleName = role?.name ?? 'its role';
  return [
    {
      choice: 'assumeConnectorRole',
      title: `Set up B: add only sts:AssumeRole on a new connector role to ${roleName}`,
      consequence: `${roleName} gains permission to assume one connector role that holds the S3 access; the other applications on the instance gain no S3 access unless they assume that role too. Nothing else on ${roleName} or ${profile} changes.`,
      recommended: true,
    },
    {
      choice: 'extendExistingRole',
      title: `Attach the S3 policy to ${roleName}`,
      consequence: `Every application on instance ${instance.instanceId} inherits the S3 access, since they all use ${roleName}; ${otherPolicies(role)}.`,
      recommended: false,
    },
    {
      choice: 'replaceAssociation',
      title: `Replace ${profile} on the instance with Keyless's own profile`,
      consequence: `The other applications on instance ${instance.instanceId} lose the permissions of ${roleName} (${otherPolicies(role)}) as soon as the association is replaced.`,
      recommended: false,
    },
  ];
}

export function analyseInstance(instance: ObservedInstance, setup: SetupKind, ourProfileName: string, choice: ExistingProfileChoice | undefined): InstanceAnalysis {
  const blockers: PlanIssue[] = [];
  const warnings: PlanIssue[] = [];
  if (!instance.exists) {
    blockers.push({
      code: 'INSTANCE_NOT_FOUND',
      message: `EC2 instance ${instance.instanceId} does not exist in this account and region.`,
      nextStep: 'Check the instance id and the region (--region), and that the profile is for the agent account.',
    });
    return { side: { mode: 'blocked' }, blockers, warnings };
  }
  if (instance.state === 'stopped') {
    warnings.push({
      code: 'INSTANCE_STOPPED',
      message: `Instance ${instance.instanceId} is stopped; the profile can still be associated and takes effect when it starts.`,
      nextStep: 'Start the instance before testing the connection.',
    });
  }
  const association = instance.association;
  if (association === undefined) {
    if (choice !== undefined) warnings.push({ code: 'CHOICE_NOT_NEEDED', message: `Instance ${instance.instanceId} has no instance profile, so the existing-profile choice is not used.`, nextStep: 'Nothing to do.' });
    return { side: { mode: 'associate' }, blockers, warnings };
  }
  if (association.profileName === ourProfileName) return { side: { mode: 'ours', associationId: association.associationId }, blockers, warnings };

  if (choice === undefined) {
    blockers.push({
      code: 'EXISTING_INSTANCE_PROFILE',
      message: `Instance ${instance.instanceId} already uses instance profile ${association.profileName}${instance.associatedRole ? ` (role ${instance.associatedRole.name})` : ''}, which other applications on it may rely on. Keyless will not widen or replace it without your choice.`,
      nextStep: 'Choose one of the options (--existing-profile assume-connector-role | extend-existing-role | replace-association).',
      options: existingProfileOptions(instance),
    });
    return { side: { mode: 'blocked' }, blockers, warnings };
  }
  if (choice === 'replaceAssociation') {
    warnings.push({
      code: 'ASSOCIATION_REPLACED',
      message: existingProfileOptions(instance)[2]?.consequence ?? '',
      nextStep: 'Rollback of this run restores the previous association.',
    });
    return { side: { mode: 'replace', associationId: association.associationId, previousProfileArn: association.profileArn }, blockers, warnings };
  }
  const role = instance.associatedRole;
  if (role === undefined) {
    blockers.push({
      code: 'EXISTING_PROFILE_HAS_NO_ROLE',
      message: `Instance profile ${association.profileName} on ${instance.instanceId} holds no role, so there is no existing role to work through.`,
      nextStep: 'Choose --existing-profile replace-association, or add a role to that profile first.',
    });
    return { side: { mode: 'blocked' }, blockers, warnings };
  }
  if (choice === 'extendExistingRole' && setup !== 'instanceRole') {
    blockers.push({
      code: 'EXTEND_NEEDS_SETUP_A',
      message: `In setup ${setup === 'crossAccount' ? 'C' : 'B'} the instance role only ever gets sts:AssumeRole, which is what assume-connector-role does.`,
      nextStep: 'Use --existing-profile assume-connector-role.',
    });
    return { side: { mode: 'blocked' }, blockers, warnings };
  }
  if (choice === 'extendExistingRole') {
    warnings.push({ code: 'EXISTING_ROLE_WIDENED', message: existingProfileOptions(instance)[1]?.consequence ?? '', nextStep: 'Prefer assume-connector-role to keep the S3 access to the connector alone.' });
  }
  return { side: { mode: 'existingRole', role, choice }, blockers, warnings };
}

import type { DesiredSetup } from './desired-setup';
import type { InstanceSide } from './existing-profile';
import type { AccountObservation } from './observed-state';
import type { PlanBuilder} from './plan-builder';
import { dependencies } from './plan-builder';

type Profile = NonNullable<DesiredSetup['profile']>;

/** The instance profile, the role in it (one role per profile, checked before, not by error), and the association. */
export function planInstanceProfile(builder: PlanBuilder, profile: Profile, observed: AccountObservation, path: string): void {
  const current = observed.instanceProfiles[profile.name];
  const base = { key: 'instance-profile', kind: 'instanceProfile' as const, account: 'agent' as const, name: profile.name, arn: profile.arn };
  if (current === null || current === undefined) {
    builder.resource({ ...base, action: 'create', reason: `Instance profile ${profile.name} does not exist.` }, [
      {
        id: 'instance-profile:create',
        resource: base.key,
        account: 'agent',
        service: 'iam',
        operation: 'CreateInstanceProfile',
        params: { InstanceProfileName: profile.name, Path: path, Tags: builder.tags },
        resourceArn: profile.arn,
        dependsOn: [],
        summary: `Create instance profile ${profile.name}`,
      },
    ]);
  } else builder.resource({ ...base, arn: current.arn, action: 'keep', reason: `Instance profile ${profile.name} exists.` });

  const key = 'instance-profile:role';
  const roles = current?.roleNames ?? [];
  const inProfile = { key, kind: 'roleInProfile' as const, account: 'agent' as const, name: `${profile.roleName} in ${profile.name}` };
  if (roles.includes(profile.roleName)) {
    builder.resource({ ...inProfile, action: 'keep', reason: `Role ${profile.roleName} is in instance profile ${profile.name}.` });
    return;
  }
  if (roles.length > 0) {
    builder.blockers.push({
      code: 'PROFILE_HOLDS_ANOTHER_ROLE',
      message: `Instance profile ${profile.name} already holds role ${roles.join(', ')}; a profile holds one role, and replacing it would change what that role's users can do.`,
      nextStep: 'Choose another instance profile name (--instance-profile-name).',
    });
    return;
  }
  builder.resource({ ...inProfile, action: 'create', reason: `Role ${profile.roleName} is not in instance profile ${profile.name}.` }, [
    {
      id: `${key}:add`,
      resource: key,
      account: 'agent',
      service: 'iam',
      operation: 'AddRoleToInstanceProfile',
      params: { InstanceProfileName: profile.name, RoleName: profile.roleName },
      resourceArn: profile.arn,
      dependsOn: dependencies(builder.stepFor(profile.roleKey), builder.stepFor('instance-profile')),
      summary: `Put role ${profile.roleName} in instance profile ${profile.name}`,
    },
  ]);
}

export function planAssociation(builder: PlanBuilder, profile: Profile, side: InstanceSide, instanceId: string, instanceArn: string): void {
  const base = { key: 'association', kind: 'association' as const, account: 'agent' as const, name: `${profile.name} on ${instanceId}` };
  const waitFor = dependencies(builder.stepFor('instance-profile:role'), builder.stepFor('instance-profile'));
  if (side.mode === 'ours') {
    builder.resource({ ...base, action: 'keep', reason: `Instance ${instanceId} already uses instance profile ${profile.name}.` });
    return;
  }
  if (side.mode === 'replace') {
    builder.resource({ ...base, action: 'replace', reason: `Instance ${instanceId} uses another instance profile (${side.previousProfileArn}); replaced as chosen.` }, [
      {
        id: 'association:replace',
        resource: base.key,
        account: 'agent',
        service: 'ec2',
        operation: 'ReplaceIamInstanceProfileAssociation',
        params: { AssociationId: side.associationId, IamInstanceProfile: { Name: profile.name } },
        resourceArn: instanceArn,
        passRoleArn: profile.roleArn,
        dependsOn: waitFor,
        context: { previousProfileArn: side.previousProfileArn },
        summary: `Replace the instance profile of ${instanceId} with ${profile.name}`,
      },
    ]);
    return;
  }
  builder.resource({ ...base, action: 'create', reason: `Instance ${instanceId} has no instance profile.` }, [
    {
      id: 'association:associate',
      resource: base.key,
      account: 'agent',
      service: 'ec2',
      operation: 'AssociateIamInstanceProfile',
      params: { InstanceId: instanceId, IamInstanceProfile: { Name: profile.name } },
      resourceArn: instanceArn,
      passRoleArn: profile.roleArn,
      dependsOn: waitFor,
      summary: `Associate instance profile ${profile.name} with ${instanceId}`,
    },
  ]);
}

import { GetInstanceProfileCommand, type IAMClient } from '@aws-sdk/client-iam';
import type { ObservedInstanceProfile } from '../../../../shared/plan/observed-state';
import { awsFailure, isNotFound } from '../aws-errors';
import { tagMap } from './read-role';

export async function readInstanceProfile(iam: IAMClient, name: string): Promise<ObservedInstanceProfile | null> {
  try {
    const { InstanceProfile: profile } = await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: name }));
    if (profile?.Arn === undefined) return null;
    return {
      name: profile.InstanceProfileName ?? name,
      arn: profile.Arn,
      roleNames: (profile.Roles ?? []).map((role) => role.RoleName ?? '').filter((roleName) => roleName !== ''),
      // GetInstanceProfile carries the tags (moto has no ListInstanceProfileTags).
      tags: tagMap(profile.Tags),
    };
  } catch (error) {
    if (isNotFound(error)) return null;
    throw awsFailure(error, `Reading instance profile ${name}`);
  }
}

import { DescribeIamInstanceProfileAssociationsCommand, DescribeInstancesCommand, type EC2Client } from '@aws-sdk/client-ec2';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { ObservedAssociation, ObservedInstance } from '../../../../shared/plan/observed-state';
import { nameOfArn } from '../../../../shared/plan/arns';
import { awsErrorFacts, awsFailure } from '../aws-errors';
import { readInstanceProfile } from './read-instance-profile';
import { readRole } from './read-role';

/** The live association of an instance (associating or associated), if any. */
export async function readAssociation(ec2: EC2Client, instanceId: string): Promise<ObservedAssociation | undefined> {
  let token: string | undefined;
  do {
    const page = await ec2.send(new DescribeIamInstanceProfileAssociationsCommand({ Filters: [{ Name: 'instance-id', Values: [instanceId] }], ...(token ? { NextToken: token } : {}) }));
    for (const association of page.IamInstanceProfileAssociations ?? []) {
      if (association.InstanceId !== instanceId) continue;
      if (association.State !== 'associated' && association.State !== 'associating') continue;
      const profileArn = association.IamInstanceProfile?.Arn ?? '';
      return { associationId: association.AssociationId ?? '', profileArn, profileName: nameOfArn(profileArn), state: association.State };
    }
    token = page.NextToken;
  } while (token !== undefined && token !== '');
  return undefined;
}

/** The instance, its current association, and the profile and role behind it (the shared-role case). */
export async function readInstance(ec2: EC2Client, iam: IAMClient, instanceId: string): Promise<ObservedInstance> {
  let state: string | undefined;
  try {
    const found = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
    const instance = found.Reservations?.flatMap((reservation) => reservation.Instances ?? []).find((candidate) => candidate.InstanceId === instanceId);
    if (instance === undefined || instance.State?.Name === 'terminated') return { instanceId, exists: false };
    state = instance.State?.Name;
  } catch (error) {
    const { code } = awsErrorFacts(error);
    if (code === 'InvalidInstanceID.NotFound' || code === 'InvalidInstanceID.Malformed') return { instanceId, exists: false };
    throw awsFailure(error, `Reading instance ${instanceId}`);
  }
  const association = await readAssociation(ec2, instanceId);
  if (association === undefined) return { instanceId, exists: true, ...(state !== undefined ? { state } : {}) };
  const profile = await readInstanceProfile(iam, association.profileName);
  const roleName = profile?.roleNames[0];
  const role = roleName === undefined ? null : await readRole(iam, roleName);
  return {
    instanceId,
    exists: true,
    ...(state !== undefined ? { state } : {}),
    association,
    ...(profile !== null ? { associatedProfile: profile } : {}),
    ...(role !== null ? { associatedRole: role } : {}),
  };
}

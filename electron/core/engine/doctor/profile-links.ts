import { GetInstanceProfileCommand } from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import { shellQuote } from '../../../../shared/export/shell-text';
import { brokenLink, okLink, unknownLink } from '../../../../shared/plan/chain-report';
import type { ChainReportLink } from '../../../../shared/plan/chain-report';
import { checkFailed, deniedDetail, isAccessDenied, isNotFound } from '../verify/aws-errors';

/** The instance profile behind an association, and the one role it may hold (aws.md §1.1). */

export type ProfileLookup =
  | { readonly kind: 'found'; readonly name: string; readonly roleArn?: string; readonly roleName?: string }
  | { readonly kind: 'notFound'; readonly name: string }
  | { readonly kind: 'denied'; readonly name: string; readonly detail: string };

export function profileNameOf(profileArn: string): string {
  return profileArn.slice(profileArn.lastIndexOf('/') + 1);
}

export async function findInstanceProfile(iam: IAMClient, profileArn: string): Promise<ProfileLookup> {
  const name = profileNameOf(profileArn);
  try {
    const { InstanceProfile } = await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: name }));
    const role = InstanceProfile?.Roles?.[0];
    return { kind: 'found', name, ...(role?.Arn === undefined ? {} : { roleArn: role.Arn }), ...(role?.RoleName === undefined ? {} : { roleName: role.RoleName }) };
  } catch (error) {
    if (isNotFound(error)) return { kind: 'notFound', name };
    if (isAccessDenied(error)) return { kind: 'denied', name, detail: deniedDetail(error) };
    throw checkFailed(`reading instance profile ${name}`, error);
  }
}

export function instanceProfileLink(lookup: ProfileLookup, profileArn: string, suggestedRole: string): ChainReportLink {
  const title = `Instance profile ${lookup.name} holds a role`;
  if (lookup.kind === 'notFound') {
    return brokenLink('instance-profile', title, `The instance is associated with ${profileArn}, which no longer exists in IAM.`, {
      summary: 'Associate an existing instance profile instead (keyless plan / keyless apply can replace the association), or recreate this one with the role.',
      command: `aws iam create-instance-profile --instance-profile-name ${shellQuote(lookup.name)}`,
    });
  }
  if (lookup.kind === 'denied') {
    return unknownLink('instance-profile', title, `The profile may not read ${profileArn}: ${lookup.detail}`, { summary: 'Grant the operator iam:GetInstanceProfile on it, or use a profile that has it.' });
  }
  if (lookup.roleArn === undefined) {
    return brokenLink('instance-profile', title, `Instance profile ${lookup.name} holds no role, so the instance gets no credentials.`, {
      summary: 'Add the agent\'s role to the instance profile.',
      command: `aws iam add-role-to-instance-profile --instance-profile-name ${shellQuote(lookup.name)} --role-name ${shellQuote(suggestedRole)}`,
    });
  }
  return okLink('instance-profile', title, `${lookup.name} holds role ${lookup.roleArn}.`);
}

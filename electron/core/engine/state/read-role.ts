import { GetRoleCommand, ListAttachedRolePoliciesCommand, ListRolePoliciesCommand, ListRoleTagsCommand, type IAMClient } from '@aws-sdk/client-iam';
import type { ObservedRole, Tags } from '../../../../shared/plan/observed-state';
import { awsFailure, decodePolicyDocument, isNotFound } from '../aws-errors';

export function tagMap(tags: readonly { Key?: string | undefined; Value?: string | undefined }[] | undefined): Tags {
  const out: Record<string, string> = {};
  for (const tag of tags ?? []) if (tag.Key !== undefined) out[tag.Key] = tag.Value ?? '';
  return out;
}

async function attachedPolicies(iam: IAMClient, roleName: string): Promise<string[]> {
  const arns: string[] = [];
  let marker: string | undefined;
  do {
    const page = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName, ...(marker ? { Marker: marker } : {}) }));
    for (const policy of page.AttachedPolicies ?? []) if (policy.PolicyArn !== undefined) arns.push(policy.PolicyArn);
    marker = page.IsTruncated === true ? page.Marker : undefined;
  } while (marker !== undefined);
  return arns;
}

async function inlinePolicies(iam: IAMClient, roleName: string): Promise<string[]> {
  const names: string[] = [];
  let marker: string | undefined;
  do {
    const page = await iam.send(new ListRolePoliciesCommand({ RoleName: roleName, ...(marker ? { Marker: marker } : {}) }));
    names.push(...(page.PolicyNames ?? []));
    marker = page.IsTruncated === true ? page.Marker : undefined;
  } while (marker !== undefined);
  return names;
}

/** A role with its trust policy, attached and inline policies and tags; null when absent. */
export async function readRole(iam: IAMClient, roleName: string): Promise<ObservedRole | null> {
  try {
    const { Role: role } = await iam.send(new GetRoleCommand({ RoleName: roleName }));
    if (role?.Arn === undefined) return null;
    const [attached, inline, tags] = await Promise.all([
      attachedPolicies(iam, roleName),
      inlinePolicies(iam, roleName),
      iam.send(new ListRoleTagsCommand({ RoleName: roleName })),
    ]);
    const boundary = role.PermissionsBoundary?.PermissionsBoundaryArn;
    return {
      name: role.RoleName ?? roleName,
      arn: role.Arn,
      path: role.Path ?? '/',
      trust: decodePolicyDocument(role.AssumeRolePolicyDocument),
      attachedPolicyArns: attached,
      inlinePolicyNames: inline,
      tags: tagMap(tags.Tags),
      ...(boundary !== undefined ? { permissionsBoundaryArn: boundary } : {}),
    };
  } catch (error) {
    if (isNotFound(error)) return null;
    throw awsFailure(error, `Reading role ${roleName}`);
  }
}

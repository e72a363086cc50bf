import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
} from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import { parsePolicy } from '../../../../shared/policy/parse';
import type { NamedPolicy, PolicyKind } from '../../../../shared/policy/model';
import { checkFailed, deniedDetail, isAccessDenied, isNotFound } from './aws-errors';

/**
 * A role as IAM stores it — trust policy, inline and attached policies, permissions boundary —
 * read with the operator's credentials and parsed with our parser, so the evaluator can judge
 * the role the way IAM would. Documents come back URL-encoded (aws.md §0.4).
 */

export interface RoleState {
  readonly name: string;
  readonly arn: string;
  readonly trust: NamedPolicy;
  readonly identityPolicies: readonly NamedPolicy[];
  readonly permissionsBoundary?: NamedPolicy;
  /** Policies that exist but could not be read or parsed: the evaluation is incomplete without them. */
  readonly unreadable: readonly string[];
}

export type RoleReadOutcome =
  | { readonly kind: 'found'; readonly role: RoleState }
  | { readonly kind: 'notFound' }
  /** The operator may not read the role itself: `action` is the IAM action that was denied. */
  | { readonly kind: 'denied'; readonly action: string; readonly detail: string };

export function decodePolicyText(text: string): string {
  return text.trimStart().startsWith('{') ? text : decodeURIComponent(text);
}

function parseNamed(name: string, text: string, kind: PolicyKind): NamedPolicy | undefined {
  const outcome = parsePolicy(decodePolicyText(text), kind);
  return outcome.ok ? { name, document: outcome.document } : undefined;
}

const roleNameOf = (roleArnOrName: string): string => roleArnOrName.slice(roleArnOrName.lastIndexOf('/') + 1);

async function managedPolicy(iam: IAMClient, policyArn: string, name: string, kind: PolicyKind): Promise<NamedPolicy | undefined> {
  const { Policy } = await iam.send(new GetPolicyCommand({ PolicyArn: policyArn }));
  const versionId = Policy?.DefaultVersionId;
  if (versionId === undefined) return undefined;
  const { PolicyVersion } = await iam.send(new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: versionId }));
  const text = PolicyVersion?.Document;
  return text === undefined ? undefined : parseNamed(name, text, kind);
}

/** Reads one piece; a denial or a parse failure marks it unreadable instead of failing the whole read. */
async function readPiece<T>(label: string, read: () => Promise<T | undefined>, unreadable: string[]): Promise<T | undefined> {
  try {
    const value = await read();
    if (value === undefined) unreadable.push(`${label} (not a valid policy document)`);
    return value;
  } catch (error) {
    if (isAccessDenied(error)) {
      unreadable.push(`${label} (${deniedDetail(error)})`);
      return undefined;
    }
    throw checkFailed(`reading ${label}`, error);
  }
}

async function listAll<T>(fetchPage: (marker: string | undefined) => Promise<{ items: readonly T[]; marker: string | undefined }>): Promise<T[]> {
  const items: T[] = [];
  let marker: string | undefined;
  do {
    const page = await fetchPage(marker);
    items.push(...page.items);
    marker = page.marker;
  } while (marker !== undefined);
  return items;
}

export async function readRoleState(iam: IAMClient, roleArnOrName: string): Promise<RoleReadOutcome> {
  const roleName = roleNameOf(roleArnOrName);
  let role;
  try {
    role = (await iam.send(new GetRoleCommand({ RoleName: roleName }))).Role;
  } catch (error) {
    if (isNotFound(error)) return { kind: 'notFound' };
    if (isAccessDenied(error)) return { kind: 'denied', action: 'iam:GetRole', detail: deniedDetail(error) };
    throw checkFailed(`reading role ${roleName}`, error);
  }
  if (role?.Arn === undefined) return { kind: 'notFound' };
  const unreadable: string[] = [];
  const trustText = role.AssumeRolePolicyDocument ?? '';
  const trustName = `trust policy of ${roleName}`;
  const parsedTrust = trustText === '' ? undefined : parseNamed(trustName, trustText, 'trust');
  if (parsedTrust === undefined) unreadable.push(`${trustName} (not a valid policy document)`);
  const trust = parsedTrust ?? { name: trustName, document: { Statement: [] } };

  const identityPolicies: NamedPolicy[] = [];
  const inlineNames =
    (await readPiece(
      `the inline policy list of ${roleName}`,
      () =>
        listAll(async (marker) => {
          const page = await iam.send(new ListRolePoliciesCommand({ RoleName: roleName, ...(marker === undefined ? {} : { Marker: marker }) }));
          return { items: page.PolicyNames ?? [], marker: page.IsTruncated === true ? page.Marker : undefined };
        }),
      unreadable,
    )) ?? [];
  for (const policyName of inlineNames) {
    const policy = await readPiece(
      `inline policy ${policyName}`,
      async () => {
        const { PolicyDocument } = await iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName }));
        return PolicyDocument === undefined ? undefined : parseNamed(policyName, PolicyDocument, 'inline');
      },
      unreadable,
    );
    if (policy !== undefined) identityPolicies.push(policy);
  }
  const attached =
    (await readPiece(
      `the attached policy list of ${roleName}`,
      () =>
        listAll(async (marker) => {
          const page = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName, ...(marker === undefined ? {} : { Marker: marker }) }));
          return { items: page.AttachedPolicies ?? [], marker: page.IsTruncated === true ? page.Marker : undefined };
        }),
      unreadable,
    )) ?? [];
  for (const entry of attached) {
    if (entry.PolicyArn === undefined) continue;
    const arn = entry.PolicyArn;
    const policy = await readPiece(`managed policy ${arn}`, () => managedPolicy(iam, arn, entry.PolicyName ?? arn, 'managed'), unreadable);
    if (policy !== undefined) identityPolicies.push(policy);
  }
  const boundaryArn = role.PermissionsBoundary?.PermissionsBoundaryArn;
  const permissionsBoundary =
    boundaryArn === undefined ? undefined : await readPiece(`permissions boundary ${boundaryArn}`, () => managedPolicy(iam, boundaryArn, `boundary ${boundaryArn}`, 'boundary'), unreadable);
  return {
    kind: 'found',
    role: {
      name: roleName,
      arn: role.Arn,
      trust,
      identityPolicies,
      ...(permissionsBoundary === undefined ? {} : { permissionsBoundary }),
      unreadable,
    },
  };
}

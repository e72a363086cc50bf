import { toPolicyJson } from '../policy/serialize';
import type { DesiredPolicy } from './desired-setup';
import type { AccountObservation, ObservedPolicyVersion } from './observed-state';
import type { PlanBuilder} from './plan-builder';
import { dependencies, managedByKeyless } from './plan-builder';
import { documentDiff } from './policy-normalize';

/** IAM keeps at most five versions of a managed policy (aws.md §4.2). */
export const MAX_POLICY_VERSIONS = 5;

/** The version to delete to make room: the oldest that is not the default. */
export function oldestNonDefaultVersion(versions: readonly ObservedPolicyVersion[]): ObservedPolicyVersion | undefined {
  return [...versions].filter((version) => !version.isDefault).sort((a, b) => a.createDate.localeCompare(b.createDate))[0];
}

/**
 * A managed policy: create it, or give it a new default version when its document differs —
 * deleting the oldest non-default version first when all five slots are used, as a planned step
 * rather than a LimitExceeded the SDK would retry as throttling (aws.md §0.2).
 */
export function planPolicy(builder: PlanBuilder, policy: DesiredPolicy, observed: AccountObservation, description: string): void {
  const current = observed.policies[policy.arn];
  const base = { key: policy.key, kind: 'managedPolicy' as const, account: policy.account, name: policy.name, arn: policy.arn };
  const document = toPolicyJson(policy.document, { indent: 0 });
  if (current === null || current === undefined) {
    builder.resource({ ...base, action: 'create', reason: `Managed policy ${policy.name} does not exist.`, diff: documentDiff(null, policy.document, 'managed') }, [
      {
        id: `${policy.key}:create`,
        resource: policy.key,
        account: policy.account,
        service: 'iam',
        operation: 'CreatePolicy',
        params: { PolicyName: policy.name, Path: policy.arn.slice(policy.arn.indexOf(':policy') + ':policy'.length, -policy.name.length), PolicyDocument: document, Description: description, Tags: builder.tags },
        resourceArn: policy.arn,
        dependsOn: [],
        summary: `Create managed policy ${policy.name}`,
      },
    ]);
    return;
  }
  const diff = documentDiff(current.document, policy.document, 'managed');
  if (!diff.changed) {
    builder.resource({ ...base, action: 'keep', reason: `Managed policy ${policy.name} already has this document.`, diff });
    return;
  }
  if (!managedByKeyless(current.tags)) {
    builder.warnings.push({ code: 'POLICY_NOT_FROM_KEYLESS', message: `Managed policy ${policy.name} exists and was not created by Keyless; a new default version replaces its document, and every role it is attached to gets the new permissions.`, nextStep: 'Pick another policy name if this policy belongs to something else.' });
  }
  const steps = [];
  const full = current.versions.length >= MAX_POLICY_VERSIONS ? oldestNonDefaultVersion(current.versions) : undefined;
  if (full !== undefined) {
    steps.push({
      id: `${policy.key}:delete-version`,
      resource: `${policy.key}:version`,
      account: policy.account,
      service: 'iam' as const,
      operation: 'DeletePolicyVersion' as const,
      params: { PolicyArn: policy.arn, VersionId: full.versionId },
      resourceArn: policy.arn,
      dependsOn: [],
      summary: `Delete version ${full.versionId} of ${policy.name} (the oldest non-default; a policy keeps at most ${MAX_POLICY_VERSIONS})`,
    });
  }
  steps.push({
    id: `${policy.key}:new-version`,
    resource: `${policy.key}:version`,
    account: policy.account,
    service: 'iam' as const,
    operation: 'CreatePolicyVersion' as const,
    params: { PolicyArn: policy.arn, PolicyDocument: document, SetAsDefault: true },
    resourceArn: policy.arn,
    dependsOn: dependencies(full === undefined ? undefined : `${policy.key}:delete-version`),
    context: { previousDefaultVersionId: current.defaultVersionId },
    summary: `Make the new document the default version of ${policy.name} (was ${current.defaultVersionId})`,
  });
  builder.resource({ ...base, action: 'update', reason: `Managed policy ${policy.name} has a different document.`, diff });
  builder.resource({ key: `${policy.key}:version`, kind: 'policyVersion', account: policy.account, name: policy.name, arn: policy.arn, action: 'create', reason: `New default version replacing ${current.defaultVersionId}.` }, steps);
}

export function planAttachment(builder: PlanBuilder, policy: DesiredPolicy, observed: AccountObservation, roleArn: string): void {
  const key = `${policy.key}:attachment`;
  const role = observed.roles[policy.attachTo.roleName];
  const attached = role?.attachedPolicyArns.includes(policy.arn) ?? false;
  const base = { key, kind: 'attachment' as const, account: policy.account, name: `${policy.name} → ${policy.attachTo.roleName}` };
  if (attached) {
    builder.resource({ ...base, action: 'keep', reason: `${policy.name} is attached to ${policy.attachTo.roleName}.` });
    return;
  }
  builder.resource({ ...base, action: 'create', reason: `${policy.name} is not attached to ${policy.attachTo.roleName}.` }, [
    {
      id: `${key}:attach`,
      resource: key,
      account: policy.account,
      service: 'iam',
      operation: 'AttachRolePolicy',
      params: { RoleName: policy.attachTo.roleName, PolicyArn: policy.arn },
      resourceArn: roleArn,
      dependsOn: dependencies(policy.attachTo.roleKey === undefined ? undefined : builder.stepFor(policy.attachTo.roleKey), builder.stepFor(policy.key)),
      summary: `Attach ${policy.name} to role ${policy.attachTo.roleName}`,
    },
  ]);
}

import { toPolicyJson } from '../policy/serialize';
import type { DesiredRole } from './desired-setup';
import type { AccountObservation } from './observed-state';
import type { PlanBuilder} from './plan-builder';
import { dependencies, managedByKeyless } from './plan-builder';
import { documentDiff } from './policy-normalize';

/** A role Keyless manages: create it, bring its trust policy in line, or keep it. */
export function planRole(builder: PlanBuilder, role: DesiredRole, observed: AccountObservation, boundaryArn: string | undefined, dependsOn: readonly (string | undefined)[]): void {
  const current = observed.roles[role.name];
  const base = { key: role.key, kind: 'role' as const, account: role.account, name: role.name, arn: role.arn };
  if (current === null || current === undefined) {
    builder.resource({ ...base, action: 'create', reason: `Role ${role.name} does not exist.`, diff: documentDiff(null, role.trust, 'trust') }, [
      {
        id: `${role.key}:create`,
        resource: role.key,
        account: role.account,
        service: 'iam',
        operation: 'CreateRole',
        params: {
          RoleName: role.name,
          Path: role.path,
          AssumeRolePolicyDocument: toPolicyJson(role.trust, { indent: 0 }),
          Description: 'Created by Keyless for the Informatica Cloud Amazon S3 v2 connection.',
          ...(boundaryArn === undefined ? {} : { PermissionsBoundary: boundaryArn }),
          Tags: builder.tags,
        },
        resourceArn: role.arn,
        dependsOn: dependencies(...dependsOn),
        summary: `Create role ${role.name}`,
      },
    ]);
    return;
  }
  builder.resource({ ...base, arn: current.arn, action: 'keep', reason: `Role ${role.name} exists.` });
  if (!managedByKeyless(current.tags)) {
    builder.warnings.push({ code: 'ROLE_NOT_FROM_KEYLESS', message: `Role ${role.name} exists and was not created by Keyless; it is used as is, and rollback will never delete it.`, nextStep: 'Pick another role name if this role belongs to something else.' });
  }
  if (boundaryArn !== undefined && current.permissionsBoundaryArn !== boundaryArn) {
    builder.warnings.push({ code: 'BOUNDARY_DIFFERS', message: `Role ${role.name} has permissions boundary ${current.permissionsBoundaryArn ?? '(none)'}, not ${boundaryArn}; Keyless does not change an existing role's boundary.`, nextStep: 'Set the boundary in the IAM console if your organisation requires it.' });
  }
  const diff = documentDiff(current.trust, role.trust, 'trust');
  const trustKey = `${role.key}:trust`;
  if (!diff.changed) {
    builder.resource({ key: trustKey, kind: 'trustPolicy', account: role.account, name: role.name, action: 'keep', reason: 'The trust policy already matches.', diff });
    return;
  }
  builder.resource({ key: trustKey, kind: 'trustPolicy', account: role.account, name: role.name, action: 'update', reason: 'The trust policy differs from what the setup needs.', diff }, [
    {
      id: `${trustKey}:update`,
      resource: trustKey,
      account: role.account,
      service: 'iam',
      operation: 'UpdateAssumeRolePolicy',
      params: { RoleName: role.name, PolicyDocument: toPolicyJson(role.trust, { indent: 0 }) },
      resourceArn: current.arn,
      dependsOn: dependencies(...dependsOn),
      context: { previousTrust: JSON.stringify(current.trust) },
      summary: `Update the trust policy of role ${role.name}`,
    },
  ]);
}

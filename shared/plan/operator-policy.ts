import { inputError } from '../errors';
import type { PolicyDocument, Statement } from '../policy/model';

/**
 * The operator policy preflight asks for (DESIGN §5): a valid identity policy granting exactly
 * the missing actions on exactly the resources the plan touches — nothing more — so a cloud team
 * can approve it as written.
 */

/** One permission the operator needs: an IAM action on one resource, under the context it is used with. */
export interface RequiredPermission {
  /** `service:Action`, no wildcards. */
  readonly action: string;
  /** The resource ARN, or `*` for actions without resource-level permissions (ec2:Describe*). */
  readonly resource: string;
  /**
   * Condition keys the call carries, e.g. `iam:PassedToService` for iam:PassRole. Preflight sends
   * them as SimulatePrincipalPolicy context; the policy grants the action only under them.
   */
  readonly context?: Readonly<Record<string, string>>;
  /** Why the plan needs it, e.g. "AssociateIamInstanceProfile on i-0abc…". */
  readonly purpose?: string;
}

const ACTION = /^[a-z0-9-]+:[A-Za-z0-9]+$/;

function checkPermission(permission: RequiredPermission): void {
  if (!ACTION.test(permission.action)) {
    throw inputError('INVALID_ACTION', `"${permission.action}" is not a single IAM action.`, 'Name one action as service:Action, without wildcards.');
  }
  if (permission.resource !== '*' && !/^arn:[^:]+:[^:]+:[^:]*:[^:]*:.+$/.test(permission.resource)) {
    throw inputError('INVALID_ARN', `"${permission.resource}" is neither an ARN nor "*".`, 'Give the full ARN of the resource the action acts on.');
  }
}

const serviceOf = (action: string): string => action.slice(0, action.indexOf(':'));

function sidFor(actions: readonly string[], taken: Map<string, number>): string {
  const base = actions.length === 1 && actions[0] === 'iam:PassRole' ? 'PassRole' : serviceOf(actions[0] ?? 'grant').replace(/[^A-Za-z0-9]/g, '');
  const stem = base.charAt(0).toUpperCase() + base.slice(1);
  const count = (taken.get(stem) ?? 0) + 1;
  taken.set(stem, count);
  return count === 1 ? stem : `${stem}${String(count)}`;
}

/**
 * Statements group actions that need the same resources under the same conditions, so the policy
 * stays short without granting any action on a resource it was not asked for.
 */
export function buildOperatorPolicy(permissions: readonly RequiredPermission[]): PolicyDocument {
  if (permissions.length === 0) {
    throw inputError('INVALID_OPERATOR_POLICY', 'No permission is missing, so there is no policy to ask for.', 'Ask for a policy only when preflight reports missing permissions.');
  }
  permissions.forEach(checkPermission);

  // action + conditions → resources
  const byAction = new Map<string, { action: string; context: Readonly<Record<string, string>>; resources: Set<string> }>();
  for (const permission of permissions) {
    const context = permission.context ?? {};
    const key = `${permission.action.toLowerCase()}|${conditionKey(context)}`;
    const entry = byAction.get(key) ?? { action: permission.action, context, resources: new Set<string>() };
    entry.resources.add(permission.resource);
    byAction.set(key, entry);
  }
  // conditions + resources → actions
  const groups = new Map<string, { context: Readonly<Record<string, string>>; resources: string[]; actions: string[] }>();
  for (const entry of byAction.values()) {
    const resources = [...entry.resources].sort();
    const resourceKey = resources.includes('*') ? '*' : resources.join(' ');
    const key = `${conditionKey(entry.context)}|${resourceKey}`;
    const group = groups.get(key) ?? { context: entry.context, resources: resources.includes('*') ? ['*'] : resources, actions: [] };
    group.actions.push(entry.action);
    groups.set(key, group);
  }

  const taken = new Map<string, number>();
  const statements: Statement[] = [...groups.values()]
    .map((group) => ({ ...group, actions: [...group.actions].sort() }))
    .sort((a, b) => (a.actions[0] ?? '').localeCompare(b.actions[0] ?? '') || a.resources.join().localeCompare(b.resources.join()))
    .map((group) => {
      const conditionEntries = Object.entries(group.context);
      return {
        Sid: sidFor(group.actions, taken),
        Effect: 'Allow',
        Action: group.actions,
        Resource: group.resources,
        ...(conditionEntries.length === 0 ? {} : { Condition: { StringEquals: Object.fromEntries(conditionEntries.map(([key, value]) => [key, [value]])) } }),
      };
    });
  return { Version: '2012-10-17', Statement: statements };
}

function conditionKey(context: Readonly<Record<string, string>>): string {
  return Object.entries(context)
    .map(([key, value]) => `${key.toLowerCase()}=${value}`)
    .sort()
    .join('&');
}

import { parseArn } from '../../arn';
import type { Statement } from '../../model';
import { actionCovers } from '../glob';
import { entryPath, splitAction } from '../statement-facts';
import type { LintFinding, LintRule } from '../types';

/**
 * Widening wildcards in Allow statements: ALL_ACTIONS (`*`), SERVICE_WIDE_ACTION (`s3:*`),
 * RESOURCE_STAR (S3 actions on every bucket), PASS_ROLE_WITH_STAR_IN_RESOURCE and
 * ASSUME_ROLE_WITH_STAR_IN_RESOURCE (any role can be passed or assumed — privilege escalation).
 */

// `*`, or an S3 ARN naming every bucket: arn:aws:s3:::* and its objects form.
function coversAllBuckets(resource: string): boolean {
  if (resource === '*') return true;
  const arn = parseArn(resource);
  return arn !== undefined && arn.service === 's3' && /^\*(\/\*)?$/.test(arn.resource);
}

// `*`, or an IAM ARN naming every role, in any account or in one.
function coversAllRoles(resource: string): boolean {
  if (resource === '*') return true;
  const arn = parseArn(resource);
  return arn !== undefined && arn.service === 'iam' && /^(\*|role\/?\*)$/.test(arn.resource);
}

function roleWildcard(statement: Statement, path: readonly (string | number)[], action: string, code: string, what: string): LintFinding | undefined {
  const granted = (statement.Action ?? []).some((pattern) => actionCovers(pattern, action));
  const star = (statement.Resource ?? []).findIndex(coversAllRoles);
  if (!granted || star < 0) return undefined;
  return { severity: 'securityWarning', code, message: `${action} on every role lets the holder ${what} any role, including more privileged ones. Name the exact role ARN in Resource.`, path: entryPath(path, 'Resource', star) };
}

export const wildcardsRule: LintRule = ({ statements }) => {
  const findings: LintFinding[] = [];
  for (const { statement, path } of statements) {
    if (statement.Effect !== 'Allow') continue;
    const actions = statement.Action ?? [];
    for (const [index, action] of actions.entries()) {
      const where = entryPath(path, 'Action', index);
      if (action === '*') {
        findings.push({ severity: 'securityWarning', code: 'ALL_ACTIONS', message: '"Action": "*" allows every action of every AWS service. List only the actions needed, e.g. "s3:GetObject".', path: where });
        continue;
      }
      const parts = splitAction(action);
      if (parts?.name === '*') {
        findings.push({ severity: 'securityWarning', code: 'SERVICE_WIDE_ACTION', message: `"${action}" allows every ${parts.prefix} action, including deleting and reconfiguring. List only the actions needed (for the S3 v2 connector: GetObject, ListBucket, and for writing PutObject, DeleteObject).`, path: where });
      }
    }
    const touchesS3 = actions.some((a) => splitAction(a)?.prefix === 's3');
    const allBuckets = (statement.Resource ?? []).findIndex(coversAllBuckets);
    if (touchesS3 && allBuckets >= 0) {
      findings.push({ severity: 'securityWarning', code: 'RESOURCE_STAR', message: 'S3 actions on every bucket in the account (and any bucket other accounts open to it). Name the bucket: arn:aws:s3:::bucket for bucket actions, arn:aws:s3:::bucket/folder/* for object actions.', path: entryPath(path, 'Resource', allBuckets) });
    }
    const passRole = roleWildcard(statement, path, 'iam:PassRole', 'PASS_ROLE_WITH_STAR_IN_RESOURCE', 'hand to a service');
    if (passRole !== undefined) findings.push(passRole);
    const assumeRole = roleWildcard(statement, path, 'sts:AssumeRole', 'ASSUME_ROLE_WITH_STAR_IN_RESOURCE', 'assume');
    if (assumeRole !== undefined) findings.push(assumeRole);
  }
  return findings;
};

import { findAction, resourceTypesOf } from '../../catalogue';
import { resourceFitsTemplate } from '../glob';
import { entryPath, hasWildcard, splitAction } from '../statement-facts';
import type { LintFinding, LintRule } from '../types';

/**
 * RESOURCE_MISMATCH: an action none of whose resource types fits any of the statement's
 * resources is granted nowhere — e.g. s3:GetObject on a bucket ARN, or s3:ListBucket on
 * `bucket/*`. AWS accepts such a policy; the access just never works. Wildcard actions are
 * skipped: some action they match usually fits.
 */
export const resourceMismatchRule: LintRule = async (context) => {
  const findings: LintFinding[] = [];
  for (const { statement, path } of context.statements) {
    const resources = statement.Resource;
    if (resources === undefined || statement.Action === undefined || resources.includes('*')) continue;
    for (const [index, action] of statement.Action.entries()) {
      const parts = splitAction(action);
      if (parts === undefined || hasWildcard(parts.name)) continue;
      const service = await context.service(parts.prefix);
      const known = service && findAction(service, parts.name);
      if (service === undefined || known === undefined) continue;
      const canonicalName = `${parts.prefix}:${known.name}`;
      if (known.resourceTypes.length === 0) {
        findings.push({ severity: 'error', code: 'RESOURCE_MISMATCH', message: `${canonicalName} does not take a resource ARN: it is granted only with "Resource": "*". Move it to a statement with "Resource": "*".`, path: entryPath(path, 'Action', index) });
        continue;
      }
      const types = resourceTypesOf(service, known);
      if (types.length === 0) continue;
      const fits = resources.some((resource) => types.some((type) => resourceFitsTemplate(resource, type.arnPattern)));
      if (fits) continue;
      const expected = types.map((t) => `${t.name} (${t.arnPattern})`).join(', ');
      findings.push({
        severity: 'error',
        code: 'RESOURCE_MISMATCH',
        message: `${canonicalName} applies to ${expected}, and none of this statement's resources is one, so it is never allowed here. Add an ARN of that form (S3: objects are arn:aws:s3:::bucket/key, buckets arn:aws:s3:::bucket) or move the action to the statement that has one.`,
        path: entryPath(path, 'Action', index),
      });
    }
  }
  return findings;
};

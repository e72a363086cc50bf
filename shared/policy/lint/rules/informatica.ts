import { findAction, resourceTypesOf } from '../../catalogue';
import type { Statement } from '../../model';
import { actionCovers, resourceFitsTemplate } from '../glob';
import type { LintContext, LintFinding, LintRule } from '../types';

/**
 * What the Amazon S3 v2 connector needs (iics-api.md §5.5): read = GetObject + ListBucket;
 * write adds PutObject and DeleteObject, and ListBucketMultipartUploads for mappings in
 * advanced mode. ASSUMPTION: we require ListBucketMultipartUploads only for write access in
 * advanced mode — Informatica lists it under write and says it applies to advanced mode.
 * Only the permissions policy is checked (managed or inline); Deny statements are not
 * subtracted, conditions are not evaluated (a prefix condition still grants the action).
 */

interface Requirement {
  readonly code: string;
  readonly action: string;
  readonly applies: (access: 'read' | 'write', advancedMode: boolean) => boolean;
  readonly consequence: string;
  readonly resourceHint: string;
}

const REQUIREMENTS: readonly Requirement[] = [
  { code: 'INFA_MISSING_LIST_BUCKET', action: 's3:ListBucket', applies: () => true, consequence: 'the connector cannot browse the bucket or the folder path, and the connection test fails', resourceHint: 'arn:aws:s3:::bucket' },
  { code: 'INFA_MISSING_GET_OBJECT', action: 's3:GetObject', applies: () => true, consequence: 'the connector cannot read objects', resourceHint: 'arn:aws:s3:::bucket/folder/*' },
  { code: 'INFA_MISSING_PUT_OBJECT', action: 's3:PutObject', applies: (access) => access === 'write', consequence: 'targets cannot write objects', resourceHint: 'arn:aws:s3:::bucket/folder/*' },
  { code: 'INFA_MISSING_DELETE_OBJECT', action: 's3:DeleteObject', applies: (access) => access === 'write', consequence: 'the connector cannot overwrite or clean up files it writes', resourceHint: 'arn:aws:s3:::bucket/folder/*' },
  { code: 'INFA_MISSING_LIST_BUCKET_MULTIPART_UPLOADS', action: 's3:ListBucketMultipartUploads', applies: (access, advanced) => access === 'write' && advanced, consequence: 'mappings in advanced mode cannot write large files', resourceHint: 'arn:aws:s3:::bucket' },
];

/** ARN templates the action accepts, or undefined when the catalogue does not know it. */
async function templatesFor(context: LintContext, action: string): Promise<string[] | undefined> {
  const service = await context.service('s3');
  const known = service && findAction(service, action.slice('s3:'.length));
  if (service === undefined || known === undefined) return undefined;
  return resourceTypesOf(service, known).map((t) => t.arnPattern);
}

function grants(statement: Statement, action: string, templates: readonly string[] | undefined): boolean {
  if (statement.Effect !== 'Allow') return false;
  const actionMatches = statement.Action !== undefined ? statement.Action.some((p) => actionCovers(p, action)) : !(statement.NotAction ?? []).some((p) => actionCovers(p, action));
  if (!actionMatches) return false;
  if (statement.Resource === undefined) return true;
  return statement.Resource.some((r) => templates === undefined || templates.some((t) => resourceFitsTemplate(r, t)));
}

export const informaticaRule: LintRule = async (context) => {
  const intent = context.options.informatica;
  if (intent === undefined || (context.options.kind !== 'managed' && context.options.kind !== 'inline')) return [];
  const findings: LintFinding[] = [];
  for (const requirement of REQUIREMENTS) {
    if (!requirement.applies(intent.access, intent.advancedMode)) continue;
    const templates = await templatesFor(context, requirement.action);
    if (context.statements.some(({ statement }) => grants(statement, requirement.action, templates))) continue;
    findings.push({
      severity: 'error',
      code: requirement.code,
      message: `${intent.access === 'write' ? 'Write' : 'Read'} access${requirement.code.endsWith('MULTIPART_UPLOADS') ? ' in advanced mode' : ''} needs ${requirement.action}, which no Allow statement grants on a matching resource: ${requirement.consequence}. Allow ${requirement.action} on ${requirement.resourceHint}.`,
      path: ['Statement'],
    });
  }
  return findings;
};

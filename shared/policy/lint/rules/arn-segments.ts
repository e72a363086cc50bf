import { parseArn, formatArn } from '../../arn';
import { resourceFitsTemplate } from '../glob';
import { entryPath, hasWildcard } from '../statement-facts';
import type { LintFinding, LintRule } from '../types';

/**
 * ARN_ACCOUNT_NOT_ALLOWED, ARN_REGION_NOT_ALLOWED: an account or region in an ARN whose
 * resource type has none (S3 bucket and object ARNs are `arn:aws:s3:::bucket/key`).
 * Detected from the catalogue: no resource type of the service fits the ARN as written, but
 * one does once the segment is emptied. PARTITION_MISMATCH: an ARN in another partition than
 * the one the policy is for.
 */
export const arnSegmentsRule: LintRule = async (context) => {
  const findings: LintFinding[] = [];
  const partition = context.options.partition;
  for (const { statement, path } of context.statements) {
    for (const element of ['Resource', 'NotResource'] as const) {
      for (const [index, resource] of (statement[element] ?? []).entries()) {
        const arn = parseArn(resource);
        if (arn === undefined) continue;
        const where = entryPath(path, element, index);
        if (partition !== undefined && !hasWildcard(arn.partition) && arn.partition !== partition) {
          findings.push({ severity: 'error', code: 'PARTITION_MISMATCH', message: `The ARN is in partition "${arn.partition}" but the policy is for "${partition}". Write arn:${partition}:${arn.service}:…`, path: where });
        }
        if (arn.account === '' && arn.region === '') continue;
        const service = await context.service(arn.service);
        if (service === undefined) continue;
        const templates = [...service.resourceTypes.values()].map((t) => t.arnPattern);
        const fits = (candidate: string): boolean => templates.some((t) => resourceFitsTemplate(candidate, t));
        if (templates.length === 0 || fits(resource)) continue;
        if (arn.account !== '' && fits(formatArn({ ...arn, account: '' }))) {
          findings.push({ severity: 'error', code: 'ARN_ACCOUNT_NOT_ALLOWED', message: `${arn.service} ARNs of this type have no account ID: remove "${arn.account}" to get ${formatArn({ ...arn, account: '' })}.`, path: where });
        } else if (arn.region !== '' && fits(formatArn({ ...arn, region: '' }))) {
          findings.push({ severity: 'error', code: 'ARN_REGION_NOT_ALLOWED', message: `${arn.service} ARNs of this type have no region: remove "${arn.region}" to get ${formatArn({ ...arn, region: '' })}.`, path: where });
        } else if (fits(formatArn({ ...arn, account: '', region: '' }))) {
          findings.push({ severity: 'error', code: 'ARN_ACCOUNT_NOT_ALLOWED', message: `${arn.service} ARNs of this type have neither region nor account ID: write ${formatArn({ ...arn, account: '', region: '' })}.`, path: where });
        }
      }
    }
  }
  return findings;
};

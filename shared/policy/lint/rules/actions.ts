import { findAction } from '../../catalogue';
import { closestName } from '../closest-name';
import { actionCovers } from '../glob';
import { entryPath, hasWildcard, splitAction } from '../statement-facts';
import type { LintFinding, LintRule } from '../types';

/**
 * INVALID_SERVICE, INVALID_ACTION: every action (and NotAction entry) must name a real service
 * and a real action of it, or a wildcard that matches at least one. Misspellings get the
 * nearest real name.
 */
export const actionsRule: LintRule = async (context) => {
  const findings: LintFinding[] = [];
  for (const { statement, path } of context.statements) {
    for (const element of ['Action', 'NotAction'] as const) {
      const list = statement[element] ?? [];
      for (const [index, action] of list.entries()) {
        const parts = splitAction(action);
        if (parts === undefined) continue;
        const where = entryPath(path, element, index);
        const found = await context.lookup(parts.prefix);
        if (found.status === 'unavailable') continue;
        if (found.status === 'unknown') {
          const suggestion = closestName(parts.prefix, found.knownPrefixes);
          findings.push({
            severity: 'error',
            code: 'INVALID_SERVICE',
            message: `"${parts.prefix}" is not an AWS service prefix${suggestion !== undefined ? `: did you mean "${suggestion}:${parts.name}"?` : '. Check the prefix in the Service Authorization Reference (e.g. s3, kms, sts, iam).'}`,
            path: where,
          });
          continue;
        }
        const service = found.service;
        if (hasWildcard(parts.name)) {
          const matchesAny = [...service.actions.values()].some((a) => actionCovers(action, `${parts.prefix}:${a.name}`));
          if (!matchesAny) {
            findings.push({ severity: 'error', code: 'INVALID_ACTION', message: `"${action}" matches no ${parts.prefix} action. Correct the pattern, e.g. "${parts.prefix}:Get*".`, path: where });
          }
          continue;
        }
        if (findAction(service, parts.name) !== undefined) continue;
        const suggestion = closestName(parts.name, [...service.actions.values()].map((a) => a.name));
        findings.push({
          severity: 'error',
          code: 'INVALID_ACTION',
          message: `"${action}" is not an action of ${parts.prefix}${suggestion !== undefined ? `: did you mean "${parts.prefix}:${suggestion}"?` : '. Check the action name in the Service Authorization Reference.'}`,
          path: where,
        });
      }
    }
  }
  return findings;
};

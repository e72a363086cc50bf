import type { Statement } from '../../model';
import { actionCovers, resourceCovers } from '../glob';
import { canonical, entryPath } from '../statement-facts';
import type { LintFinding, LintRule } from '../types';

/**
 * REDUNDANT_ACTION, REDUNDANT_RESOURCE: an entry repeated or covered by a wildcard in the same
 * list. REDUNDANT_STATEMENT: a statement whose every action and resource another statement
 * with the same Effect, Principal and (no or the same) Condition already covers.
 */

function redundantEntries(list: readonly string[], covers: (outer: string, inner: string) => boolean): Map<number, number> {
  const redundant = new Map<number, number>();
  list.forEach((entry, i) => {
    list.forEach((other, j) => {
      if (i === j || redundant.has(i) || redundant.has(j)) return;
      // Of two entries that cover each other, the later one is the redundant one.
      if (covers(other, entry) && (!covers(entry, other) || j < i)) redundant.set(i, j);
    });
  });
  return redundant;
}

function statementCovers(outer: Statement, inner: Statement): boolean {
  if (outer.Effect !== inner.Effect) return false;
  if (outer.Action === undefined || inner.Action === undefined || outer.NotResource !== undefined || inner.NotResource !== undefined) return false;
  if (canonical(outer.Principal) !== canonical(inner.Principal) || canonical(outer.NotPrincipal) !== canonical(inner.NotPrincipal)) return false;
  if (outer.Condition !== undefined && canonical(outer.Condition) !== canonical(inner.Condition)) return false;
  const actionsCovered = inner.Action.every((a) => outer.Action?.some((o) => actionCovers(o, a)));
  const innerResources = inner.Resource ?? [];
  const resourcesCovered = innerResources.every((r) => (outer.Resource ?? []).some((o) => resourceCovers(o, r)));
  return actionsCovered && resourcesCovered;
}

export const redundancyRule: LintRule = ({ statements }) => {
  const findings: LintFinding[] = [];
  for (const { statement, path } of statements) {
    for (const element of ['Action', 'NotAction'] as const) {
      const list = statement[element] ?? [];
      for (const [i, j] of redundantEntries(list, actionCovers)) {
        findings.push({ severity: 'suggestion', code: 'REDUNDANT_ACTION', message: `"${list[i] ?? ''}" is already covered by "${list[j] ?? ''}" in the same list. Remove it.`, path: entryPath(path, element, i) });
      }
    }
    for (const element of ['Resource', 'NotResource'] as const) {
      const list = statement[element] ?? [];
      for (const [i, j] of redundantEntries(list, resourceCovers)) {
        findings.push({ severity: 'suggestion', code: 'REDUNDANT_RESOURCE', message: `"${list[i] ?? ''}" is already covered by "${list[j] ?? ''}" in the same list. Remove it.`, path: entryPath(path, element, i) });
      }
    }
  }
  for (const inner of statements) {
    const coveredBy = statements.find((outer) => outer.index !== inner.index && statementCovers(outer.statement, inner.statement) && (!statementCovers(inner.statement, outer.statement) || outer.index < inner.index));
    if (coveredBy !== undefined) {
      findings.push({ severity: 'suggestion', code: 'REDUNDANT_STATEMENT', message: `Statement ${inner.index} grants nothing that statement ${coveredBy.index} does not already ${inner.statement.Effect === 'Allow' ? 'allow' : 'deny'}. Remove it, or narrow the other statement if that was the intent.`, path: inner.path });
    }
  }
  return findings;
};

import type { MatchedStatement } from '../evaluation-types';

/**
 * The one sentence a user reads next to a decision: the action, the resource and the
 * statements that decided it (by Sid and position), or what was missing. Problems found
 * while matching (an unknown condition operator, an unresolved policy variable) are added as
 * a closing clause, since they often explain a surprising denial.
 */

export type PolicySide = 'identity' | 'boundary' | 'resource';

export interface DecidingStatement extends MatchedStatement {
  readonly side: PolicySide;
}

const SIDE_LABEL: Readonly<Record<PolicySide, string>> = {
  identity: 'identity policy',
  boundary: 'permissions boundary',
  resource: 'resource policy',
};

export function statementLabel(statement: DecidingStatement): string {
  const position = `Statement[${statement.statementIndex}]`;
  const name = statement.sid !== undefined && statement.sid !== '' ? `statement "${statement.sid}" (${position})` : position;
  return `${name} of ${SIDE_LABEL[statement.side]} "${statement.policy}"`;
}

export function listStatements(statements: readonly DecidingStatement[]): string {
  const labels = statements.map(statementLabel);
  if (labels.length <= 1) return labels[0] ?? 'no statement';
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1] ?? ''}`;
}

export function describeRequest(action: string, resource: string): string {
  return `${action} on ${resource}`;
}

export function withProblems(sentence: string, problems: readonly string[]): string {
  if (problems.length === 0) return `${sentence}.`;
  const shown = problems.slice(0, 2).join('; ');
  const more = problems.length > 2 ? `; and ${problems.length - 2} more` : '';
  return `${sentence} (note: ${shown}${more}).`;
}

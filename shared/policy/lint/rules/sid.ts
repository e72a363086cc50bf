import type { LintFinding, LintRule } from '../types';

/**
 * DUPLICATE_SID, INVALID_SID, EMPTY_SID_VALUE. IAM allows only A–Z, a–z and 0–9 in a Sid
 * and wants each unique; some resource policies (SNS, SQS) allow more, so there it warns.
 */
export const sidRule: LintRule = ({ statements, options }) => {
  const findings: LintFinding[] = [];
  const seen = new Map<string, number>();
  for (const { statement, index, path } of statements) {
    const sid = statement.Sid;
    if (sid === undefined) continue;
    const sidPath = [...path, 'Sid'];
    if (sid === '') {
      findings.push({ severity: 'suggestion', code: 'EMPTY_SID_VALUE', message: 'The Sid is empty. Name the statement (e.g. "ReadObjects") or remove the Sid.', path: sidPath });
      continue;
    }
    if (!/^[A-Za-z0-9]+$/.test(sid)) {
      findings.push({
        severity: options.kind === 'resource' ? 'warning' : 'error',
        code: 'INVALID_SID',
        message: `The Sid "${sid}" has characters IAM does not accept: use only letters A–Z, a–z and digits, e.g. "${sid.replace(/[^A-Za-z0-9]/g, '') || 'Statement1'}".`,
        path: sidPath,
      });
    }
    const first = seen.get(sid);
    if (first !== undefined) {
      findings.push({ severity: 'error', code: 'DUPLICATE_SID', message: `The Sid "${sid}" is also used by statement ${first}; Sids must be unique within a policy. Rename one of them.`, path: sidPath });
    } else seen.set(sid, index);
  }
  return findings;
};

import type { LintFinding, LintRule } from '../types';

/** MISSING_VERSION, OLD_VERSION: without 2012-10-17, policy variables like ${aws:username} are plain text. */
export const versionRule: LintRule = ({ document }) => {
  const findings: LintFinding[] = [];
  if (document.Version === undefined) {
    findings.push({ severity: 'warning', code: 'MISSING_VERSION', message: 'The policy has no Version, so IAM applies the 2008-10-17 language, which does not support policy variables. Add "Version": "2012-10-17".', path: [] });
  } else if (document.Version === '2008-10-17') {
    findings.push({ severity: 'warning', code: 'OLD_VERSION', message: 'Version 2008-10-17 is the old policy language: policy variables such as ${aws:username} are read as plain text. Use "Version": "2012-10-17".', path: ['Version'] });
  }
  return findings;
};

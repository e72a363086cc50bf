import type { LintFinding, LintRule } from '../types';

/** ALLOW_WITH_NOT_ACTION, ALLOW_WITH_NOT_RESOURCE: an Allow that grants everything except a list grows with every new AWS action and resource. */
export const notElementsRule: LintRule = ({ statements }) => {
  const findings: LintFinding[] = [];
  for (const { statement, path } of statements) {
    if (statement.Effect !== 'Allow') continue;
    if (statement.NotAction !== undefined) {
      findings.push({ severity: 'securityWarning', code: 'ALLOW_WITH_NOT_ACTION', message: 'Allow with NotAction allows every action except those listed, including actions AWS adds later. List the allowed actions in Action instead.', path: [...path, 'NotAction'] });
    }
    if (statement.NotResource !== undefined) {
      findings.push({ severity: 'securityWarning', code: 'ALLOW_WITH_NOT_RESOURCE', message: 'Allow with NotResource allows the actions on every resource except those listed. List the allowed ARNs in Resource instead.', path: [...path, 'NotResource'] });
    }
  }
  return findings;
};

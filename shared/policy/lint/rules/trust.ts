import { parseArn } from '../../arn';
import { conditionRequiresKey } from '../statement-facts';
import type { LintFinding, LintRule } from '../types';

/**
 * TRUST_ANY_PRINCIPAL: a trust policy that lets anyone assume the role, with no condition
 * pinning the caller's account, organisation, ARN or an external ID.
 * CROSS_ACCOUNT_TRUST_WITHOUT_EXTERNAL_ID: trust of an AWS principal in another account than
 * the agent's without `sts:ExternalId` (the confused-deputy guard Informatica documents).
 * Without a known agent account we cannot tell whether a named role is cross-account, so only
 * whole-account principals (`111122223333`, `…:root`) are flagged then.
 */

const RESTRICTING_KEYS = [
  'aws:PrincipalAccount', 'aws:PrincipalArn', 'aws:PrincipalOrgID', 'aws:PrincipalOrgPaths',
  'aws:SourceAccount', 'aws:SourceArn', 'aws:SourceOrgID', 'aws:SourceOrgPaths', 'sts:ExternalId',
];

interface AccountPrincipal {
  readonly account: string;
  readonly wholeAccount: boolean;
}

function accountOf(principal: string): AccountPrincipal | undefined {
  if (/^\d{12}$/.test(principal)) return { account: principal, wholeAccount: true };
  const arn = parseArn(principal);
  if (arn === undefined || !/^\d{12}$/.test(arn.account)) return undefined;
  return { account: arn.account, wholeAccount: arn.resource === 'root' };
}

export const trustRule: LintRule = ({ statements, options }) => {
  if (options.kind !== 'trust') return [];
  const findings: LintFinding[] = [];
  for (const { statement, path } of statements) {
    if (statement.Effect !== 'Allow' || statement.Principal === undefined) continue;
    const principal = statement.Principal;
    const awsPrincipals = principal === '*' ? ['*'] : (principal.AWS ?? []);
    const anyone = principal === '*' || awsPrincipals.includes('*');
    if (anyone && !conditionRequiresKey(statement.Condition, RESTRICTING_KEYS)) {
      findings.push({
        severity: 'securityWarning',
        code: 'TRUST_ANY_PRINCIPAL',
        message: 'This trust policy lets any AWS principal, in any account, assume the role. Name the trusted principal (e.g. {"Service": "ec2.amazonaws.com"} or the instance role ARN), or add a condition on aws:PrincipalAccount, aws:PrincipalOrgID or sts:ExternalId.',
        path: [...path, 'Principal'],
      });
      continue;
    }
    if (conditionRequiresKey(statement.Condition, ['sts:ExternalId'])) continue;
    awsPrincipals.forEach((value, index) => {
      const found = accountOf(value);
      if (found === undefined) return;
      const crossAccount = options.agentAccount !== undefined ? found.account !== options.agentAccount : found.wholeAccount;
      if (!crossAccount) return;
      findings.push({
        severity: 'securityWarning',
        code: 'CROSS_ACCOUNT_TRUST_WITHOUT_EXTERNAL_ID',
        message: `The role trusts ${found.wholeAccount ? 'every principal of account' : 'a principal in account'} ${found.account}${options.agentAccount !== undefined ? `, not the agent's account ${options.agentAccount},` : ''} without an external ID. Add "Condition": {"StringEquals": {"sts:ExternalId": "<secret value>"}} and set the same External Id in the connection.`,
        path: [...path, 'Principal', 'AWS', index],
      });
    });
  }
  return findings;
};

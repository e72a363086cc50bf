import { KeylessFailure } from '../../../../shared/errors';
import { toPolicyJson } from '../../../../shared/policy/serialize';
import type { PreflightReport } from './run-preflight';

/**
 * The preflight report as text for `keyless plan` / `keyless apply`: whether the operator may
 * apply the plan, each missing permission (action, resource, decision, why it is needed), and the
 * policy to ask the cloud team for.
 */
export function preflightLines(report: PreflightReport): string[] {
  const lines: string[] = [];
  for (const caller of report.callers) {
    const simulated = caller.simulatedArn !== undefined && caller.simulatedArn !== caller.arn ? ` (simulated as ${caller.simulatedArn})` : '';
    lines.push(`Preflight for the ${caller.account} account: ${caller.arn}${simulated}`);
    if (caller.note !== undefined) lines.push(`  ${caller.note}`);
  }
  if (report.ok) {
    lines.push(`✓ Every permission the plan needs is allowed (${String(report.checks.length)} checked).`);
    return lines;
  }
  const denied = report.missing.filter((check) => check.decision !== 'unknown');
  if (denied.length > 0) lines.push(`✗ Missing ${String(denied.length)} of ${String(report.checks.length)} permissions:`);
  else lines.push(`? ${String(report.missing.length)} permissions could not be checked:`);
  for (const check of report.missing) {
    const why = check.permission.purpose === undefined ? '' : ` — for: ${check.permission.purpose}`;
    lines.push(`  ${check.permission.action} on ${check.permission.resource}: ${check.decision}${why}`);
  }
  for (const request of report.operatorPolicies) {
    lines.push('', `Ask your cloud team to attach this policy to ${request.callerArn} (${request.account} account):`, toPolicyJson(request.policy));
  }
  return lines;
}

/**
 * What `keyless apply` stops with when preflight found something missing (nothing has been
 * changed yet). Not an input error: the operator's rights, not what was typed, must change.
 */
export function preflightFailure(report: PreflightReport): KeylessFailure | undefined {
  if (report.ok) return undefined;
  const denied = report.missing.filter((check) => check.decision !== 'unknown');
  // iam:PassRole first (the one operators most often lack), then writes, then reads.
  const rank = (action: string): number => (action === 'iam:PassRole' ? 0 : /:(Get|List|Describe)/.test(action) ? 2 : 1);
  const names = [...new Set(report.missing.map((check) => check.permission.action))].sort((a, b) => rank(a) - rank(b));
  const shown = names.slice(0, 8).join(', ') + (names.length > 8 ? `, and ${String(names.length - 8)} more` : '');
  return new KeylessFailure({
    code: denied.length > 0 ? 'PREFLIGHT_PERMISSIONS_MISSING' : 'PREFLIGHT_UNCHECKED',
    message:
      denied.length > 0
        ? `Nothing was changed: your AWS identity lacks ${String(denied.length)} permission${denied.length === 1 ? '' : 's'} the plan needs (${shown}).`
        : `Nothing was changed: your AWS permissions could not be checked (${report.callers.map((caller) => caller.note).filter((note) => note !== undefined).join(' ')}).`,
    nextStep: 'Ask your cloud team to attach the operator policy preflight printed, then run apply again.',
  });
}

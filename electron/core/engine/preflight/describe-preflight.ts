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

import { parseArn } from '../arn';
import type { RequestContext } from '../evaluation-types';

/**
 * Who is calling, in the shapes IAM distinguishes when it matches a `Principal`
 * (IAM User Guide, "AWS JSON policy elements: Principal"): an IAM user, an IAM role, a role
 * session (`arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`), the account root user, an AWS
 * service, or some other ARN (federated user, ...). No principal given means anonymous.
 */
export type CallerKind = 'user' | 'role' | 'session' | 'root' | 'service' | 'other' | 'anonymous';

export interface Caller {
  readonly kind: CallerKind;
  readonly arn: string | undefined;
  readonly account: string | undefined;
  readonly partition: string | undefined;
  /** For a role or a role session: the role's name (a session ARN carries no role path). */
  readonly roleName: string | undefined;
  /** For a service principal, e.g. `ec2.amazonaws.com`. */
  readonly service: string | undefined;
}

export function describeCaller(principal: RequestContext['principal']): Caller {
  if (principal === undefined) {
    return { kind: 'anonymous', arn: undefined, account: undefined, partition: undefined, roleName: undefined, service: undefined };
  }
  if (principal.service !== undefined && principal.service !== '') {
    return { kind: 'service', arn: principal.arn, account: principal.account, partition: undefined, roleName: undefined, service: principal.service.toLowerCase() };
  }
  const arn = parseArn(principal.arn);
  const base = { arn: principal.arn, account: principal.account, partition: arn?.partition, service: undefined };
  if (arn === undefined) return { ...base, kind: 'other', roleName: undefined };
  if (arn.service === 'sts' && arn.resource.startsWith('assumed-role/')) {
    const roleName = arn.resource.split('/')[1];
    return { ...base, kind: 'session', roleName };
  }
  if (arn.service === 'iam' && arn.resource === 'root') return { ...base, kind: 'root', roleName: undefined };
  if (arn.service === 'iam' && arn.resource.startsWith('role/')) {
    return { ...base, kind: 'role', roleName: arn.resource.slice(arn.resource.lastIndexOf('/') + 1) };
  }
  if (arn.service === 'iam' && arn.resource.startsWith('user/')) return { ...base, kind: 'user', roleName: undefined };
  return { ...base, kind: 'other', roleName: undefined };
}

/** The IAM role ARN behind a session (without its path, which a session ARN does not carry). */
export function roleArnOf(caller: Caller): string | undefined {
  if (caller.kind === 'role') return caller.arn;
  if (caller.kind === 'session' && caller.partition !== undefined && caller.roleName !== undefined) {
    return `arn:${caller.partition}:iam::${caller.account ?? ''}:role/${caller.roleName}`;
  }
  return undefined;
}

/** A readable name for reasons: the ARN, the service, or "an anonymous caller". */
export function callerLabel(caller: Caller): string {
  if (caller.kind === 'service') return caller.service ?? 'a service';
  return caller.arn ?? 'an anonymous caller';
}

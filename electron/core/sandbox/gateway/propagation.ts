/**
 * IAM → EC2/STS propagation (reference/aws.md §1.5). IAM writes are not visible to EC2 or STS at
 * once: right after CreateInstanceProfile/AddRoleToInstanceProfile EC2 rejects the profile as an
 * invalid name, a just-created role cannot be assumed or named in a trust policy yet, and a
 * just-rewritten trust policy does not let its new principals in yet. AWS publishes no figure; the
 * sandbox delay is a knob (`propagationMs`) so retry paths can be exercised quickly.
 */

export interface PendingChange {
  readonly kind: 'instance-profile' | 'role' | 'trust';
  readonly account: string;
  readonly name: string;
  readonly visibleAt: number;
}

export class PropagationTracker {
  private readonly pending = new Map<string, PendingChange>();

  constructor(
    private delayMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get propagationMs(): number {
    return this.delayMs;
  }

  setDelay(delayMs: number): void {
    this.delayMs = delayMs;
  }

  noteInstanceProfileChange(account: string, profileName: string): void {
    this.note('instance-profile', account, profileName);
  }

  noteRoleCreated(account: string, roleName: string): void {
    this.note('role', account, roleName);
  }

  /** A rewritten trust policy: STS keeps judging by the old one for a while; the sandbox refuses until then. */
  noteTrustChanged(account: string, roleName: string): void {
    this.note('trust', account, roleName);
  }

  /** Whether STS would not yet let anyone assume the role (new role, or new trust policy). */
  isAssumptionPending(account: string, roleName: string): boolean {
    return this.isPending('role', account, roleName) || this.isPending('trust', account, roleName);
  }

  isInstanceProfilePending(account: string, profileName: string): boolean {
    return this.isPending('instance-profile', account, profileName);
  }

  isRolePending(account: string, roleName: string): boolean {
    return this.isPending('role', account, roleName);
  }

  report(): PendingChange[] {
    const now = this.now();
    return [...this.pending.values()].filter((change) => change.visibleAt > now);
  }

  private note(kind: PendingChange['kind'], account: string, name: string): void {
    if (this.delayMs <= 0) return;
    this.pending.set(`${kind}|${account}|${name}`, { kind, account, name, visibleAt: this.now() + this.delayMs });
  }

  private isPending(kind: PendingChange['kind'], account: string, name: string): boolean {
    const change = this.pending.get(`${kind}|${account}|${name}`);
    if (change === undefined) return false;
    if (change.visibleAt > this.now()) return true;
    this.pending.delete(`${kind}|${account}|${name}`);
    return false;
  }
}

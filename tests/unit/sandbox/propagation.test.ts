import { describe, expect, it } from 'vitest';
import { PropagationTracker } from '../../../electron/core/sandbox/gateway/propagation';
import { pendingTrustPrincipal } from '../../../electron/core/sandbox/gateway/trust-principals';

const ACCOUNT = '111111111111';

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

describe('IAM → EC2/STS propagation in the sandbox', () => {
  it('a just-created instance profile is invisible to EC2 until the delay has passed', () => {
    const clock = manualClock();
    const tracker = new PropagationTracker(5_000, clock.now);
    tracker.noteInstanceProfileChange(ACCOUNT, 'keyless-agent');
    expect(tracker.isInstanceProfilePending(ACCOUNT, 'keyless-agent')).toBe(true);
    clock.advance(4_999);
    expect(tracker.isInstanceProfilePending(ACCOUNT, 'keyless-agent')).toBe(true);
    clock.advance(1);
    expect(tracker.isInstanceProfilePending(ACCOUNT, 'keyless-agent')).toBe(false);
  });

  it('a new role and a rewritten trust policy both keep AssumeRole refused for the delay', () => {
    const clock = manualClock();
    const tracker = new PropagationTracker(2_000, clock.now);
    tracker.noteRoleCreated(ACCOUNT, 'new-role');
    expect(tracker.isAssumptionPending(ACCOUNT, 'new-role')).toBe(true);
    expect(tracker.isRolePending(ACCOUNT, 'new-role')).toBe(true);
    clock.advance(2_000);
    expect(tracker.isAssumptionPending(ACCOUNT, 'new-role')).toBe(false);

    tracker.noteTrustChanged(ACCOUNT, 'new-role');
    expect(tracker.isAssumptionPending(ACCOUNT, 'new-role')).toBe(true);
    // A trust rewrite does not make the role itself unknown to IAM.
    expect(tracker.isRolePending(ACCOUNT, 'new-role')).toBe(false);
  });

  it('changes are kept apart by account, name and kind', () => {
    const tracker = new PropagationTracker(1_000, manualClock().now);
    tracker.noteRoleCreated(ACCOUNT, 'a');
    expect(tracker.isRolePending('222222222222', 'a')).toBe(false);
    expect(tracker.isRolePending(ACCOUNT, 'b')).toBe(false);
    expect(tracker.isInstanceProfilePending(ACCOUNT, 'a')).toBe(false);
  });

  it('a delay of 0 makes every change visible at once', () => {
    const tracker = new PropagationTracker(0, manualClock().now);
    tracker.noteRoleCreated(ACCOUNT, 'role');
    tracker.noteInstanceProfileChange(ACCOUNT, 'profile');
    expect(tracker.isRolePending(ACCOUNT, 'role')).toBe(false);
    expect(tracker.isInstanceProfilePending(ACCOUNT, 'profile')).toBe(false);
    expect(tracker.report()).toEqual([]);
  });

  it('setDelay applies to later changes; the report lists only changes still pending, with when they become visible', () => {
    const clock = manualClock(10_000);
    const tracker = new PropagationTracker(1_000, clock.now);
    tracker.noteRoleCreated(ACCOUNT, 'early');
    tracker.setDelay(5_000);
    expect(tracker.propagationMs).toBe(5_000);
    tracker.noteInstanceProfileChange(ACCOUNT, 'late');
    expect(tracker.report()).toEqual([
      { kind: 'role', account: ACCOUNT, name: 'early', visibleAt: 11_000 },
      { kind: 'instance-profile', account: ACCOUNT, name: 'late', visibleAt: 15_000 },
    ]);
    clock.advance(1_000);
    expect(tracker.report()).toEqual([{ kind: 'instance-profile', account: ACCOUNT, name: 'late', visibleAt: 15_000 }]);
  });

  it('a repeated change restarts the wait', () => {
    const clock = manualClock();
    const tracker = new PropagationTracker(1_000, clock.now);
    tracker.noteInstanceProfileChange(ACCOUNT, 'p');
    clock.advance(900);
    tracker.noteInstanceProfileChange(ACCOUNT, 'p');
    clock.advance(900);
    expect(tracker.isInstanceProfilePending(ACCOUNT, 'p')).toBe(true);
  });
});

describe('a trust policy naming a role that is still propagating', () => {
  const trustNaming = (...arns: string[]): string =>
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: arns }, Action: 'sts:AssumeRole' }] });

  it('names the first principal still pending, path included, until it has propagated', () => {
    const clock = manualClock();
    const tracker = new PropagationTracker(3_000, clock.now);
    tracker.noteRoleCreated(ACCOUNT, 'connector');
    const settled = `arn:aws:iam::${ACCOUNT}:role/old`;
    const fresh = `arn:aws:iam::${ACCOUNT}:role/team/connector`;
    expect(pendingTrustPrincipal(trustNaming(settled, fresh), tracker)).toBe(fresh);
    clock.advance(3_000);
    expect(pendingTrustPrincipal(trustNaming(settled, fresh), tracker)).toBeUndefined();
  });

  it('leaves alone an absent policy, a policy IAM would reject anyway, and a role in another account', () => {
    const tracker = new PropagationTracker(3_000, manualClock().now);
    tracker.noteRoleCreated(ACCOUNT, 'connector');
    expect(pendingTrustPrincipal(null, tracker)).toBeUndefined();
    expect(pendingTrustPrincipal('{ not json', tracker)).toBeUndefined();
    expect(pendingTrustPrincipal(trustNaming('arn:aws:iam::222222222222:role/connector'), tracker)).toBeUndefined();
  });
});

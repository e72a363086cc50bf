import { describe, expect, it } from 'vitest';
import { backoffDelay, PROPAGATION_BACKOFF, propagationSignature, withPropagationRetry } from '../../../electron/core/engine/apply/propagation';
import type { EngineClock } from '../../../electron/core/engine/clock';

function awsError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/** A clock whose sleep advances time instantly. */
function fakeClock(): EngineClock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: (ms) => {
      slept.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
}

describe('propagation classifier', () => {
  it('knows exactly the four signatures', () => {
    const fresh = { justCreated: true };
    expect(propagationSignature(awsError('InvalidParameterValue', 'Value (p) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name'), fresh)).toBe('ec2InvalidInstanceProfile');
    expect(propagationSignature(awsError('MalformedPolicyDocumentException', 'Invalid principal in policy: "AWS":"arn:aws:iam::1:role/x"'), fresh)).toBe('iamInvalidPrincipal');
    expect(propagationSignature(awsError('NoSuchEntityException', 'The role with name x cannot be found.'), fresh)).toBe('noSuchEntityAfterCreate');
    expect(propagationSignature(awsError('AccessDenied', 'not authorized to perform sts:AssumeRole'), { justCreated: false, justTrusted: true })).toBe('assumeRoleDeniedAfterTrust');
  });

  it('retries nothing else: other codes, NoSuchEntity without a fresh create, AccessDenied without fresh trust, throttling', () => {
    const stale = { justCreated: false };
    expect(propagationSignature(awsError('NoSuchEntityException', 'The role with name x cannot be found.'), stale)).toBeUndefined();
    expect(propagationSignature(awsError('AccessDenied', 'denied'), { justCreated: true })).toBeUndefined();
    expect(propagationSignature(awsError('InvalidParameterValue', 'Value (x) for parameter instanceId is invalid'), { justCreated: true })).toBeUndefined();
    expect(propagationSignature(awsError('MalformedPolicyDocumentException', 'Syntax errors in policy.'), { justCreated: true })).toBeUndefined();
    expect(propagationSignature(awsError('LimitExceededException', 'Cannot exceed quota'), { justCreated: true })).toBeUndefined();
    expect(propagationSignature(awsError('Throttling', 'Rate exceeded'), { justCreated: true })).toBeUndefined();
  });
});

describe('propagation retry with an injected clock', () => {
  it('backs off exponentially with a cap, reports each wait, and succeeds once visible', async () => {
    const clock = fakeClock();
    let calls = 0;
    const waits: number[] = [];
    const result = await withPropagationRetry(
      () => {
        calls++;
        if (clock.now() < 5_000) return Promise.reject(awsError('InvalidParameterValue', 'Invalid IAM Instance Profile name'));
        return Promise.resolve('associated');
      },
      clock,
      { justCreated: true },
      { onWait: (elapsed) => waits.push(elapsed) },
    );
    expect(result).toBe('associated');
    expect(clock.slept.slice(0, 4)).toEqual([200, 400, 800, 1_000]);
    expect(Math.max(...clock.slept)).toBe(PROPAGATION_BACKOFF.maxDelayMs);
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    expect(calls).toBe(clock.slept.length + 1);
    expect(clock.now() - 5_000).toBeLessThan(PROPAGATION_BACKOFF.maxDelayMs);
  });

  it('gives up after two minutes with the last error, and fails at once on an unknown error', async () => {
    const clock = fakeClock();
    const never = () => Promise.reject(awsError('InvalidParameterValue', 'Invalid IAM Instance Profile name'));
    await expect(withPropagationRetry(never, clock, { justCreated: true })).rejects.toThrow(/Invalid IAM Instance Profile/);
    expect(clock.now()).toBe(PROPAGATION_BACKOFF.totalMs);
    const other = fakeClock();
    await expect(withPropagationRetry(() => Promise.reject(awsError('AccessDenied', 'no')), other, { justCreated: true })).rejects.toThrow('no');
    expect(other.slept).toEqual([]);
    expect(backoffDelay(10)).toBe(PROPAGATION_BACKOFF.maxDelayMs);
  });
});

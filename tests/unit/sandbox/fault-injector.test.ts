import { describe, expect, it } from 'vitest';
import { FaultInjector, faultRuleInputSchema, faultSettingsSchema } from '../../../electron/core/sandbox/gateway/fault-injector';

describe('sandbox faults: which calls a rule hits', () => {
  it('a throttle burst of 2 on iam:CreateRole hits the first two calls and lets the third pass', () => {
    const faults = new FaultInjector({ rules: [{ kind: 'throttle', service: 'iam', action: 'CreateRole', count: 2 }] });
    expect(faults.decide('iam', 'CreateRole').kind).toBe('throttle');
    expect(faults.decide('iam', 'CreateRole').kind).toBe('throttle');
    expect(faults.decide('iam', 'CreateRole')).toEqual({ kind: 'none', latencyMs: 0 });
    const report = faults.report();
    expect(report.calls).toBe(3);
    expect(report.injected.throttle).toBe(2);
    // A spent rule stays listed with its hits, so the admin endpoint can show what happened.
    expect(report.rules).toHaveLength(1);
    expect(report.rules[0]).toMatchObject({ hits: 2, remaining: 0 });
  });

  it('a rule aimed at one action leaves other actions and other services alone', () => {
    const faults = new FaultInjector({ rules: [{ kind: 'accessDenied', service: 'ec2', action: 'AssociateIamInstanceProfile' }] });
    expect(faults.decide('ec2', 'DescribeInstances').kind).toBe('none');
    expect(faults.decide('iam', 'AssociateIamInstanceProfile').kind).toBe('none');
    expect(faults.decide('ec2', 'AssociateIamInstanceProfile').kind).toBe('accessDenied');
  });

  it('service and action match without regard to case', () => {
    const faults = new FaultInjector({ rules: [{ kind: 'drop', service: 'S3', action: 'putobject' }] });
    expect(faults.decide('s3', 'PutObject').kind).toBe('drop');
  });

  it('a rule without a count hits every matching call until it is removed', () => {
    const faults = new FaultInjector({ rules: [{ kind: 'drop', service: 'sts' }] });
    for (let call = 0; call < 5; call++) expect(faults.decide('sts', 'AssumeRole').kind).toBe('drop');
    faults.clear();
    expect(faults.decide('sts', 'AssumeRole').kind).toBe('none');
    expect(faults.report().injected.drop).toBe(5);
  });

  it('a rule without service or action hits any call', () => {
    const faults = new FaultInjector({ rules: [{ kind: 'throttle', count: 1 }] });
    expect(faults.decide('sso', 'GetRoleCredentials').kind).toBe('throttle');
    expect(faults.decide('sso', 'GetRoleCredentials').kind).toBe('none');
  });

  it('an error rule answers 500 unless it names 503, and names the rule that fired', () => {
    const faults = new FaultInjector();
    const plain = faults.add({ kind: 'error', action: 'GetRole', count: 1 });
    const unavailable = faults.add({ kind: 'error', action: 'ListRoles', status: 503, count: 1 });
    expect(faults.decide('iam', 'GetRole')).toEqual({ kind: 'error', status: 500, latencyMs: 0, ruleId: plain.id });
    expect(faults.decide('iam', 'ListRoles')).toEqual({ kind: 'error', status: 503, latencyMs: 0, ruleId: unavailable.id });
  });

  it('when two failure rules match, the first listed fires and the second waits its turn', () => {
    const faults = new FaultInjector({
      rules: [
        { kind: 'throttle', service: 'iam', count: 1 },
        { kind: 'accessDenied', service: 'iam', count: 1 },
      ],
    });
    expect(faults.decide('iam', 'CreateRole').kind).toBe('throttle');
    expect(faults.decide('iam', 'CreateRole').kind).toBe('accessDenied');
    expect(faults.decide('iam', 'CreateRole').kind).toBe('none');
  });
});

describe('sandbox faults: latency', () => {
  it('the global latency applies to every call, and matching latency rules add to it', () => {
    const faults = new FaultInjector({ latencyMs: 50, rules: [{ kind: 'latency', service: 'ec2', latencyMs: 200 }] });
    expect(faults.decide('iam', 'GetRole').latencyMs).toBe(50);
    expect(faults.decide('ec2', 'DescribeInstances').latencyMs).toBe(250);
    expect(faults.report().injected.latency).toBe(1);
  });

  it('a latency rule delays a call that a failure rule also fails, and a counted latency rule runs out', () => {
    const faults = new FaultInjector({
      rules: [
        { kind: 'latency', service: 'iam', latencyMs: 100, count: 1 },
        { kind: 'throttle', service: 'iam', count: 1 },
      ],
    });
    expect(faults.decide('iam', 'CreateRole')).toMatchObject({ kind: 'throttle', latencyMs: 100 });
    expect(faults.decide('iam', 'CreateRole')).toEqual({ kind: 'none', latencyMs: 0 });
  });

  it('setLatency changes the delay of later calls; replace starts over with new settings', () => {
    const faults = new FaultInjector({ rules: [{ kind: 'drop' }] });
    faults.setLatency(30);
    expect(faults.decide('s3', 'GetObject')).toMatchObject({ kind: 'drop', latencyMs: 30 });
    const report = faults.replace({ latencyMs: 5 });
    expect(report.rules).toEqual([]);
    expect(faults.decide('s3', 'GetObject')).toEqual({ kind: 'none', latencyMs: 5 });
  });
});

describe('sandbox faults: the settings an admin may send', () => {
  it('refuses a latency rule without latencyMs, unknown fields, an unsupported status and a zero count', () => {
    expect(faultRuleInputSchema.safeParse({ kind: 'latency' }).success).toBe(false);
    expect(faultRuleInputSchema.safeParse({ kind: 'drop', colour: 'red' }).success).toBe(false);
    expect(faultRuleInputSchema.safeParse({ kind: 'error', status: 502 }).success).toBe(false);
    expect(faultRuleInputSchema.safeParse({ kind: 'throttle', count: 0 }).success).toBe(false);
    expect(faultSettingsSchema.safeParse({ latencyMs: 700_000 }).success).toBe(false);
  });

  it('accepts the rules the documentation shows', () => {
    expect(faultRuleInputSchema.safeParse({ kind: 'latency', latencyMs: 250 }).success).toBe(true);
    expect(faultSettingsSchema.safeParse({ latencyMs: 10, rules: [{ kind: 'throttle', service: 'iam', action: 'CreateRole', count: 2 }, { kind: 'error', status: 503 }] }).success).toBe(true);
  });
});

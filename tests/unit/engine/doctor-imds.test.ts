import { describe, expect, it } from 'vitest';
import { imdsLink } from '../../../electron/core/engine/doctor/instance-links';
import type { InstanceFacts } from '../../../electron/core/engine/doctor/instance-links';

const instance = (options: Partial<InstanceFacts>): InstanceFacts => ({ instanceId: 'i-0abc', state: 'running', ...options });

describe('IMDS rule', () => {
  it('IMDSv2 required with hop limit 1 breaks a containerised agent, with the modify-instance-metadata-options fix', () => {
    const link = imdsLink(instance({ httpTokens: 'required', hopLimit: 1, httpEndpoint: 'enabled' }), 'us-east-1', true);
    expect(link.status).toBe('broken');
    expect(link.reason).toMatch(/container/);
    expect(link.fix?.command).toBe("aws ec2 modify-instance-metadata-options --region 'us-east-1' --instance-id 'i-0abc' --http-put-response-hop-limit 2 --http-endpoint enabled");
  });

  it('is unknown (with the same fix) when nobody said where the agent runs, and ok for an agent on the host', () => {
    const risky = instance({ httpTokens: 'required', hopLimit: 1 });
    const unknown = imdsLink(risky, 'us-east-1', undefined);
    expect(unknown.status).toBe('unknown');
    expect(unknown.fix?.command).toContain('--http-put-response-hop-limit 2');
    expect(imdsLink(risky, 'us-east-1', false).status).toBe('ok');
  });

  it('is ok with hop limit 2, or with IMDSv1 still allowed', () => {
    expect(imdsLink(instance({ httpTokens: 'required', hopLimit: 2 }), 'us-east-1', true).status).toBe('ok');
    expect(imdsLink(instance({ httpTokens: 'optional', hopLimit: 1 }), 'us-east-1', true).status).toBe('ok');
  });

  it('a switched-off metadata service is broken wherever the agent runs', () => {
    const link = imdsLink(instance({ httpEndpoint: 'disabled', httpTokens: 'optional', hopLimit: 2 }), 'eu-west-1', false);
    expect(link.status).toBe('broken');
    expect(link.fix?.command).toContain('--http-endpoint enabled');
  });
});

import { describe, expect, it } from 'vitest';
import { agentHostCandidates, hostsAgent } from '../../../electron/core/iics/agent-host';
import { runtimeEnvironmentFrom } from '../../../electron/core/iics/runtime-environments';

describe('the EC2 instance of a Secure Agent, from its agentHost', () => {
  it('an EC2 private DNS name: the name itself and the IP it spells', () => {
    const candidates = agentHostCandidates('ip-10-0-1-23.ec2.internal');
    expect(candidates.privateDnsNames).toEqual(['ip-10-0-1-23.ec2.internal']);
    expect(candidates.privateIpAddresses).toEqual(['10.0.1.23']);
    expect(hostsAgent(candidates, { instanceId: 'i-1', privateDnsName: 'ip-10-0-1-23.ec2.internal' })).toBe(true);
    expect(hostsAgent(candidates, { instanceId: 'i-2', privateIpAddress: '10.0.1.23' })).toBe(true);
    expect(hostsAgent(candidates, { instanceId: 'i-3', privateDnsName: 'ip-10-0-1-24.ec2.internal', privateIpAddress: '10.0.1.24' })).toBe(false);
  });

  it('a short host name (the first label, as the agent often reports it) matches any DNS name that starts with it', () => {
    const candidates = agentHostCandidates('IP-172-31-5-9');
    expect(candidates.privateDnsNames).toEqual(['ip-172-31-5-9.*']);
    expect(hostsAgent(candidates, { instanceId: 'i-1', privateDnsName: 'ip-172-31-5-9.us-west-2.compute.internal' })).toBe(true);
    expect(hostsAgent(candidates, { instanceId: 'i-1', privateDnsName: 'ip-172-31-5-90.us-west-2.compute.internal' })).toBe(false);
  });

  it('a resource-name host gives the instance id; a bare IP gives the IP; nonsense octets give none', () => {
    expect(agentHostCandidates('i-0123456789abcdef0.us-west-2.compute.internal').instanceIds).toEqual(['i-0123456789abcdef0']);
    expect(agentHostCandidates('10.1.2.3')).toMatchObject({ privateDnsNames: [], privateIpAddresses: ['10.1.2.3'] });
    expect(agentHostCandidates('ip-300-1-1-1.ec2.internal').privateIpAddresses).toEqual([]);
    expect(agentHostCandidates('etl-host.corp.example')).toMatchObject({ privateDnsNames: ['etl-host.corp.example'], privateIpAddresses: [], instanceIds: [] });
  });
});

describe('runtime environment kind and status', () => {
  it('the documented Secure Agent group example (empty serverlessConfig, no agents) is a group without agents, not serverless', () => {
    const environment = runtimeEnvironmentFrom({ id: '01000325000000000005', name: 'USW1MJ02W6PP-2', agents: [], isShared: false, serverlessConfig: { cloudProviderConfig: { cloudConfig: [] } } });
    expect(environment).toMatchObject({ kind: 'secureAgentGroup', status: 'noAgents' });
  });

  it('a configured serverlessConfig without agents is serverless', () => {
    expect(runtimeEnvironmentFrom({ id: 'x', name: 's', agents: [], serverlessConfig: { platform: 'AWS', cloudProviderConfig: { cloudConfig: [] } } }).kind).toBe('serverless');
    expect(runtimeEnvironmentFrom({ id: 'x', name: 's', serverlessConfig: { cloudProviderConfig: { cloudConfig: [{ name: 'region', value: 'us-east-1' }] } } }).kind).toBe('serverless');
  });

  it('is active when one agent is, inactive when none is', () => {
    const agent = (active: boolean) => ({ id: active ? 'a1' : 'a2', name: 'n', active, readyToRun: active, agentHost: 'ip-10-0-0-1.ec2.internal' });
    expect(runtimeEnvironmentFrom({ id: 'g', name: 'g', agents: [agent(false), agent(true)] }).status).toBe('active');
    expect(runtimeEnvironmentFrom({ id: 'g', name: 'g', agents: [agent(false)] }).status).toBe('inactive');
  });
});

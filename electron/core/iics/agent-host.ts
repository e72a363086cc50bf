/**
 * Which EC2 instance runs a Secure Agent: IICS reports only the agent's host name (`agentHost`,
 * iics-api.md §3.3); how it maps onto EC2 is an assumption (iics-assumptions.ts). This turns it
 * into values a caller matches against EC2 — as DescribeInstances filter values
 * (`private-dns-name` accepts `*`, `private-ip-address`, `instance-id`) or against listed instances.
 */

export interface AgentHostCandidates {
  readonly agentHost: string;
  /** Exact private DNS names, or a first label followed by `.*`. */
  readonly privateDnsNames: readonly string[];
  readonly privateIpAddresses: readonly string[];
  /** From resource-name hosts such as `i-0123456789abcdef0.us-west-2.compute.internal`. */
  readonly instanceIds: readonly string[];
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const IP_NAME = /^ip-(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})$/;
const INSTANCE_NAME = /^(i-[0-9a-f]{8}(?:[0-9a-f]{9})?)$/;

function validIp(parts: readonly string[]): string | undefined {
  return parts.every((part) => Number(part) <= 255) ? parts.join('.') : undefined;
}

export function agentHostCandidates(agentHost: string): AgentHostCandidates {
  const host = agentHost.trim().toLowerCase().replace(/\.$/, '');
  const ipMatch = IPV4.exec(host);
  if (ipMatch !== null) {
    const ip = validIp(ipMatch.slice(1));
    return { agentHost, privateDnsNames: [], privateIpAddresses: ip === undefined ? [] : [ip], instanceIds: [] };
  }
  const [firstLabel = ''] = host.split('.');
  const dnsNames = host === '' ? [] : host.includes('.') ? [host] : [`${host}.*`];
  const ipName = IP_NAME.exec(firstLabel);
  const ip = ipName === null ? undefined : validIp(ipName.slice(1));
  const instance = INSTANCE_NAME.exec(firstLabel);
  return { agentHost, privateDnsNames: dnsNames, privateIpAddresses: ip === undefined ? [] : [ip], instanceIds: instance?.[1] === undefined ? [] : [instance[1]] };
}

export interface Ec2InstanceAddress {
  readonly instanceId: string;
  readonly privateDnsName?: string;
  readonly privateIpAddress?: string;
}

/** Whether a listed instance is one the agent's host name can stand for. */
export function hostsAgent(candidates: AgentHostCandidates, instance: Ec2InstanceAddress): boolean {
  if (candidates.instanceIds.includes(instance.instanceId)) return true;
  if (instance.privateIpAddress !== undefined && candidates.privateIpAddresses.includes(instance.privateIpAddress)) return true;
  const dns = instance.privateDnsName?.toLowerCase();
  if (dns === undefined || dns === '') return false;
  return candidates.privateDnsNames.some((name) => (name.endsWith('.*') ? dns.startsWith(name.slice(0, -1)) : dns === name));
}

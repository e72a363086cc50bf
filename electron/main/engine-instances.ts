import { DescribeIamInstanceProfileAssociationsCommand, DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import type { EC2Client, Instance } from '@aws-sdk/client-ec2';
import type { InstanceListing, InstanceSummary } from '../../shared/ipc/engine-contract';
import { awsFailure } from '../core/engine/aws-errors';

/**
 * The EC2 instances the guided setup offers as the agent's host: each with its state, private
 * address (to match IICS's agentHost) and current instance profile, so the shared-role case is
 * visible before planning. Terminated instances cannot host an agent and are left out.
 */

/** Tags an Informatica install or an admin commonly puts on the agent's host. */
const AGENT_TAG_KEYS = ['informatica:secure-agent', 'informatica:agent', 'secure-agent'];
const AGENT_NAME = /secure[-_ ]?agent|informatica|\binfa\b|iics/i;

function secureAgentHint(instance: Instance): string | undefined {
  const tags = instance.Tags ?? [];
  const tagged = tags.find((tag) => tag.Key !== undefined && AGENT_TAG_KEYS.includes(tag.Key.toLowerCase()));
  if (tagged?.Key !== undefined) return `tagged ${tagged.Key}=${tagged.Value ?? ''}`;
  const name = tags.find((tag) => tag.Key === 'Name')?.Value;
  if (name !== undefined && AGENT_NAME.test(name)) return `named ${name}`;
  return undefined;
}

async function currentProfiles(ec2: EC2Client): Promise<Map<string, string>> {
  const byInstance = new Map<string, string>();
  let token: string | undefined;
  do {
    const page = await ec2.send(new DescribeIamInstanceProfileAssociationsCommand(token === undefined ? {} : { NextToken: token }));
    for (const association of page.IamInstanceProfileAssociations ?? []) {
      if (association.State !== 'associated' && association.State !== 'associating') continue;
      if (association.InstanceId !== undefined && association.IamInstanceProfile?.Arn !== undefined) byInstance.set(association.InstanceId, association.IamInstanceProfile.Arn);
    }
    token = page.NextToken === '' ? undefined : page.NextToken;
  } while (token !== undefined);
  return byInstance;
}

export async function listInstances(ec2: EC2Client, region: string): Promise<InstanceListing> {
  const instances: Instance[] = [];
  let profiles: Map<string, string>;
  try {
    let token: string | undefined;
    do {
      const page = await ec2.send(new DescribeInstancesCommand(token === undefined ? {} : { NextToken: token }));
      for (const reservation of page.Reservations ?? []) instances.push(...(reservation.Instances ?? []));
      token = page.NextToken === '' ? undefined : page.NextToken;
    } while (token !== undefined);
    profiles = await currentProfiles(ec2);
  } catch (error) {
    throw awsFailure(error, `Listing the EC2 instances in ${region}`);
  }
  const summaries = instances
    .filter((instance) => instance.InstanceId !== undefined && instance.State?.Name !== 'terminated')
    .map((instance): InstanceSummary => {
      const id = instance.InstanceId ?? '';
      const name = instance.Tags?.find((tag) => tag.Key === 'Name')?.Value;
      const profileArn = profiles.get(id) ?? instance.IamInstanceProfile?.Arn;
      const hint = secureAgentHint(instance);
      return {
        instanceId: id,
        ...(name === undefined ? {} : { name }),
        state: instance.State?.Name ?? 'unknown',
        ...(instance.PrivateDnsName === undefined || instance.PrivateDnsName === '' ? {} : { privateDnsName: instance.PrivateDnsName }),
        ...(instance.PrivateIpAddress === undefined ? {} : { privateIpAddress: instance.PrivateIpAddress }),
        ...(profileArn === undefined ? {} : { instanceProfileArn: profileArn }),
        ...(hint === undefined ? {} : { secureAgentHint: hint }),
      };
    });
  // Likely agent hosts first, then by name, so the usual choice is at the top of the list.
  summaries.sort((a, b) => Number(b.secureAgentHint !== undefined) - Number(a.secureAgentHint !== undefined) || (a.name ?? a.instanceId).localeCompare(b.name ?? b.instanceId));
  return { region, instances: summaries };
}

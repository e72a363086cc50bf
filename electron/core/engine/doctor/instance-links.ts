import { DescribeIamInstanceProfileAssociationsCommand, DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import type { EC2Client, Filter, Instance } from '@aws-sdk/client-ec2';
import { shellQuote } from '../../../../shared/export/shell-text';
import { brokenLink, okLink, unknownLink } from '../../../../shared/plan/chain-report';
import type { ChainReportLink } from '../../../../shared/plan/chain-report';
import { checkFailed, deniedDetail, isAccessDenied, isNotFound } from '../verify/aws-errors';

/**
 * The EC2 end of the chain: the instance and its state, its metadata service settings, and its
 * instance profile association (aws.md §1.2, §6).
 */

export interface InstanceFacts {
  readonly instanceId: string;
  readonly state: string;
  readonly privateDnsName?: string;
  readonly privateIpAddress?: string;
  readonly httpTokens?: string;
  readonly hopLimit?: number;
  readonly httpEndpoint?: string;
}

export type InstanceLookup =
  | { readonly kind: 'found'; readonly instance: InstanceFacts }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'denied'; readonly detail: string };

function factsOf(instance: Instance): InstanceFacts {
  const options = instance.MetadataOptions;
  return {
    instanceId: instance.InstanceId ?? '',
    state: instance.State?.Name ?? 'unknown',
    ...(instance.PrivateDnsName ? { privateDnsName: instance.PrivateDnsName } : {}),
    ...(instance.PrivateIpAddress ? { privateIpAddress: instance.PrivateIpAddress } : {}),
    ...(options?.HttpTokens === undefined ? {} : { httpTokens: options.HttpTokens }),
    ...(options?.HttpPutResponseHopLimit === undefined ? {} : { hopLimit: options.HttpPutResponseHopLimit }),
    ...(options?.HttpEndpoint === undefined ? {} : { httpEndpoint: options.HttpEndpoint }),
  };
}

async function describe(ec2: EC2Client, request: { InstanceIds?: string[]; Filters?: Filter[] }, what: string): Promise<InstanceLookup> {
  try {
    const { Reservations } = await ec2.send(new DescribeInstancesCommand(request));
    const instance = (Reservations ?? []).flatMap((reservation) => reservation.Instances ?? []).find((candidate) => candidate.State?.Name !== 'terminated');
    return instance === undefined ? { kind: 'notFound' } : { kind: 'found', instance: factsOf(instance) };
  } catch (error) {
    if (isNotFound(error)) return { kind: 'notFound' };
    if (isAccessDenied(error)) return { kind: 'denied', detail: deniedDetail(error) };
    throw checkFailed(`describing ${what}`, error);
  }
}

export function findInstance(ec2: EC2Client, instanceId: string): Promise<InstanceLookup> {
  return describe(ec2, { InstanceIds: [instanceId] }, `EC2 instance ${instanceId}`);
}

/** The instance whose private DNS name or IP is the agent's `agentHost` (DESIGN §6). */
export async function findInstanceByHost(ec2: EC2Client, host: string): Promise<InstanceLookup> {
  const byName = await describe(ec2, { Filters: [{ Name: 'private-dns-name', Values: [host] }] }, `the instance named ${host}`);
  if (byName.kind !== 'notFound') return byName;
  const shortName = host.split('.')[0] ?? host;
  const ip = /^ip-(\d+)-(\d+)-(\d+)-(\d+)$/.exec(shortName)?.slice(1).join('.') ?? host;
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return byName;
  return describe(ec2, { Filters: [{ Name: 'private-ip-address', Values: [ip] }] }, `the instance with IP ${ip}`);
}

export function instanceLink(lookup: InstanceLookup, instanceId: string, region: string): ChainReportLink {
  const title = `EC2 instance ${instanceId} is running`;
  if (lookup.kind === 'notFound') {
    return brokenLink('instance', title, `There is no EC2 instance ${instanceId} in region ${region} of this account.`, {
      summary: 'Check the instance id, the region (--region) and that the profile is for the agent\'s account.',
      command: `aws ec2 describe-instances --region ${shellQuote(region)} --instance-ids ${shellQuote(instanceId)}`,
    });
  }
  if (lookup.kind === 'denied') {
    return unknownLink('instance', title, `The profile may not describe instances: ${lookup.detail}`, { summary: 'Grant the operator ec2:DescribeInstances, or use a profile that has it.' });
  }
  const { instance } = lookup;
  if (instance.state === 'running') return okLink('instance', title, `${instance.instanceId} is running${instance.privateDnsName === undefined ? '' : ` (${instance.privateDnsName})`}.`);
  return brokenLink('instance', title, `${instance.instanceId} is ${instance.state}: a Secure Agent on it cannot run, and IMDS serves no credentials to a stopped instance.`, {
    summary: instance.state === 'stopped' ? 'Start the instance, then the Secure Agent service on it.' : `Wait until the instance is running (it is ${instance.state}), or use the instance the agent runs on now.`,
    ...(instance.state === 'stopped' ? { command: `aws ec2 start-instances --region ${shellQuote(region)} --instance-ids ${shellQuote(instance.instanceId)}` } : {}),
  });
}

/**
 * IMDSv2 with a PUT hop limit of 1 stops the token response one hop short of a container, so a
 * Secure Agent in Docker gets no credentials (aws.md §6). Whether the agent runs in a container
 * is not visible from AWS: the caller says so, or the link stays unknown when it matters.
 */
export function imdsLink(instance: InstanceFacts, region: string, agentInContainer: boolean | undefined): ChainReportLink {
  const title = 'Instance metadata service hands credentials to the agent';
  const modify = (options: string): string => `aws ec2 modify-instance-metadata-options --region ${shellQuote(region)} --instance-id ${shellQuote(instance.instanceId)} ${options}`;
  if (instance.httpEndpoint === 'disabled') {
    return brokenLink('imds', title, `The metadata service of ${instance.instanceId} is switched off (HttpEndpoint disabled): no process on it can get the role's credentials.`, {
      summary: 'Switch the metadata service on.',
      command: modify('--http-endpoint enabled'),
    });
  }
  const tokensRequired = instance.httpTokens === 'required';
  const settings = `HttpTokens ${instance.httpTokens ?? 'unknown'}, HttpPutResponseHopLimit ${instance.hopLimit === undefined ? 'unknown' : String(instance.hopLimit)}`;
  if (!(tokensRequired && instance.hopLimit === 1)) return okLink('imds', title, `${settings}: an agent on the host or in a container can reach it.`);
  const why = `${settings}: IMDSv2 is required and its token response goes only one network hop, so a Secure Agent running in a container (Docker, Kubernetes) gets no token and no credentials; an agent installed directly on the instance is not affected.`;
  const fix = { summary: 'Raise the hop limit to 2 so a containerised agent can reach the metadata service (IMDSv2 stays required).', command: modify('--http-put-response-hop-limit 2 --http-endpoint enabled') };
  if (agentInContainer === true) return brokenLink('imds', title, why, fix);
  if (agentInContainer === false) return okLink('imds', title, `${settings}: fine for an agent installed on the instance itself (a containerised agent would need hop limit 2).`);
  return unknownLink('imds', title, `${why} Whether the agent runs in a container is not visible from AWS.`, fix);
}

export type AssociationLookup =
  | { readonly kind: 'associated'; readonly profileArn: string; readonly associationId: string }
  | { readonly kind: 'none' }
  | { readonly kind: 'denied'; readonly detail: string };

export async function findAssociation(ec2: EC2Client, instanceId: string): Promise<AssociationLookup> {
  try {
    const { IamInstanceProfileAssociations } = await ec2.send(
      new DescribeIamInstanceProfileAssociationsCommand({ Filters: [{ Name: 'instance-id', Values: [instanceId] }] }),
    );
    const current = (IamInstanceProfileAssociations ?? []).find((association) => association.State === 'associated' || association.State === 'associating');
    const profileArn = current?.IamInstanceProfile?.Arn;
    if (current === undefined || profileArn === undefined) return { kind: 'none' };
    return { kind: 'associated', profileArn, associationId: current.AssociationId ?? '' };
  } catch (error) {
    if (isAccessDenied(error)) return { kind: 'denied', detail: deniedDetail(error) };
    throw checkFailed(`reading the instance profile association of ${instanceId}`, error);
  }
}

export function associationLink(lookup: AssociationLookup, instanceId: string, region: string, suggestedProfile: string): ChainReportLink {
  const title = `Instance ${instanceId} has an IAM instance profile`;
  if (lookup.kind === 'associated') return okLink('association', title, `Associated with ${lookup.profileArn} (${lookup.associationId}).`);
  if (lookup.kind === 'denied') {
    return unknownLink('association', title, `The profile may not read instance profile associations: ${lookup.detail}`, { summary: 'Grant the operator ec2:DescribeIamInstanceProfileAssociations, or use a profile that has it.' });
  }
  return brokenLink('association', title, `No instance profile is associated with ${instanceId}: the agent on it has no role, so IAM authentication has no credentials to use.`, {
    summary: `Create a role and instance profile for the agent and associate it (keyless plan / keyless apply do both), or associate an existing profile:`,
    command: `aws ec2 associate-iam-instance-profile --region ${shellQuote(region)} --instance-id ${shellQuote(instanceId)} --iam-instance-profile ${shellQuote(`Name=${suggestedProfile}`)}`,
  });
}

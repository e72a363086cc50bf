import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { KeylessFailure } from '../../../../shared/errors';
import type { AccountObservation, LookupList, ObservedState } from '../../../../shared/plan/observed-state';
import type { AccountRole } from '../../../../shared/plan/plan-model';
import { lookupsFor } from '../../../../shared/plan/planner';
import type { AccountIdentity, PlanIdentities, ProvisionInput } from '../../../../shared/plan/provision-input';
import { isPartition } from '../../../../shared/validation/partition-region';
import type { AwsClientFactory } from '../aws-clients';
import { awsFailure } from '../aws-errors';
import { readInstance } from './read-instance';
import { readInstanceProfile } from './read-instance-profile';
import { readPolicy } from './read-policy';
import { readRole } from './read-role';

/** The account and partition come from the caller's ARN, not from configuration. */
export async function readIdentity(factory: AwsClientFactory, account: AccountRole): Promise<AccountIdentity> {
  try {
    const identity = await factory.clients(account).sts.send(new GetCallerIdentityCommand({}));
    const partition = identity.Arn?.split(':')[1] ?? 'aws';
    return { accountId: identity.Account ?? '', partition: isPartition(partition) ? partition : 'aws', callerArn: identity.Arn ?? '' };
  } catch (error) {
    throw awsFailure(error, `Identifying the ${account} account's caller (sts:GetCallerIdentity)`);
  }
}

export async function readIdentities(factory: AwsClientFactory, input: ProvisionInput): Promise<PlanIdentities> {
  const [agent, bucket] = await Promise.all([readIdentity(factory, 'agent'), input.setup === 'crossAccount' ? readIdentity(factory, 'bucket') : Promise.resolve(undefined)]);
  return { agent, ...(bucket !== undefined ? { bucket } : {}) };
}

const DENIED = new Set(['AWS_ACCESSDENIED', 'AWS_UNAUTHORIZEDOPERATION']);

async function readAccount(factory: AwsClientFactory, account: AccountRole, list: LookupList | undefined): Promise<AccountObservation> {
  if (list === undefined) return { roles: {}, policies: {}, instanceProfiles: {} };
  const { iam } = factory.clients(account);
  const unreadable: string[] = [];
  // A denied read is noted, not fatal: the plan still shows, and preflight names what to ask for.
  const orUnreadable = async <T>(what: string, read: Promise<T | null>): Promise<T | null> => {
    try {
      return await read;
    } catch (error) {
      if (error instanceof KeylessFailure && DENIED.has(error.detail.code)) {
        unreadable.push(what);
        return null;
      }
      throw error;
    }
  };
  const [roles, policies, profiles] = await Promise.all([
    Promise.all(list.roles.map(async (name) => [name, await orUnreadable(`role ${name}`, readRole(iam, name))] as const)),
    Promise.all(list.policyArns.map(async (arn) => [arn, await orUnreadable(`managed policy ${arn}`, readPolicy(iam, arn))] as const)),
    Promise.all(list.instanceProfiles.map(async (name) => [name, await orUnreadable(`instance profile ${name}`, readInstanceProfile(iam, name))] as const)),
  ]);
  return {
    roles: Object.fromEntries(roles),
    policies: Object.fromEntries(policies),
    instanceProfiles: Object.fromEntries(profiles),
    ...(unreadable.length > 0 ? { unreadable } : {}),
  };
}

/** Everything the planner decides from: the instance first (it decides which names matter), then those names. */
export async function readState(factory: AwsClientFactory, input: ProvisionInput, identities: PlanIdentities): Promise<ObservedState> {
  const agent = factory.clients('agent');
  const instance = await readInstance(agent.ec2, agent.iam, input.instanceId);
  const lookups = lookupsFor(input, identities, instance);
  const [agentState, bucketState] = await Promise.all([
    readAccount(factory, 'agent', lookups.agent),
    input.setup === 'crossAccount' ? readAccount(factory, 'bucket', lookups.bucket) : Promise.resolve(undefined),
  ]);
  return { agent: agentState, ...(bucketState !== undefined ? { bucket: bucketState } : {}), instance };
}

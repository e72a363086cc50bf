import type { AccountObservation, ObservedInstance, ObservedState } from '../../../shared/plan/observed-state';
import type { PlanIdentities, ProvisionInput } from '../../../shared/plan/provision-input';

export const AGENT = '111111111111';
export const BUCKET = '222222222222';
export const INSTANCE = 'i-0123456789abcdef0';

export const identities: PlanIdentities = {
  agent: { accountId: AGENT, partition: 'aws', callerArn: `arn:aws:iam::${AGENT}:user/admin` },
  bucket: { accountId: BUCKET, partition: 'aws', callerArn: `arn:aws:iam::${BUCKET}:user/data-admin` },
};

export function input(overrides: Partial<ProvisionInput> = {}): ProvisionInput {
  return {
    setup: 'instanceRole',
    profile: 'agent',
    region: 'us-east-1',
    bucket: 'acme-landing',
    folder: 'sales',
    access: 'read',
    advancedMode: false,
    instanceId: INSTANCE,
    names: { role: 'agent-role', policy: 's3-access', instanceProfile: 'agent-profile', connectorRole: 'connector', assumePolicy: 'assume-connector' },
    path: '/',
    tags: [],
    ...overrides,
  };
}

export const empty: AccountObservation = { roles: {}, policies: {}, instanceProfiles: {} };
export const bareInstance: ObservedInstance = { instanceId: INSTANCE, exists: true, state: 'running' };

export const sharedInstance: ObservedInstance = {
  instanceId: INSTANCE,
  exists: true,
  state: 'running',
  association: { associationId: 'iip-assoc-1', profileArn: `arn:aws:iam::${AGENT}:instance-profile/reporting-profile`, profileName: 'reporting-profile', state: 'associated' },
  associatedProfile: { name: 'reporting-profile', arn: `arn:aws:iam::${AGENT}:instance-profile/reporting-profile`, roleNames: ['reporting-role'], tags: {} },
  associatedRole: {
    name: 'reporting-role',
    arn: `arn:aws:iam::${AGENT}:role/reporting-role`,
    path: '/',
    trust: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
    attachedPolicyArns: [`arn:aws:iam::${AGENT}:policy/reporting-logs`],
    inlinePolicyNames: ['reporting-metrics'],
    tags: {},
  },
};

export function state(overrides: Partial<ObservedState> = {}): ObservedState {
  return { agent: empty, bucket: empty, instance: bareInstance, ...overrides };
}

import type { ChainReport, ChainReportLink } from '../../../../shared/plan/chain-report';
import type { Plan } from '../../../../shared/plan/plan-model';
import type { AwsClientFactory } from '../aws-clients';
import { associationLink, findAssociation } from '../doctor/instance-links';
import { findInstanceProfile, instanceProfileLink } from '../doctor/profile-links';
import type { EngineAwsClients } from '../aws-clients';
import { folderUrl } from './connector-access';
import { verifySetup } from './verify-setup';
import type { SetupKind, VerifyInput } from './verify-setup';

/**
 * Verify after apply, straight from the plan that was applied: the instance role is the one EC2
 * really hands the instance now (association → instance profile → role), not the one the plan
 * meant to attach, so a replaced or missing association shows up as a broken link.
 */

const SETUP_OF: Readonly<Record<Plan['effectiveSetup'], SetupKind>> = { instanceRole: 'a', assumeConnectorRole: 'b', crossAccount: 'c' };

export type InstanceRoleLookup = { readonly roleArn: string } | { readonly link: ChainReportLink };

/** The role behind the instance's current association, or the link that says why there is none. */
export async function currentInstanceRole(clients: EngineAwsClients, instanceId: string, region: string): Promise<InstanceRoleLookup> {
  const association = await findAssociation(clients.ec2, instanceId);
  if (association.kind !== 'associated') return { link: associationLink(association, instanceId, region, 'the instance profile') };
  const profile = await findInstanceProfile(clients.iam, association.profileArn);
  if (profile.kind !== 'found' || profile.roleArn === undefined) return { link: instanceProfileLink(profile, association.profileArn, 'the agent role') };
  return { roleArn: profile.roleArn };
}

export async function verifyPlan(plan: Plan, factory: AwsClientFactory): Promise<ChainReport> {
  const setup = SETUP_OF[plan.effectiveSetup];
  const agent = factory.clients('agent');
  const { input } = plan;
  const target: VerifyInput['target'] = {
    bucket: input.bucket,
    ...(input.folder === undefined ? {} : { folder: input.folder }),
    access: input.access,
    advancedMode: input.advancedMode,
    ...(input.kmsKeyArn === undefined ? {} : { kmsKeyArn: input.kmsKeyArn }),
    partition: plan.partition,
  };
  const role = await currentInstanceRole(agent, input.instanceId, plan.region);
  if ('link' in role) return { subject: `Verify setup ${setup.toUpperCase()}: ${folderUrl(target)} (${target.access})`, links: [role.link] };
  const connectorRoleArn = plan.connection.iamRoleArn;
  return verifySetup(
    {
      setup,
      instanceRole: role.roleArn,
      instanceId: input.instanceId,
      target,
      ...(setup === 'a' || connectorRoleArn === undefined ? {} : { connectorRoleArn }),
      ...(plan.connection.externalId === undefined ? {} : { externalId: plan.connection.externalId }),
    },
    { agent, ...(setup === 'c' ? { bucket: factory.clients('bucket') } : {}) },
  );
}

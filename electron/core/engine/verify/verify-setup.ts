import { brokenLink, okLink, unknownLink } from '../../../../shared/plan/chain-report';
import type { ChainReport, ChainReportLink } from '../../../../shared/plan/chain-report';
import type { EngineAwsClients } from '../aws-clients';
import { connectorAccessQuestions, folderUrl, grantS3AccessFix } from './connector-access';
import type { ConnectorTarget } from './connector-access';
import { accountOfArn, assumePermissionLink, connectorTrustLink, ec2TrustLink } from './role-links';
import { readRoleState } from './role-state';
import type { RoleReadOutcome, RoleState } from './role-state';
import { describeDecision, simulatePrincipal } from './simulate-principal';
import type { SimulationQuestion } from './simulate-principal';

/**
 * Verify (issue 6): after apply, ask IAM itself — SimulatePrincipalPolicy on the role that uses
 * the bucket — whether the connector's actions on the bucket/folder are allowed, and for setups
 * B and C whether the AssumeRole path holds: the instance role may assume the connector role
 * (simulated) and the connector role's trust admits it with the External Id (evaluated locally,
 * since the simulator does not evaluate trust policies).
 */

export type SetupKind = 'a' | 'b' | 'c';

export interface VerifyInput {
  readonly setup: SetupKind;
  /** ARN or name of the instance role (agent account). */
  readonly instanceRole: string;
  /** ARN of the connector role (setups B and C): the connection's "IAM Role ARN". */
  readonly connectorRoleArn?: string;
  readonly externalId?: string;
  readonly target: ConnectorTarget;
  /** The agent's instance: EC2 names the instance role's session after it. */
  readonly instanceId?: string;
}

export interface VerifyClients {
  /** The agent's account: instance, instance role. */
  readonly agent: EngineAwsClients;
  /** The bucket's account (setup C): connector role. Defaults to `agent`. */
  readonly bucket?: EngineAwsClients;
}

/** A role read for a link: the role when found, or the link that says why it is not there. */
export function roleReadLink(id: string, label: string, roleRef: string, outcome: RoleReadOutcome): { readonly role?: RoleState; readonly link: ChainReportLink } {
  const title = `${label} ${outcome.kind === 'found' ? outcome.role.name : roleRef} exists`;
  if (outcome.kind === 'found') return { role: outcome.role, link: okLink(id, title, `${outcome.role.arn}.`) };
  if (outcome.kind === 'notFound') {
    return { link: brokenLink(id, title, `IAM has no role ${roleRef} in this account.`, { summary: 'Create it: run `keyless plan` and `keyless apply` for this setup, or check the name and the profile\'s account.' }) };
  }
  return { link: unknownLink(id, title, `The profile may not read the role (${outcome.action}): ${outcome.detail}`, { summary: `Grant the operator ${outcome.action} on the role, or run the check with a profile that has it.` }) };
}

async function simulatedLinks(clients: EngineAwsClients, role: RoleState, questions: readonly (SimulationQuestion & { id: string; title: string })[], fixFor: () => ChainReportLink['fix']): Promise<ChainReportLink[]> {
  const outcome = await simulatePrincipal(clients.iam, role.arn, questions);
  if (outcome.kind !== 'answered') {
    return questions.map((question) =>
      unknownLink(question.id, question.title, `IAM's policy simulator could not be asked about role ${role.name}: ${outcome.detail}`, {
        summary: `Grant the operator iam:SimulatePrincipalPolicy on ${role.arn}, or run verify with a profile that has it.`,
      }),
    );
  }
  return questions.map((question, index) => {
    const answer = outcome.answers[index]!;
    const subject = `${question.action} on ${question.resource}${question.context?.['s3:prefix'] === undefined ? '' : ` with s3:prefix "${String(question.context['s3:prefix'])}"`}`;
    if (answer.decision === 'allowed') return okLink(question.id, question.title, `Simulated for ${role.name}: ${subject} is ${describeDecision(answer)}.`);
    const fix = fixFor();
    return brokenLink(question.id, question.title, `Simulated for ${role.name}: ${subject} is ${describeDecision(answer)}.`, fix ?? { summary: 'Grant the action to the role.' });
  });
}

/**
 * The instance role's permission to assume the connector role. Same account: IAM's simulator.
 * Cross-account (setup C): the simulator judges a request for another account's resource only
 * together with that resource's policy, so the identity side is evaluated locally instead.
 */
async function assumeLink(clients: EngineAwsClients, instanceRole: RoleState, connectorArn: string, sessionName: string): Promise<ChainReportLink> {
  if (accountOfArn(connectorArn) !== accountOfArn(instanceRole.arn)) {
    const local = assumePermissionLink(instanceRole, connectorArn, sessionName);
    return { ...local, reason: `${local.reason} Evaluated locally over the role's policies, since the connector role is in another account (${accountOfArn(connectorArn)}).` };
  }
  const [simulated] = await simulatedLinks(
    clients,
    instanceRole,
    [{ id: 'assume-permission', title: `Role ${instanceRole.name} may assume ${connectorArn}`, action: 'sts:AssumeRole', resource: connectorArn }],
    () => assumePermissionLink({ ...instanceRole, identityPolicies: [] }, connectorArn, sessionName).fix,
  );
  return simulated!;
}

/** A role in another account can be read only with that account's credentials. */
export function otherAccountLink(roleArn: string, agentRoleArn: string, flag: string): ChainReportLink | undefined {
  const account = accountOfArn(roleArn);
  if (account === accountOfArn(agentRoleArn)) return undefined;
  return unknownLink('connector-role', `Connector role ${roleArn} exists`, `The role is in account ${account}, and no credentials for that account were given, so it cannot be read.`, {
    summary: `Run the check again with ${flag} naming a profile of account ${account}.`,
  });
}

export async function verifySetup(input: VerifyInput, clients: VerifyClients): Promise<ChainReport> {
  const bucketClients = clients.bucket ?? clients.agent;
  const subject = `Verify setup ${input.setup.toUpperCase()}: ${folderUrl(input.target)} (${input.target.access}${input.target.advancedMode ? ', advanced mode' : ''})`;
  const links: ChainReportLink[] = [];
  const sessionName = input.instanceId ?? 'keyless-verify';

  const instanceRead = roleReadLink('role', 'Instance role', input.instanceRole, await readRoleState(clients.agent.iam, input.instanceRole));
  links.push(instanceRead.link);
  if (instanceRead.role === undefined) return { subject, links };
  const instanceRole = instanceRead.role;
  links.push(ec2TrustLink(instanceRole));

  let actingRole = instanceRole;
  let actingClients = clients.agent;
  if (input.setup !== 'a') {
    const connectorArn = input.connectorRoleArn;
    if (connectorArn === undefined) {
      links.push(brokenLink('connector-role', 'Connector role is named', `Setup ${input.setup.toUpperCase()} needs the connector role's ARN (the connection's "IAM Role ARN").`, { summary: 'Pass --connector-role ARN.' }));
      return { subject, links };
    }
    links.push(await assumeLink(clients.agent, instanceRole, connectorArn, sessionName));
    const unreachable = clients.bucket === undefined ? otherAccountLink(connectorArn, instanceRole.arn, '--bucket-profile') : undefined;
    if (unreachable !== undefined) {
      links.push(unreachable);
      return { subject, links };
    }
    const connectorRead = roleReadLink('connector-role', 'Connector role', connectorArn, await readRoleState(bucketClients.iam, connectorArn));
    links.push(connectorRead.link);
    if (connectorRead.role === undefined) return { subject, links };
    links.push(connectorTrustLink(connectorRead.role, instanceRole, sessionName, input.externalId));
    actingRole = connectorRead.role;
    actingClients = bucketClients;
  }

  const questions = connectorAccessQuestions(input.target).map((question) => ({
    id: question.id,
    title: `${actingRole.name}: ${question.title}`,
    action: question.request.action,
    resource: question.request.resource,
    ...(question.request.context === undefined ? {} : { context: question.request.context }),
  }));
  links.push(...(await simulatedLinks(actingClients, actingRole, questions, () => grantS3AccessFix(actingRole.name, input.target))));
  return { subject, links };
}

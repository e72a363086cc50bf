import { inputError } from '../../../../shared/errors';
import { DEFAULT_NAMES } from '../../../../shared/export/default-names';
import { shellQuote } from '../../../../shared/export/shell-text';
import { brokenLink, okLink, unknownLink } from '../../../../shared/plan/chain-report';
import type { ChainReport, ChainReportLink } from '../../../../shared/plan/chain-report';
import type { AccessLevel } from '../../../../shared/policy/model';
import { validateFolderPath } from '../../../../shared/validation/folder-path';
import { requireValid } from '../../../../shared/validation/require-valid';
import type { EngineAwsClients } from '../aws-clients';
import { connectorAccessQuestions, folderUrl, grantS3AccessFix } from '../verify/connector-access';
import type { ConnectorTarget } from '../verify/connector-access';
import { asSentence, assumePermissionLink, connectorTrustLink, ec2TrustLink, evaluateAccess, partitionOfArn } from '../verify/role-links';
import { readRoleState } from '../verify/role-state';
import type { RoleState } from '../verify/role-state';
import { otherAccountLink, roleReadLink } from '../verify/verify-setup';
import { connectionLinks, splitFolderPath } from './connection-links';
import type { DoctorConnection } from './connection-links';
import { associationLink, findAssociation, findInstance, findInstanceByHost, imdsLink, instanceLink } from './instance-links';
import { findInstanceProfile, instanceProfileLink } from './profile-links';

/**
 * Doctor (DESIGN §1 job 3): why does the connection test fail? Walks the chain an existing setup
 * relies on — [connection → runtime environment → agent →] instance → IMDS → association →
 * instance profile → role → trust → policies → [assumed role → its trust → its policies →]
 * bucket/folder — reading everything with the operator's credentials and judging the policies
 * locally with our evaluator. Read-only: it never changes anything.
 */

export interface DoctorInput {
  readonly region: string;
  /** The agent's instance; optional when a connection names the agent. */
  readonly instanceId?: string;
  readonly connection?: DoctorConnection;
  /** Bucket and folder to check; default: the connection's Folder Path. */
  readonly bucket?: string;
  readonly folder?: string;
  readonly access?: AccessLevel;
  readonly advancedMode?: boolean;
  readonly kmsKeyArn?: string;
  /** Setup B/C without a connection: the role the agent assumes and the External Id it sends. */
  readonly assumeRole?: { readonly roleArn: string; readonly externalId?: string };
  /** Whether the Secure Agent runs in a container; unknown when absent. */
  readonly agentInContainer?: boolean;
}

export interface DoctorClients {
  readonly agent: EngineAwsClients;
  /** The account of the assumed role, when it differs from the agent's (setup C). */
  readonly bucket?: EngineAwsClients;
}

function policiesLink(id: string, role: RoleState): ChainReportLink {
  const names = role.identityPolicies.map((policy) => policy.name);
  const title = `Policies of role ${role.name} can be read`;
  const listed = names.length === 0 ? 'The role has no permissions policies.' : `${String(names.length)} polic${names.length === 1 ? 'y' : 'ies'}: ${names.join(', ')}${role.permissionsBoundary === undefined ? '' : `; permissions boundary ${role.permissionsBoundary.name}`}.`;
  if (role.unreadable.length > 0) {
    return unknownLink(id, title, `${listed} Not read: ${role.unreadable.join('; ')} — the decisions below may be wrong.`, {
      summary: 'Grant the operator iam:GetRolePolicy, iam:ListRolePolicies, iam:ListAttachedRolePolicies, iam:GetPolicy and iam:GetPolicyVersion on the role and its policies.',
    });
  }
  return okLink(id, title, listed);
}

interface ResolvedTarget {
  readonly target?: Omit<ConnectorTarget, 'partition'>;
  readonly link?: ChainReportLink;
}

function targetOf(input: DoctorInput): ResolvedTarget {
  const access = input.access ?? 'read';
  const rest = { access, advancedMode: input.advancedMode ?? false, ...(input.kmsKeyArn === undefined ? {} : { kmsKeyArn: input.kmsKeyArn }) };
  if (input.bucket !== undefined) {
    const folder = input.folder === undefined ? undefined : requireValid(validateFolderPath(input.folder));
    return { target: { bucket: input.bucket, ...(folder === undefined ? {} : { folder }), ...rest } };
  }
  const folderPath = input.connection?.folderPath;
  if (folderPath === undefined) return {};
  const split = splitFolderPath(folderPath);
  if ('error' in split) {
    return { link: brokenLink('folder-path', 'Connection\'s Folder Path is valid', split.error, { summary: 'Edit the connection\'s "Folder Path" to bucket/folder, without a trailing slash.' }) };
  }
  return { target: { bucket: split.bucket, ...(split.folder === undefined ? {} : { folder: split.folder }), ...rest } };
}

/** Setup A on a role with other policies: widening it leaks S3 access to every app on the instance. */
function s3Fix(actingRole: RoleState, isInstanceRole: boolean, target: ConnectorTarget, instanceId: string): ChainReportLink['fix'] {
  const grant = grantS3AccessFix(actingRole.name, target);
  if (!isInstanceRole || actingRole.identityPolicies.length === 0) return grant;
  const others = actingRole.identityPolicies.map((policy) => policy.name).join(', ');
  return {
    summary: `Role ${actingRole.name} also carries ${others}: it likely serves other applications on the instance, and S3 access added to it would reach them too. Prefer setup B — give this role only sts:AssumeRole on a dedicated connector role that holds the S3 policy:`,
    command: `keyless plan --instance-id ${shellQuote(instanceId)} --bucket ${shellQuote(target.bucket)}${target.folder === undefined ? '' : ` --folder ${shellQuote(target.folder)}`} --access ${target.access} --existing-profile assume-connector-role`,
  };
}

export async function runDoctor(input: DoctorInput, clients: DoctorClients): Promise<ChainReport> {
  if (input.instanceId === undefined && input.connection === undefined) {
    throw inputError('INVALID_DOCTOR_INPUT', 'The doctor needs an EC2 instance id or an IICS connection to start from.', 'Pass --instance i-… or --connection NAME.');
  }
  const resolved = targetOf(input);
  const assume = input.connection?.auth.kind === 'assumeRole' ? input.connection.auth : input.assumeRole;
  const subject = `Doctor: ${input.connection === undefined ? '' : `connection "${input.connection.name}" → `}${input.instanceId ?? 'the agent\'s instance'}${resolved.target === undefined ? '' : ` → ${folderUrl(resolved.target)} (${resolved.target.access})`}`;
  const links: ChainReportLink[] = [];
  const done = (): ChainReport => ({ subject, links });
  if (resolved.link !== undefined) links.push(resolved.link);

  let instanceId = input.instanceId;
  let lookup;
  if (input.connection !== undefined) {
    const fromConnection = connectionLinks(input.connection);
    links.push(...fromConnection.links);
    if (fromConnection.stop || fromConnection.agent === undefined) return done();
    const host = fromConnection.agent.agentHost;
    if (instanceId !== undefined) {
      const given = await findInstance(clients.agent.ec2, instanceId);
      const names = given.kind === 'found' ? [given.instance.privateDnsName, given.instance.privateIpAddress] : [];
      const title = `The agent's host ${host} is EC2 instance ${instanceId}`;
      const isAgentHost = names.some((name) => name !== undefined && (name === host || name.split('.')[0] === host.split('.')[0]));
      if (given.kind === 'found' && isAgentHost) links.push(okLink('agent-instance', title, `${host} is ${instanceId}.`));
      if (given.kind === 'found' && !isAgentHost) {
        links.push(brokenLink('agent-instance', title, `Agent "${fromConnection.agent.name}" runs on ${host}, but ${instanceId} is ${names.filter((n) => n !== undefined).join(' / ')}: the instance checked is not the agent's.`, {
          summary: 'Leave out --instance to follow the agent, or give the instance whose private DNS name is the agent host.',
        }));
      }
      lookup = given;
    } else {
      lookup = await findInstanceByHost(clients.agent.ec2, host);
      if (lookup.kind !== 'found') {
        const title = `The agent's host ${host} is an EC2 instance`;
        links.push(
          lookup.kind === 'denied'
            ? unknownLink('agent-instance', title, `The profile may not describe instances: ${lookup.detail}`, { summary: 'Grant the operator ec2:DescribeInstances, or pass --instance.' })
            : brokenLink('agent-instance', title, `No EC2 instance in ${input.region} has the private DNS name or IP ${host}: the agent does not run on EC2 in this account and region, so it has no instance role.`, {
                summary: 'Check the profile (agent\'s account) and --region, or install the agent on an EC2 instance.',
              }),
        );
        return done();
      }
      instanceId = lookup.instance.instanceId;
      links.push(okLink('agent-instance', `The agent's host ${host} is an EC2 instance`, `${host} is ${instanceId}.`));
    }
  }
  if (instanceId === undefined) return done();
  lookup ??= await findInstance(clients.agent.ec2, instanceId);
  links.push(instanceLink(lookup, instanceId, input.region));
  if (lookup.kind === 'notFound') return done();
  if (lookup.kind === 'found') links.push(imdsLink(lookup.instance, input.region, input.agentInContainer));

  const association = await findAssociation(clients.agent.ec2, instanceId);
  links.push(associationLink(association, instanceId, input.region, DEFAULT_NAMES.role));
  if (association.kind !== 'associated') return done();
  const profile = await findInstanceProfile(clients.agent.iam, association.profileArn);
  links.push(instanceProfileLink(profile, association.profileArn, DEFAULT_NAMES.role));
  if (profile.kind !== 'found' || profile.roleArn === undefined) return done();

  const instanceRead = roleReadLink('role', 'Instance role', profile.roleArn, await readRoleState(clients.agent.iam, profile.roleArn));
  links.push(instanceRead.link);
  if (instanceRead.role === undefined) return done();
  const instanceRole = instanceRead.role;
  links.push(ec2TrustLink(instanceRole));
  links.push(policiesLink('policies', instanceRole));

  let actingRole = instanceRole;
  let sessionName = instanceId;
  if (assume !== undefined) {
    links.push(assumePermissionLink(instanceRole, assume.roleArn, instanceId));
    const unreachable = clients.bucket === undefined ? otherAccountLink(assume.roleArn, instanceRole.arn, '--bucket-profile') : undefined;
    if (unreachable !== undefined) {
      links.push(unreachable);
      return done();
    }
    const connectorRead = roleReadLink('connector-role', 'Connector role', assume.roleArn, await readRoleState((clients.bucket ?? clients.agent).iam, assume.roleArn));
    links.push(connectorRead.link);
    if (connectorRead.role === undefined) return done();
    links.push(connectorTrustLink(connectorRead.role, instanceRole, instanceId, assume.externalId));
    links.push(policiesLink('connector-policies', connectorRead.role));
    actingRole = connectorRead.role;
    sessionName = `keyless-doctor-${instanceId}`;
  }

  if (resolved.target === undefined) return done();
  const target: ConnectorTarget = { ...resolved.target, partition: partitionOfArn(actingRole.arn) };
  for (const question of connectorAccessQuestions(target)) {
    const result = evaluateAccess(actingRole, sessionName, question.request);
    const title = `${actingRole.name}: ${question.title}`;
    if (result.decision === 'allowed') links.push(okLink(question.id, title, asSentence(result.reason)));
    else links.push(brokenLink(question.id, title, asSentence(result.reason), s3Fix(actingRole, actingRole === instanceRole, target, instanceId) ?? grantS3AccessFix(actingRole.name, target)));
  }
  return done();
}

import { buildAssumeRolePolicy, buildTrustPolicy, ec2ServicePrincipal } from '../../../../shared/policy/build';
import { evaluate } from '../../../../shared/policy/evaluate';
import type { EvaluationResult, RequestContext } from '../../../../shared/policy/evaluation-types';
import type { Partition, PolicyDocument } from '../../../../shared/policy/model';
import { parseArn } from '../../../../shared/policy/arn';
import { toPolicyJson } from '../../../../shared/policy/serialize';
import { shellQuote } from '../../../../shared/export/shell-text';
import { DEFAULT_NAMES } from '../../../../shared/export/default-names';
import { brokenLink, okLink } from '../../../../shared/plan/chain-report';
import type { ChainReportLink } from '../../../../shared/plan/chain-report';
import type { RoleState } from './role-state';

/**
 * Links judged locally with our evaluator over the documents IAM holds: the trust policies (which
 * SimulatePrincipalPolicy does not evaluate) and the identity side of AssumeRole.
 */

export function partitionOfArn(arn: string): Partition {
  const partition = parseArn(arn)?.partition;
  return partition === 'aws-cn' || partition === 'aws-us-gov' ? partition : 'aws';
}

export function accountOfArn(arn: string): string {
  return parseArn(arn)?.account ?? '';
}

/** The ARN the role's credentials act as: EC2 names an instance role's session after the instance. */
export function sessionArnOf(role: Pick<RoleState, 'arn' | 'name'>, sessionName: string): string {
  return `arn:${partitionOfArn(role.arn)}:sts::${accountOfArn(role.arn)}:assumed-role/${role.name}/${sessionName}`;
}

function sessionPrincipal(role: RoleState, sessionName: string): RequestContext['principal'] {
  return { arn: sessionArnOf(role, sessionName), account: accountOfArn(role.arn) };
}

function principalKeys(role: RoleState): Record<string, string> {
  return { 'aws:PrincipalArn': role.arn, 'aws:PrincipalAccount': accountOfArn(role.arn), 'aws:SecureTransport': 'true' };
}

function judge(request: RequestContext, caller: RoleState | undefined, options: { resourcePolicy?: RoleState['trust']; resourceAccount?: string } = {}): EvaluationResult {
  return evaluate({
    request,
    identityPolicies: caller?.identityPolicies ?? [],
    ...(caller?.permissionsBoundary === undefined ? {} : { permissionsBoundary: caller.permissionsBoundary }),
    ...(options.resourcePolicy === undefined ? {} : { resourcePolicy: options.resourcePolicy }),
    ...(options.resourceAccount === undefined ? {} : { resourceAccount: options.resourceAccount }),
  });
}

/** The evaluator's reason as a sentence: ends with one full stop, whatever it ended with. */
export function asSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

const policyArgument = (document: PolicyDocument): string => shellQuote(toPolicyJson(document, { indent: 0 }));

/** Setup A: the instance role's trust policy admits the EC2 service of the role's partition. */
export function ec2TrustLink(role: RoleState): ChainReportLink {
  const partition = partitionOfArn(role.arn);
  const service = ec2ServicePrincipal(partition);
  const result = judge({ action: 'sts:AssumeRole', resource: role.arn, principal: { arn: service, account: '', service } }, undefined, { resourcePolicy: role.trust });
  const title = `Role ${role.name} trusts the EC2 service (${service})`;
  if (result.decision === 'allowed') return okLink('trust', title, `The trust policy of ${role.arn} lets ${service} assume it.`);
  const otherForm = partition === 'aws-cn' ? 'ec2.amazonaws.com' : 'ec2.amazonaws.com.cn';
  const wrongPartition = JSON.stringify(role.trust.document).includes(otherForm) ? ` It names ${otherForm}, which is the ${partition === 'aws-cn' ? 'global' : 'China'} form; this role is in partition ${partition}.` : '';
  return brokenLink('trust', title, `EC2 cannot hand this role to the instance: ${asSentence(result.reason)}${wrongPartition}`, {
    summary: `Let ${service} assume role ${role.name} (replace its trust policy).`,
    command: `aws iam update-assume-role-policy --role-name ${shellQuote(role.name)} --policy-document ${policyArgument(buildTrustPolicy({ trusted: { kind: 'ec2Service' }, partition }))}`,
  });
}

/** Setups B and C: the instance role may call sts:AssumeRole on the connector role. */
export function assumePermissionLink(instanceRole: RoleState, connectorRoleArn: string, sessionName: string): ChainReportLink {
  const request: RequestContext = { action: 'sts:AssumeRole', resource: connectorRoleArn, principal: sessionPrincipal(instanceRole, sessionName), context: principalKeys(instanceRole) };
  // The identity side alone, as if in the caller's account: the trust policy is the next link.
  const result = judge(request, instanceRole, { resourceAccount: accountOfArn(instanceRole.arn) });
  const title = `Role ${instanceRole.name} may assume ${connectorRoleArn}`;
  if (result.decision === 'allowed') return okLink('assume-permission', title, `The policies of ${instanceRole.arn} allow sts:AssumeRole on ${connectorRoleArn}.`);
  return brokenLink('assume-permission', title, asSentence(result.reason), {
    summary: `Allow role ${instanceRole.name} to assume exactly ${connectorRoleArn}, and nothing else.`,
    command: `aws iam put-role-policy --role-name ${shellQuote(instanceRole.name)} --policy-name ${shellQuote(DEFAULT_NAMES.assumePolicy)} --policy-document ${policyArgument(buildAssumeRolePolicy({ connectorRoleArn }))}`,
  });
}

/** External Id values the trust policy's conditions mention, for a precise reason when they differ. */
function trustExternalIds(connector: RoleState): string[] {
  const ids: string[] = [];
  for (const statement of connector.trust.document.Statement) {
    for (const keys of Object.values(statement.Condition ?? {})) {
      for (const [key, values] of Object.entries(keys)) if (key.toLowerCase() === 'sts:externalid') ids.push(...values);
    }
  }
  return ids;
}

/** Setups B and C: the connector role's trust admits the instance role, with the connection's External Id. */
export function connectorTrustLink(connector: RoleState, instanceRole: RoleState, sessionName: string, externalId: string | undefined): ChainReportLink {
  const request: RequestContext = {
    action: 'sts:AssumeRole',
    resource: connector.arn,
    principal: sessionPrincipal(instanceRole, sessionName),
    context: { ...principalKeys(instanceRole), ...(externalId === undefined ? {} : { 'sts:ExternalId': externalId }) },
  };
  const result = judge(request, instanceRole, { resourcePolicy: connector.trust, resourceAccount: accountOfArn(connector.arn) });
  const title = `Role ${connector.name} trusts ${instanceRole.name}${externalId === undefined ? '' : ' with the External Id'}`;
  if (result.decision === 'allowed') return okLink('connector-trust', title, `The trust policy of ${connector.arn} admits ${instanceRole.arn}${externalId === undefined ? '' : ' with the given External Id'}.`);
  const expected = trustExternalIds(connector);
  let why = '';
  if (expected.length > 0 && (externalId === undefined || !expected.includes(externalId))) {
    why = externalId === undefined
      ? ' The trust policy requires an External Id, and none is given: set the connection\'s "External Id" to the value the trust policy expects.'
      : ' The trust policy requires a different External Id than the one given: the connection\'s "External Id" and the trust policy\'s sts:ExternalId must be the same text.';
  }
  const trust = buildTrustPolicy({ trusted: { kind: 'role', roleArn: instanceRole.arn }, ...(externalId === undefined ? {} : { externalId }), partition: partitionOfArn(connector.arn) });
  return brokenLink('connector-trust', title, `${asSentence(result.reason)}${why}`, {
    summary: why === ''
      ? `Make role ${connector.name} trust ${instanceRole.arn} (replace its trust policy; run it with the profile of account ${accountOfArn(connector.arn)}).`
      : `Put the same External Id in the connection and in role ${connector.name}'s trust policy — either edit the connection, or replace the trust policy (profile of account ${accountOfArn(connector.arn)}):`,
    command: `aws iam update-assume-role-policy --role-name ${shellQuote(connector.name)} --policy-document ${policyArgument(trust)}`,
  });
}

/** The acting role's S3 access evaluated locally (doctor): same requests verify simulates. */
export function evaluateAccess(actingRole: RoleState, sessionName: string, request: RequestContext): EvaluationResult {
  return judge({ ...request, principal: sessionPrincipal(actingRole, sessionName), context: { ...principalKeys(actingRole), ...request.context } }, actingRole);
}

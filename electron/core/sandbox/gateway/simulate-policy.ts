import type { ContextValue, EvaluationResult } from '../../../../shared/policy/evaluation-types';
import { errorResponse, escapeXml } from './wire-errors';
import type { WireError } from './wire-errors';
import { forwardBuffered, xmlValue } from './proxy';
import type { GatewayContext, InterceptAnswer, InterceptedCall } from './gateway-context';
import { missingContextKeys } from './missing-context';
import type { LoadedPolicy } from './stored-policies';
import { accountOfArn, loadPolicy, loadPrincipal, principalPolicies } from './stored-policies';

/**
 * iam:SimulatePrincipalPolicy and iam:SimulateCustomPolicy, which moto lacks, answered from
 * moto's stored policies with our evaluator in IAM's XML (reference/aws.md §2.3). moto still
 * authenticates and authorises the call first (it checks the caller before finding it has no
 * such operation), so a caller without iam:SimulatePrincipalPolicy is refused as AWS would.
 */

export const SIMULATE_ACTIONS = new Set(['SimulatePrincipalPolicy', 'SimulateCustomPolicy']);

function members(params: URLSearchParams, prefix: string): string[] {
  const values: string[] = [];
  for (let index = 1; params.has(`${prefix}.member.${String(index)}`); index++) values.push(params.get(`${prefix}.member.${String(index)}`)!);
  return values;
}

function contextEntries(params: URLSearchParams): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {};
  for (let index = 1; params.has(`ContextEntries.member.${String(index)}.ContextKeyName`); index++) {
    const prefix = `ContextEntries.member.${String(index)}`;
    const name = params.get(`${prefix}.ContextKeyName`)!;
    const values = members(params, `${prefix}.ContextKeyValues`);
    const type = params.get(`${prefix}.ContextKeyType`) ?? 'string';
    context[name] = type.endsWith('List') ? values : (values[0] ?? '');
  }
  return context;
}

export async function interceptSimulation(ctx: GatewayContext, intercepted: InterceptedCall): Promise<InterceptAnswer> {
  const { call, incoming, body, requestId } = intercepted;
  const fromMoto = await forwardBuffered(ctx.moto, incoming, body);
  if (fromMoto.status < 500 && fromMoto.status !== 200) return fromMoto;
  if (fromMoto.status >= 500 && xmlValue(fromMoto.body.toString('utf8'), 'Code') !== undefined) return fromMoto;
  const fail = (error: WireError): InterceptAnswer => errorResponse('query', 'iam', error, requestId);

  const params = call.params;
  const actions = members(params, 'ActionNames');
  if (actions.length === 0) return fail({ code: 'InvalidInput', message: 'ActionNames must contain at least one action.', status: 400 });
  const resources = members(params, 'ResourceArns');
  const identity: LoadedPolicy[] = [];
  let boundary: LoadedPolicy | undefined;
  let principalArn: string | undefined;

  if (call.action === 'SimulatePrincipalPolicy') {
    const sourceArn = params.get('PolicySourceArn') ?? '';
    const stored = await principalPolicies(ctx, sourceArn);
    if (stored === undefined) {
      const kind = sourceArn.includes(':user/') ? 'user' : sourceArn.includes(':role/') ? 'role' : 'entity';
      return fail({ code: 'NoSuchEntity', message: `The ${kind} with ARN ${sourceArn} cannot be found.`, status: 404 });
    }
    const loaded = loadPrincipal(stored);
    if (!loaded.ok) return fail({ code: 'PolicyEvaluation', message: loaded.message, status: 500 });
    identity.push(...loaded.principal.identity);
    boundary = loaded.principal.boundary;
    principalArn = sourceArn;
  }
  const inputs = members(params, 'PolicyInputList');
  for (const [index, text] of inputs.entries()) {
    const outcome = loadPolicy({ name: `PolicyInputList.${String(index + 1)}`, text, sourceType: 'none' }, 'inline');
    if (!outcome.ok) return fail({ code: 'InvalidInput', message: outcome.message, status: 400 });
    identity.push(outcome.loaded);
  }
  const boundaryText = members(params, 'PermissionsBoundaryPolicyInputList')[0];
  if (boundaryText !== undefined) {
    const outcome = loadPolicy({ name: 'PermissionsBoundaryPolicyInputList.1', text: boundaryText, sourceType: 'none' }, 'boundary');
    if (!outcome.ok) return fail({ code: 'InvalidInput', message: outcome.message, status: 400 });
    boundary = outcome.loaded;
  }
  let resourcePolicy: LoadedPolicy | undefined;
  const resourcePolicyText = params.get('ResourcePolicy');
  if (resourcePolicyText !== null) {
    const outcome = loadPolicy({ name: 'ResourcePolicy', text: resourcePolicyText, sourceType: 'resource' }, 'resource');
    if (!outcome.ok) return fail({ code: 'InvalidInput', message: outcome.message, status: 400 });
    resourcePolicy = outcome.loaded;
  }

  const callerArn = params.get('CallerArn') ?? principalArn;
  const callerAccount = callerArn !== undefined ? accountOfArn(callerArn) : undefined;
  const resourceOwner = params.get('ResourceOwner');
  const context = contextEntries(params);
  const results: string[] = [];
  for (const action of actions) {
    for (const resource of resources.length > 0 ? resources : ['*']) {
      const request = {
        action,
        resource,
        ...(callerArn !== undefined && callerAccount !== undefined ? { principal: { arn: callerArn, account: callerAccount } } : {}),
        context,
      };
      const considered = [...identity, ...(boundary ? [boundary] : []), ...(resourcePolicy ? [resourcePolicy] : [])];
      const result = ctx.evaluate({
        request,
        identityPolicies: identity.map((loaded) => loaded.policy),
        ...(boundary !== undefined ? { permissionsBoundary: boundary.policy } : {}),
        ...(resourcePolicy !== undefined ? { resourcePolicy: resourcePolicy.policy } : {}),
        ...(resourceOwner !== null ? { resourceAccount: accountOfArn(resourceOwner) ?? resourceOwner } : {}),
      });
      const missing = missingContextKeys(considered.map((loaded) => loaded.policy), request);
      results.push(evaluationResultXml(action, resource, result, considered, missing));
    }
  }
  const name = call.action;
  return {
    status: 200,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body:
      `<${name}Response xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><${name}Result><IsTruncated>false</IsTruncated>` +
      `<EvaluationResults>${results.join('')}</EvaluationResults></${name}Result>` +
      `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${name}Response>`,
  };
}

function evaluationResultXml(action: string, resource: string, result: EvaluationResult, policies: readonly LoadedPolicy[], missing: readonly string[]): string {
  const matched = result.matchedStatements
    .map((statement) => {
      const source = policies.find((loaded) => loaded.policy.name === statement.policy);
      const start = source?.statementStart(statement.statementIndex);
      const position = start !== undefined ? `<StartPosition><Line>${String(start.line)}</Line><Column>${String(start.column)}</Column></StartPosition>` : '';
      return `<member><SourcePolicyId>${escapeXml(statement.policy)}</SourcePolicyId><SourcePolicyType>${source?.sourceType ?? 'none'}</SourcePolicyType>${position}</member>`;
    })
    .join('');
  return (
    `<member><EvalActionName>${escapeXml(action)}</EvalActionName><EvalResourceName>${escapeXml(resource)}</EvalResourceName>` +
    `<EvalDecision>${result.decision}</EvalDecision><MatchedStatements>${matched}</MatchedStatements>` +
    `<MissingContextValues>${missing.map((key) => `<member>${escapeXml(key)}</member>`).join('')}</MissingContextValues></member>`
  );
}

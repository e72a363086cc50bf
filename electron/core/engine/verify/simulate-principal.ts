import { SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import type { ContextEntry, EvaluationResult, IAMClient } from '@aws-sdk/client-iam';
import type { ContextValue } from '../../../../shared/policy/evaluation-types';
import { checkFailed, deniedDetail, isAccessDenied, isNotFound } from './aws-errors';

/**
 * iam:SimulatePrincipalPolicy for a list of questions (action, resource, context). Questions with
 * the same resource and context share one call (the API crosses its action and resource lists),
 * so preflight's twenty-odd actions cost a handful of calls.
 */

export interface SimulationQuestion {
  readonly action: string;
  readonly resource: string;
  readonly context?: Readonly<Record<string, ContextValue>>;
}

export type SimulatedDecision = 'allowed' | 'explicitDeny' | 'implicitDeny';

export interface SimulationAnswer {
  readonly decision: SimulatedDecision;
  /** Source policy ids of the deciding statements, as IAM names them. */
  readonly matchedPolicies: readonly string[];
  readonly missingContextValues: readonly string[];
}

export type SimulationOutcome =
  | { readonly kind: 'answered'; readonly answers: readonly SimulationAnswer[]; readonly requestIds: readonly string[] }
  /** The operator may not simulate (or the principal does not exist): nothing was learnt. */
  | { readonly kind: 'denied'; readonly detail: string }
  | { readonly kind: 'principalNotFound'; readonly detail: string };

function contextEntries(context: Readonly<Record<string, ContextValue>> | undefined): ContextEntry[] {
  return Object.entries(context ?? {}).map(([key, value]) =>
    typeof value === 'string'
      ? { ContextKeyName: key, ContextKeyValues: [value], ContextKeyType: 'string' }
      : { ContextKeyName: key, ContextKeyValues: [...value], ContextKeyType: 'stringList' },
  );
}

const contextKey = (context: SimulationQuestion['context']): string => JSON.stringify(Object.entries(context ?? {}).sort(([a], [b]) => a.localeCompare(b)));

function toDecision(value: string | undefined): SimulatedDecision {
  return value === 'allowed' || value === 'explicitDeny' ? value : 'implicitDeny';
}

export async function simulatePrincipal(iam: IAMClient, policySourceArn: string, questions: readonly SimulationQuestion[]): Promise<SimulationOutcome> {
  const groups = new Map<string, { resource: string; context: SimulationQuestion['context']; indexes: number[] }>();
  questions.forEach((question, index) => {
    const key = `${question.resource}\n${contextKey(question.context)}`;
    const group = groups.get(key) ?? { resource: question.resource, context: question.context, indexes: [] };
    group.indexes.push(index);
    groups.set(key, group);
  });
  const answers: SimulationAnswer[] = new Array<SimulationAnswer>(questions.length);
  const requestIds: string[] = [];
  for (const group of groups.values()) {
    const actions = [...new Set(group.indexes.map((index) => questions[index]!.action))];
    const results: EvaluationResult[] = [];
    let marker: string | undefined;
    try {
      do {
        const page = await iam.send(
          new SimulatePrincipalPolicyCommand({
            PolicySourceArn: policySourceArn,
            ActionNames: actions,
            ResourceArns: [group.resource],
            ContextEntries: contextEntries(group.context),
            ...(marker === undefined ? {} : { Marker: marker }),
          }),
        );
        if (page.$metadata.requestId !== undefined) requestIds.push(page.$metadata.requestId);
        results.push(...(page.EvaluationResults ?? []));
        marker = page.IsTruncated === true ? page.Marker : undefined;
      } while (marker !== undefined);
    } catch (error) {
      if (isAccessDenied(error)) return { kind: 'denied', detail: deniedDetail(error) };
      if (isNotFound(error)) return { kind: 'principalNotFound', detail: deniedDetail(error) };
      throw checkFailed(`simulating the policies of ${policySourceArn}`, error);
    }
    for (const index of group.indexes) {
      const action = questions[index]!.action.toLowerCase();
      const result = results.find((candidate) => candidate.EvalActionName?.toLowerCase() === action);
      answers[index] = {
        decision: toDecision(result?.EvalDecision),
        matchedPolicies: (result?.MatchedStatements ?? []).map((statement) => statement.SourcePolicyId ?? '').filter((id) => id !== ''),
        missingContextValues: result?.MissingContextValues ?? [],
      };
    }
  }
  return { kind: 'answered', answers, requestIds };
}

/** A decision as a reason sentence: "implicitly denied (no statement allows it)". */
export function describeDecision(answer: SimulationAnswer): string {
  const by = answer.matchedPolicies.length === 0 ? '' : ` by ${answer.matchedPolicies.join(', ')}`;
  switch (answer.decision) {
    case 'allowed':
      return `allowed${by}`;
    case 'explicitDeny':
      return `explicitly denied${by}`;
    default:
      return `implicitly denied (no statement allows it${answer.missingContextValues.length === 0 ? '' : `; missing context ${answer.missingContextValues.join(', ')}`})`;
  }
}

import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  DeletePolicyVersionCommand,
  GetPolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListPolicyTagsCommand,
  type CreatePolicyCommandInput,
} from '@aws-sdk/client-iam';
import { samePolicy } from '../../../../../shared/plan/policy-normalize';
import { awsErrorFacts, isNotFound } from '../../aws-errors';
import type { StepOutcome } from '../../journal/journal-entry';
import { readPolicyDocument, readPolicyVersions } from '../../state/read-policy';
import { tagMap } from '../../state/read-role';
import { withPropagationRetry } from '../propagation';
import { param, requestIdOf, requireOurs, type StepExecutor, type StepRunContext } from './step-executor';

async function findPolicy(policyArn: string, ctx: StepRunContext): Promise<StepOutcome | undefined> {
  try {
    const { Policy: policy } = await ctx.clients.iam.send(new GetPolicyCommand({ PolicyArn: policyArn }));
    const tags = await ctx.clients.iam.send(new ListPolicyTagsCommand({ PolicyArn: policyArn }));
    requireOurs(tagMap(tags.Tags), `Managed policy ${policyArn}`, ctx.runId);
    return { arn: policyArn, ...(policy?.PolicyId ? { id: policy.PolicyId } : {}), adopted: true };
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

export const createPolicy: StepExecutor = {
  lookup: (step, ctx) => findPolicy(step.resourceArn, ctx),
  async run(step, ctx) {
    try {
      const result = await ctx.clients.iam.send(new CreatePolicyCommand(step.params as unknown as CreatePolicyCommandInput));
      return { ...(result.Policy?.Arn ? { arn: result.Policy.Arn } : {}), ...(result.Policy?.PolicyId ? { id: result.Policy.PolicyId } : {}), ...requestIdOf(result) };
    } catch (error) {
      if (awsErrorFacts(error).code !== 'EntityAlreadyExists') throw error;
      const found = await findPolicy(step.resourceArn, ctx);
      if (found === undefined) throw error;
      return found;
    }
  },
};

export const deletePolicyVersion: StepExecutor = {
  async lookup(step, ctx) {
    const versions = await readPolicyVersions(ctx.clients.iam, param(step, 'PolicyArn'));
    return versions.some((version) => version.versionId === param(step, 'VersionId')) ? undefined : { versionId: param(step, 'VersionId'), adopted: true };
  },
  async run(step, ctx) {
    try {
      const result = await ctx.clients.iam.send(new DeletePolicyVersionCommand({ PolicyArn: param(step, 'PolicyArn'), VersionId: param(step, 'VersionId') }));
      return { versionId: param(step, 'VersionId'), ...requestIdOf(result) };
    } catch (error) {
      if (isNotFound(error)) return { versionId: param(step, 'VersionId'), adopted: true };
      throw error;
    }
  },
};

/** Done already when the default version has the planned document (and is not the one the plan replaced). */
export const createPolicyVersion: StepExecutor = {
  async lookup(step, ctx) {
    const arn = param(step, 'PolicyArn');
    const { Policy: policy } = await ctx.clients.iam.send(new GetPolicyCommand({ PolicyArn: arn }));
    const defaultVersion = policy?.DefaultVersionId;
    const previous = step.context?.previousDefaultVersionId;
    if (defaultVersion === undefined || defaultVersion === previous) return undefined;
    const document = await readPolicyDocument(ctx.clients.iam, arn, defaultVersion);
    if (!samePolicy(document, param(step, 'PolicyDocument'), 'managed')) return undefined;
    return { arn, versionId: defaultVersion, ...(previous !== undefined ? { previousDefaultVersionId: previous } : {}), adopted: true };
  },
  async run(step, ctx) {
    const arn = param(step, 'PolicyArn');
    const result = await ctx.clients.iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: param(step, 'PolicyDocument'), SetAsDefault: true }));
    const previous = step.context?.previousDefaultVersionId;
    return { arn, ...(result.PolicyVersion?.VersionId ? { versionId: result.PolicyVersion.VersionId } : {}), ...(previous !== undefined ? { previousDefaultVersionId: previous } : {}), ...requestIdOf(result) };
  },
};

export const attachRolePolicy: StepExecutor = {
  async lookup(step, ctx) {
    try {
      const attached = await ctx.clients.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: param(step, 'RoleName') }));
      return (attached.AttachedPolicies ?? []).some((policy) => policy.PolicyArn === param(step, 'PolicyArn')) ? { adopted: true } : undefined;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  },
  async run(step, ctx) {
    const result = await withPropagationRetry(
      () => ctx.clients.iam.send(new AttachRolePolicyCommand({ RoleName: param(step, 'RoleName'), PolicyArn: param(step, 'PolicyArn') })),
      ctx.clock,
      ctx.propagation,
      ctx.hooks,
    );
    return requestIdOf(result);
  },
};

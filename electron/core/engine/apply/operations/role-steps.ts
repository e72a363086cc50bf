import { CreateRoleCommand, GetRoleCommand, ListRoleTagsCommand, UpdateAssumeRolePolicyCommand, type CreateRoleCommandInput } from '@aws-sdk/client-iam';
import { awsErrorFacts, isNotFound } from '../../aws-errors';
import { tagMap } from '../../state/read-role';
import { withPropagationRetry } from '../propagation';
import { param, requestIdOf, requireOurs, type StepExecutor, type StepRunContext } from './step-executor';
import type { StepOutcome } from '../../journal/journal-entry';

async function findRole(roleName: string, ctx: StepRunContext): Promise<StepOutcome | undefined> {
  try {
    const { Role: role } = await ctx.clients.iam.send(new GetRoleCommand({ RoleName: roleName }));
    const tags = await ctx.clients.iam.send(new ListRoleTagsCommand({ RoleName: roleName }));
    requireOurs(tagMap(tags.Tags), `Role ${roleName}`, ctx.runId);
    return { ...(role?.Arn ? { arn: role.Arn } : {}), ...(role?.RoleId ? { id: role.RoleId } : {}), adopted: true };
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

export const createRole: StepExecutor = {
  lookup: (step, ctx) => findRole(param(step, 'RoleName'), ctx),
  async run(step, ctx) {
    try {
      // A trust policy naming a just-created role is refused as "Invalid principal" until IAM sees it.
      const result = await withPropagationRetry(() => ctx.clients.iam.send(new CreateRoleCommand(step.params as unknown as CreateRoleCommandInput)), ctx.clock, { justCreated: true }, ctx.hooks);
      return { ...(result.Role?.Arn ? { arn: result.Role.Arn } : {}), ...(result.Role?.RoleId ? { id: result.Role.RoleId } : {}), ...requestIdOf(result) };
    } catch (error) {
      if (awsErrorFacts(error).code !== 'EntityAlreadyExists') throw error;
      const found = await findRole(param(step, 'RoleName'), ctx);
      if (found === undefined) throw error;
      return found;
    }
  },
};

/** Writing the same trust policy again is harmless, so there is nothing to look up first. */
export const updateAssumeRolePolicy: StepExecutor = {
  lookup: () => Promise.resolve(undefined),
  async run(step, ctx) {
    const result = await withPropagationRetry(
      () => ctx.clients.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: param(step, 'RoleName'), PolicyDocument: param(step, 'PolicyDocument') })),
      ctx.clock,
      ctx.propagation,
      ctx.hooks,
    );
    return requestIdOf(result);
  },
};

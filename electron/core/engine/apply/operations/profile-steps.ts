import { AddRoleToInstanceProfileCommand, CreateInstanceProfileCommand, type CreateInstanceProfileCommandInput } from '@aws-sdk/client-iam';
import { KeylessFailure } from '../../../../../shared/errors';
import { awsErrorFacts } from '../../aws-errors';
import type { StepOutcome } from '../../journal/journal-entry';
import { readInstanceProfile } from '../../state/read-instance-profile';
import { withPropagationRetry } from '../propagation';
import { param, requestIdOf, requireOurs, type StepExecutor, type StepRunContext } from './step-executor';

async function findProfile(name: string, ctx: StepRunContext): Promise<StepOutcome | undefined> {
  const profile = await readInstanceProfile(ctx.clients.iam, name);
  if (profile === null) return undefined;
  requireOurs(profile.tags, `Instance profile ${name}`, ctx.runId);
  return { arn: profile.arn, adopted: true };
}

export const createInstanceProfile: StepExecutor = {
  lookup: (step, ctx) => findProfile(param(step, 'InstanceProfileName'), ctx),
  async run(step, ctx) {
    try {
      const result = await ctx.clients.iam.send(new CreateInstanceProfileCommand(step.params as unknown as CreateInstanceProfileCommandInput));
      const profile = result.InstanceProfile;
      return { ...(profile?.Arn ? { arn: profile.Arn } : {}), ...(profile?.InstanceProfileId ? { id: profile.InstanceProfileId } : {}), ...requestIdOf(result) };
    } catch (error) {
      if (awsErrorFacts(error).code !== 'EntityAlreadyExists') throw error;
      const found = await findProfile(param(step, 'InstanceProfileName'), ctx);
      if (found === undefined) throw error;
      return found;
    }
  },
};

/**
 * A profile holds one role, and AddRoleToInstanceProfile on a full profile answers LimitExceeded,
 * which the SDK retries as throttling (aws.md §0.2): so read the profile first, every time.
 */
async function roleInProfile(step: Parameters<StepExecutor['run']>[0], ctx: StepRunContext): Promise<StepOutcome | undefined> {
  const profileName = param(step, 'InstanceProfileName');
  const roleName = param(step, 'RoleName');
  const profile = await readInstanceProfile(ctx.clients.iam, profileName);
  if (profile === null) return undefined;
  if (profile.roleNames.includes(roleName)) return { arn: profile.arn, adopted: true };
  if (profile.roleNames.length > 0) {
    throw new KeylessFailure({
      code: 'PROFILE_HOLDS_ANOTHER_ROLE',
      message: `Instance profile ${profileName} now holds role ${profile.roleNames.join(', ')}; a profile holds one role.`,
      nextStep: 'Run `keyless plan` again, or choose another instance profile name.',
    });
  }
  return undefined;
}

export const addRoleToInstanceProfile: StepExecutor = {
  lookup: roleInProfile,
  async run(step, ctx) {
    // A profile this run created a moment ago is known to be empty; any other is read first.
    const created = ctx.dependencyOutcomes['instance-profile:create'];
    if (created === undefined || created.adopted === true) {
      const already = await roleInProfile(step, ctx);
      if (already !== undefined) return already;
    }
    const result = await withPropagationRetry(
      () => ctx.clients.iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: param(step, 'InstanceProfileName'), RoleName: param(step, 'RoleName') })),
      ctx.clock,
      ctx.propagation,
      ctx.hooks,
    );
    return requestIdOf(result);
  },
};

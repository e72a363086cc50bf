import { AssociateIamInstanceProfileCommand, ReplaceIamInstanceProfileAssociationCommand } from '@aws-sdk/client-ec2';
import { KeylessFailure } from '../../../../../shared/errors';
import type { PlanStep } from '../../../../../shared/plan/plan-model';
import { awsErrorFacts } from '../../aws-errors';
import type { StepOutcome } from '../../journal/journal-entry';
import { readAssociation } from '../../state/read-instance';
import { withPropagationRetry } from '../propagation';
import { param, requestIdOf, type StepExecutor, type StepRunContext } from './step-executor';

function profileName(step: PlanStep): string {
  const profile = step.params.IamInstanceProfile as { Name?: unknown } | undefined;
  if (typeof profile?.Name !== 'string') throw new Error(`step ${step.id} names no instance profile`);
  return profile.Name;
}

function instanceIdOf(step: PlanStep): string {
  return typeof step.params.InstanceId === 'string' ? step.params.InstanceId : step.resourceArn.slice(step.resourceArn.lastIndexOf('/') + 1);
}

function changedSincePlan(instanceId: string, found: string): KeylessFailure {
  return new KeylessFailure({
    code: 'ASSOCIATION_CHANGED',
    message: `Instance ${instanceId} is now associated with instance profile ${found}, which is not what the plan was made from.`,
    nextStep: 'Run `keyless plan` again to see the instance as it is now.',
  });
}

/** Already associated with our profile, whatever the cause (resume, a retried call, someone else). */
async function associatedWithOurs(step: PlanStep, ctx: StepRunContext): Promise<StepOutcome | undefined> {
  const current = await readAssociation(ctx.clients.ec2, instanceIdOf(step));
  if (current?.profileName === profileName(step)) return { associationId: current.associationId, arn: current.profileArn, adopted: true };
  return undefined;
}

const retryOptions = (ctx: StepRunContext) => [ctx.clock, { justCreated: true }, ctx.hooks] as const;

export const associateInstanceProfile: StepExecutor = {
  lookup: associatedWithOurs,
  async run(step, ctx) {
    const instanceId = param(step, 'InstanceId');
    // The plan read the instance moments ago; EC2 answers IncorrectState (not retried by the SDK)
    // if an association appeared since, and only then is the instance read again.
    let result;
    try {
      // EC2 sees a new profile only after IAM propagates it: "Invalid IAM Instance Profile name".
      result = await withPropagationRetry(
        () => ctx.clients.ec2.send(new AssociateIamInstanceProfileCommand({ InstanceId: instanceId, IamInstanceProfile: { Name: profileName(step) } })),
        ...retryOptions(ctx),
      );
    } catch (error) {
      if (awsErrorFacts(error).code !== 'IncorrectState') throw error;
      const current = await readAssociation(ctx.clients.ec2, instanceId);
      if (current?.profileName === profileName(step)) return { associationId: current.associationId, arn: current.profileArn, adopted: true };
      throw changedSincePlan(instanceId, current?.profileName ?? '(none)');
    }
    const association = result.IamInstanceProfileAssociation;
    return { ...(association?.AssociationId ? { associationId: association.AssociationId } : {}), ...(association?.IamInstanceProfile?.Arn ? { arn: association.IamInstanceProfile.Arn } : {}), ...requestIdOf(result) };
  },
};

export const replaceAssociation: StepExecutor = {
  lookup: associatedWithOurs,
  async run(step, ctx) {
    const instanceId = instanceIdOf(step);
    const current = await readAssociation(ctx.clients.ec2, instanceId);
    if (current?.profileName === profileName(step)) return { associationId: current.associationId, arn: current.profileArn, adopted: true };
    if (current === undefined || current.associationId !== param(step, 'AssociationId')) throw changedSincePlan(instanceId, current?.profileName ?? '(none)');
    const result = await withPropagationRetry(
      () => ctx.clients.ec2.send(new ReplaceIamInstanceProfileAssociationCommand({ AssociationId: current.associationId, IamInstanceProfile: { Name: profileName(step) } })),
      ...retryOptions(ctx),
    );
    const association = result.IamInstanceProfileAssociation;
    return { ...(association?.AssociationId ? { associationId: association.AssociationId } : {}), ...(association?.IamInstanceProfile?.Arn ? { arn: association.IamInstanceProfile.Arn } : {}), ...requestIdOf(result) };
  },
};

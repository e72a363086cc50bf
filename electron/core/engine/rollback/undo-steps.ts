import { DisassociateIamInstanceProfileCommand, ReplaceIamInstanceProfileAssociationCommand } from '@aws-sdk/client-ec2';
import {
  DeleteInstanceProfileCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DeleteRoleCommand,
  DetachRolePolicyCommand,
  GetPolicyCommand,
  ListPolicyTagsCommand,
  ListRoleTagsCommand,
  RemoveRoleFromInstanceProfileCommand,
  SetDefaultPolicyVersionCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { RUN_TAG } from '../../../../shared/plan/plan-builder';
import type { Operation, PlanStep } from '../../../../shared/plan/plan-model';
import type { EngineClients } from '../aws-clients';
import { isNotFound } from '../aws-errors';
import type { StepOutcome } from '../journal/journal-entry';
import { readAssociation } from '../state/read-instance';
import { readInstanceProfile } from '../state/read-instance-profile';
import { readPolicyVersions } from '../state/read-policy';
import { tagMap } from '../state/read-role';

/**
 * Undoing one step of a run, checking AWS first so that undoing twice is harmless and nothing the
 * run did not create is touched: deletes require this run's `keyless:run` tag on the resource.
 */
export interface UndoContext {
  readonly runId: string;
  readonly clients: EngineClients;
  /** What the step's run recorded, when it got that far. */
  readonly outcome?: StepOutcome;
}

type Undo = (step: PlanStep, ctx: UndoContext) => Promise<StepOutcome>;

const str = (step: PlanStep, name: string): string => String(step.params[name]);
const gone = (what: string): StepOutcome => ({ skipped: `${what} is already gone` });
const notOurs = (what: string, tags: Readonly<Record<string, string>>, runId: string): StepOutcome | undefined =>
  tags[RUN_TAG] === runId ? undefined : { skipped: `${what} was not created by run ${runId}; left untouched` };

async function ignoringNotFound(what: string, call: () => Promise<unknown>): Promise<StepOutcome> {
  try {
    await call();
    return {};
  } catch (error) {
    if (isNotFound(error)) return gone(what);
    throw error;
  }
}

function profileNameOf(step: PlanStep): string {
  return String((step.params.IamInstanceProfile as { Name?: unknown } | undefined)?.Name);
}

const undoAssociate: Undo = async (step, { clients }) => {
  const current = await readAssociation(clients.ec2, str(step, 'InstanceId'));
  if (current === undefined || current.profileName !== profileNameOf(step)) return { skipped: 'the instance no longer uses the profile this run associated' };
  await clients.ec2.send(new DisassociateIamInstanceProfileCommand({ AssociationId: current.associationId }));
  return { associationId: current.associationId };
};

const undoReplace: Undo = async (step, { clients }) => {
  const instanceId = step.resourceArn.slice(step.resourceArn.lastIndexOf('/') + 1);
  const previous = step.context?.previousProfileArn;
  const current = await readAssociation(clients.ec2, instanceId);
  if (previous === undefined || current === undefined || current.profileName !== profileNameOf(step)) return { skipped: 'the instance no longer uses the profile this run put on it' };
  const result = await clients.ec2.send(new ReplaceIamInstanceProfileAssociationCommand({ AssociationId: current.associationId, IamInstanceProfile: { Arn: previous } }));
  return { arn: previous, ...(result.IamInstanceProfileAssociation?.AssociationId ? { associationId: result.IamInstanceProfileAssociation.AssociationId } : {}) };
};

const undoAddRole: Undo = async (step, { clients }) => {
  const profile = await readInstanceProfile(clients.iam, str(step, 'InstanceProfileName'));
  if (profile === null || !profile.roleNames.includes(str(step, 'RoleName'))) return gone('The role in the profile');
  return ignoringNotFound('The role in the profile', () => clients.iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: profile.name, RoleName: str(step, 'RoleName') })));
};

const undoCreateProfile: Undo = async (step, { clients, runId }) => {
  const profile = await readInstanceProfile(clients.iam, str(step, 'InstanceProfileName'));
  if (profile === null) return gone('The instance profile');
  const foreign = notOurs(`Instance profile ${profile.name}`, profile.tags, runId);
  if (foreign !== undefined) return foreign;
  return ignoringNotFound('The instance profile', () => clients.iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: profile.name })));
};

const undoAttach: Undo = (step, { clients }) =>
  ignoringNotFound('The attachment', () => clients.iam.send(new DetachRolePolicyCommand({ RoleName: str(step, 'RoleName'), PolicyArn: str(step, 'PolicyArn') })));

const undoCreatePolicyVersion: Undo = async (step, { clients, outcome }) => {
  const arn = str(step, 'PolicyArn');
  const created = outcome?.versionId;
  const previous = step.context?.previousDefaultVersionId;
  if (created === undefined || previous === undefined) return { skipped: 'the run recorded no new version' };
  let versions;
  try {
    versions = await readPolicyVersions(clients.iam, arn);
  } catch (error) {
    if (isNotFound(error)) return gone(`Managed policy ${arn}`);
    throw error;
  }
  if (!versions.some((version) => version.versionId === created)) return gone(`Version ${created}`);
  if (versions.some((version) => version.versionId === previous)) await clients.iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: previous }));
  await clients.iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: created }));
  return { versionId: created, previousDefaultVersionId: previous };
};

const undoDeletePolicyVersion: Undo = () => Promise.resolve({ skipped: 'a deleted policy version cannot be restored; the document is in the plan' });

const undoCreatePolicy: Undo = async (step, { clients, runId }) => {
  const arn = step.resourceArn;
  try {
    await clients.iam.send(new GetPolicyCommand({ PolicyArn: arn }));
  } catch (error) {
    if (isNotFound(error)) return gone('The managed policy');
    throw error;
  }
  const tags = tagMap((await clients.iam.send(new ListPolicyTagsCommand({ PolicyArn: arn }))).Tags);
  const foreign = notOurs(`Managed policy ${arn}`, tags, runId);
  if (foreign !== undefined) return foreign;
  for (const version of await readPolicyVersions(clients.iam, arn)) {
    if (!version.isDefault) await clients.iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: version.versionId }));
  }
  return ignoringNotFound('The managed policy', () => clients.iam.send(new DeletePolicyCommand({ PolicyArn: arn })));
};

const undoCreateRole: Undo = async (step, { clients, runId }) => {
  const roleName = str(step, 'RoleName');
  let tags: Readonly<Record<string, string>>;
  try {
    tags = tagMap((await clients.iam.send(new ListRoleTagsCommand({ RoleName: roleName }))).Tags);
  } catch (error) {
    if (isNotFound(error)) return gone(`Role ${roleName}`);
    throw error;
  }
  const foreign = notOurs(`Role ${roleName}`, tags, runId);
  if (foreign !== undefined) return foreign;
  return ignoringNotFound(`Role ${roleName}`, () => clients.iam.send(new DeleteRoleCommand({ RoleName: roleName })));
};

const undoUpdateTrust: Undo = async (step, { clients }) => {
  const previous = step.context?.previousTrust;
  if (previous === undefined) return { skipped: 'the plan kept no previous trust policy' };
  return ignoringNotFound('The role', () => clients.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: str(step, 'RoleName'), PolicyDocument: previous })));
};

export const UNDO_STEPS: Readonly<Record<Operation, Undo>> = {
  AssociateIamInstanceProfile: undoAssociate,
  ReplaceIamInstanceProfileAssociation: undoReplace,
  AddRoleToInstanceProfile: undoAddRole,
  CreateInstanceProfile: undoCreateProfile,
  AttachRolePolicy: undoAttach,
  CreatePolicyVersion: undoCreatePolicyVersion,
  DeletePolicyVersion: undoDeletePolicyVersion,
  CreatePolicy: undoCreatePolicy,
  CreateRole: undoCreateRole,
  UpdateAssumeRolePolicy: undoUpdateTrust,
};

import type { KeylessError } from '../../shared/errors';
import type { ExistingProfileChoice, ProvisionInput } from '../../shared/plan/provision-input';
import { validateInstanceId, validateRegion } from '../../shared/validation';
import type { ConnectTarget } from '../connect/connect-store';
import { draftDocuments } from '../draft/draft-documents';
import type { DraftForm } from '../draft/draft-store';
import type { AgentPlacement } from './guided-store';

/**
 * The `engine.plan` request the guided steps add up to, built field by field (the router refuses
 * any field the contract does not name), or the first reason the steps are not complete yet —
 * which is also what a disabled Next button says.
 */
export type ProvisionRequestOutcome = { readonly ok: true; readonly request: ProvisionInput } | { readonly ok: false; readonly error: KeylessError };

const missing = (message: string, nextStep: string): ProvisionRequestOutcome => ({ ok: false, error: { code: 'INVALID_GUIDED_STEP', message, nextStep } });

/** Bucket & policy and Role: the shared Draft form builds valid documents. */
export function formProblem(form: DraftForm): KeylessError | undefined {
  const outcome = draftDocuments(form);
  return outcome.ok ? undefined : outcome.error;
}

/** EC2 instance: a region, an instance, and for setup C the bucket account's profile. */
export function placementProblem(form: DraftForm, placement: AgentPlacement): KeylessError | undefined {
  const region = validateRegion(placement.region.trim());
  if (!region.ok) return region.error;
  if (placement.instanceId === '') return { code: 'INVALID_GUIDED_STEP', message: 'Choose the EC2 instance the Secure Agent runs on.', nextStep: 'Pick one instance in the list.' };
  const instance = validateInstanceId(placement.instanceId);
  if (!instance.ok) return instance.error;
  if (form.setup === 'crossAccount' && placement.bucketProfile === '') {
    return { code: 'INVALID_GUIDED_STEP', message: "Setup C needs the AWS profile of the bucket's account.", nextStep: "Choose the profile that signs in to the bucket's account." };
  }
  return undefined;
}

export function provisionRequest(form: DraftForm, placement: AgentPlacement, target: ConnectTarget | undefined, choice: ExistingProfileChoice | undefined): ProvisionRequestOutcome {
  if (target?.kind !== 'profile') {
    return missing('The guided setup acts as a named AWS profile, and none was chosen on Connect.', 'Go back to Connect and choose a profile from your AWS configuration.');
  }
  const outcome = draftDocuments(form);
  if (!outcome.ok) return { ok: false, error: outcome.error };
  const problem = placementProblem(form, placement);
  if (problem !== undefined) return { ok: false, error: problem };
  const { input } = outcome;
  const folder = form.folder.trim();
  const kmsKeyArn = form.kmsKeyArn.trim();
  const externalId = form.externalId.trim();
  const twoRoles = form.setup !== 'instanceRole';
  return {
    ok: true,
    request: {
      setup: form.setup,
      profile: target.profile,
      ...(form.setup === 'crossAccount' ? { bucketProfile: placement.bucketProfile } : {}),
      region: placement.region.trim(),
      bucket: form.bucket.trim(),
      ...(folder === '' ? {} : { folder }),
      access: form.access,
      advancedMode: form.advancedMode,
      ...(kmsKeyArn === '' ? {} : { kmsKeyArn }),
      instanceId: placement.instanceId,
      names: {
        role: input.names.role,
        policy: input.names.policy,
        instanceProfile: input.names.instanceProfile,
        connectorRole: form.connectorRoleName.trim(),
        assumePolicy: form.assumePolicyName.trim(),
      },
      path: input.path,
      ...(input.permissionsBoundaryArn === undefined ? {} : { permissionsBoundaryArn: input.permissionsBoundaryArn }),
      tags: input.tags.map((tag) => ({ key: tag.key, value: tag.value })),
      ...(twoRoles && externalId !== '' ? { externalId } : {}),
      ...(choice === undefined ? {} : { existingProfileChoice: choice }),
    },
  };
}

import type { DraftForm } from '../draft/draft-store';
import type { ReviewPhase } from '../guided/guided-store';

/**
 * The connection fields of the IICS step, as typed: strings and one choice. They start from what
 * the guided steps already know — bucket and folder from the Bucket step, the region and the
 * authentication settings from the reviewed plan when there is one (the plan knows the role it
 * created), else from the setup chosen on the form — and are the user's to edit after that.
 */
export interface ConnectionForm {
  readonly name: string;
  readonly runtimeEnvironmentId: string;
  readonly bucket: string;
  readonly folder: string;
  readonly regionName: string;
  readonly useEc2RoleToAssumeRole: boolean;
  readonly iamRoleArn: string;
  readonly externalId: string;
  /** What the authentication settings came from: a plan's run id, or the form. */
  readonly prefilledFrom: string;
  /** The Bucket step's bucket and folder when they were copied here, to notice a later change there. */
  readonly prefilledLocation: { readonly bucket: string; readonly folder: string };
}

const FROM_FORM = 'form';

export function reviewedPlanOf(review: ReviewPhase) {
  return 'review' in review ? review.review.plan : undefined;
}

export function defaultConnectionName(bucket: string): string {
  return bucket.trim() === '' ? 'S3v2_connection' : `S3v2_${bucket.trim()}`;
}

/** The authentication settings: the plan's `connection` when reviewed, else what the setup implies. */
function authSettings(draft: DraftForm, review: ReviewPhase): Pick<ConnectionForm, 'useEc2RoleToAssumeRole' | 'iamRoleArn' | 'externalId' | 'prefilledFrom'> {
  const plan = reviewedPlanOf(review);
  if (plan !== undefined) {
    return {
      useEc2RoleToAssumeRole: plan.connection.useEc2RoleToAssumeRole,
      iamRoleArn: plan.connection.iamRoleArn ?? '',
      externalId: plan.connection.externalId ?? '',
      prefilledFrom: plan.runId,
    };
  }
  const assumes = draft.setup !== 'instanceRole';
  return { useEc2RoleToAssumeRole: assumes, iamRoleArn: '', externalId: assumes ? draft.externalId.trim() : '', prefilledFrom: FROM_FORM };
}

export function initialConnectionForm(draft: DraftForm, review: ReviewPhase, agentRegion: string): ConnectionForm {
  const plan = reviewedPlanOf(review);
  return {
    name: defaultConnectionName(draft.bucket),
    runtimeEnvironmentId: '',
    bucket: draft.bucket.trim(),
    folder: draft.folder.trim(),
    prefilledLocation: { bucket: draft.bucket.trim(), folder: draft.folder.trim() },
    regionName: plan?.region ?? agentRegion.trim(),
    ...authSettings(draft, review),
  };
}

/** A plan reviewed since the form was filled knows better: take its authentication settings and region. */
export function withNewerPlan(form: ConnectionForm, draft: DraftForm, review: ReviewPhase): ConnectionForm {
  const plan = reviewedPlanOf(review);
  if (plan === undefined || plan.runId === form.prefilledFrom) return form;
  return { ...form, regionName: plan.region, ...authSettings(draft, review) };
}

/**
 * The Bucket step changed since the fields were filled: follow it, and rename the connection
 * only if it still has the default name of the old bucket.
 */
export function withNewerLocation(form: ConnectionForm, draft: DraftForm): ConnectionForm {
  const bucket = draft.bucket.trim();
  const folder = draft.folder.trim();
  const before = form.prefilledLocation;
  if (before.bucket === bucket && before.folder === folder) return form;
  return {
    ...form,
    bucket,
    folder,
    name: form.name === defaultConnectionName(before.bucket) ? defaultConnectionName(bucket) : form.name,
    prefilledLocation: { bucket, folder },
  };
}

import { create } from 'zustand';
import type { KeylessError } from '../../shared/errors';
import type { ApplyResult, PlanReview } from '../../shared/ipc/engine-contract';
import type { ProgressEvent } from '../../shared/ipc/events';
import type { ExistingProfileChoice } from '../../shared/plan/provision-input';

/**
 * What the guided steps add to the Draft form (which they share, so a draft can be applied):
 * where the agent runs, and the review's progress. The review is a discriminated union — a plan
 * cannot be applied before it is reviewed, and progress exists only while or after applying.
 * The plan itself is authoritative in main (kept by run id); this is its copy for display.
 */
export type ReviewPhase =
  | { readonly phase: 'idle' }
  | { readonly phase: 'planning' }
  | { readonly phase: 'planFailed'; readonly error: KeylessError }
  | { readonly phase: 'reviewing'; readonly review: PlanReview }
  | { readonly phase: 'confirming'; readonly review: PlanReview }
  | { readonly phase: 'applying'; readonly review: PlanReview; readonly events: readonly ProgressEvent[] }
  | { readonly phase: 'applied'; readonly review: PlanReview; readonly events: readonly ProgressEvent[]; readonly result: ApplyResult }
  | { readonly phase: 'applyFailed'; readonly review: PlanReview; readonly events: readonly ProgressEvent[]; readonly error: KeylessError };

export interface AgentPlacement {
  /** Empty until the Connect identity's region fills it in. */
  readonly region: string;
  readonly instanceId: string;
  /** Setup C: the bucket account's profile. */
  readonly bucketProfile: string;
}

interface GuidedStore {
  readonly placement: AgentPlacement;
  /** The answer to the shared-profile blocker; none until the user picks one (no default changes access). */
  readonly existingProfileChoice: ExistingProfileChoice | undefined;
  readonly review: ReviewPhase;
  readonly place: (change: Partial<AgentPlacement>) => void;
  readonly chooseExistingProfile: (choice: ExistingProfileChoice) => void;
  readonly planStarted: () => void;
  readonly planFinished: (outcome: { readonly ok: true; readonly value: PlanReview } | { readonly ok: false; readonly error: KeylessError }) => void;
  readonly askConfirmation: () => void;
  readonly cancelConfirmation: () => void;
  readonly applyStarted: () => void;
  readonly progress: (event: ProgressEvent) => void;
  readonly applyFinished: (outcome: { readonly ok: true; readonly value: ApplyResult } | { readonly ok: false; readonly error: KeylessError }) => void;
  /** Any change to what was planned makes the shown plan stale. */
  readonly invalidatePlan: () => void;
  readonly reset: () => void;
}

const INITIAL_PLACEMENT: AgentPlacement = { region: '', instanceId: '', bucketProfile: '' };

export const useGuided = create<GuidedStore>()((set) => ({
  placement: INITIAL_PLACEMENT,
  existingProfileChoice: undefined,
  review: { phase: 'idle' },
  place: (change) =>
    set(({ placement, review, existingProfileChoice }) => ({
      placement: { ...placement, ...change },
      // A choice about one instance's existing profile says nothing about another instance.
      existingProfileChoice: change.instanceId !== undefined && change.instanceId !== placement.instanceId ? undefined : existingProfileChoice,
      review: review.phase === 'applying' ? review : { phase: 'idle' },
    })),
  chooseExistingProfile: (choice) => set({ existingProfileChoice: choice }),
  planStarted: () => set({ review: { phase: 'planning' } }),
  planFinished: (outcome) => set({ review: outcome.ok ? { phase: 'reviewing', review: outcome.value } : { phase: 'planFailed', error: outcome.error } }),
  askConfirmation: () =>
    set(({ review }) => (review.phase === 'reviewing' && review.review.applicable ? { review: { phase: 'confirming', review: review.review } } : {})),
  cancelConfirmation: () => set(({ review }) => (review.phase === 'confirming' ? { review: { phase: 'reviewing', review: review.review } } : {})),
  applyStarted: () => set(({ review }) => (review.phase === 'confirming' ? { review: { phase: 'applying', review: review.review, events: [] } } : {})),
  progress: (event) =>
    set(({ review }) =>
      review.phase === 'applying' && event.taskId === review.review.plan.runId ? { review: { ...review, events: [...review.events, event] } } : {},
    ),
  applyFinished: (outcome) =>
    set(({ review }) => {
      if (review.phase !== 'applying') return {};
      return {
        review: outcome.ok
          ? { phase: 'applied', review: review.review, events: review.events, result: outcome.value }
          : { phase: 'applyFailed', review: review.review, events: review.events, error: outcome.error },
      };
    }),
  invalidatePlan: () => set(({ review }) => (review.phase === 'applying' ? {} : { review: { phase: 'idle' } })),
  reset: () => set({ placement: INITIAL_PLACEMENT, existingProfileChoice: undefined, review: { phase: 'idle' } }),
}));

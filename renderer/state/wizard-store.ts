import { create } from 'zustand';

/** The guided flow's steps, in order, as the left rail shows them. */
export const GUIDED_STEPS = [
  { id: 'connect', label: 'Connect' },
  { id: 'bucket', label: 'Bucket & policy' },
  { id: 'role', label: 'Role' },
  { id: 'instance', label: 'EC2 instance' },
  { id: 'iics', label: 'IICS connection' },
  { id: 'review', label: 'Review & apply' },
] as const;

export type GuidedStepId = (typeof GUIDED_STEPS)[number]['id'];

/**
 * Where the user is. A discriminated union, not flags: each screen carries exactly the state
 * it needs, and an impossible combination (a guided step while drafting offline) cannot exist.
 * AWS and IICS state is authoritative in main; only UI state lives here.
 */
export type WizardState =
  | { readonly screen: 'home' }
  | { readonly screen: 'draft' }
  | { readonly screen: 'guided'; readonly step: GuidedStepId }
  | { readonly screen: 'doctor' };

interface WizardStore {
  readonly state: WizardState;
  readonly goHome: () => void;
  readonly openDraft: () => void;
  readonly openGuided: (step?: GuidedStepId) => void;
  readonly openDoctor: () => void;
  readonly nextStep: () => void;
  readonly previousStep: () => void;
}

function stepIndex(step: GuidedStepId): number {
  return GUIDED_STEPS.findIndex((s) => s.id === step);
}

export const useWizard = create<WizardStore>()((set) => ({
  state: { screen: 'home' },
  goHome: () => set({ state: { screen: 'home' } }),
  openDraft: () => set({ state: { screen: 'draft' } }),
  openGuided: (step = 'connect') => set({ state: { screen: 'guided', step } }),
  openDoctor: () => set({ state: { screen: 'doctor' } }),
  nextStep: () =>
    set(({ state }) => {
      if (state.screen !== 'guided') return {};
      const next = GUIDED_STEPS[stepIndex(state.step) + 1];
      return next === undefined ? {} : { state: { screen: 'guided', step: next.id } };
    }),
  previousStep: () =>
    set(({ state }) => {
      if (state.screen !== 'guided') return {};
      const previous = GUIDED_STEPS[stepIndex(state.step) - 1];
      return previous === undefined ? {} : { state: { screen: 'guided', step: previous.id } };
    }),
}));

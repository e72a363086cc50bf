import { create } from 'zustand';
import type { AccessLevel, Partition } from '../../shared/policy/model';
import type { SetupKind } from '../../shared/export/export-input';
import { DEFAULT_NAMES } from '../../shared/export/default-names';

/**
 * The Draft offline form, as typed: strings and choices only. Documents are derived from it on
 * every change (draft-documents.ts), never stored, so what is shown is always what the form says.
 */
export interface DraftForm {
  readonly setup: SetupKind;
  readonly bucket: string;
  readonly folder: string;
  readonly access: AccessLevel;
  readonly advancedMode: boolean;
  readonly kmsKeyArn: string;
  readonly partition: Partition;
  readonly roleName: string;
  readonly policyName: string;
  readonly instanceProfileName: string;
  readonly path: string;
  readonly permissionsBoundaryArn: string;
  /** One `key=value` per line. */
  readonly tags: string;
  readonly connectorRoleName: string;
  readonly assumePolicyName: string;
  readonly accountId: string;
  readonly trustedAccountId: string;
  readonly externalId: string;
  readonly instanceId: string;
}

export const INITIAL_DRAFT: DraftForm = {
  setup: 'instanceRole',
  bucket: '',
  folder: '',
  access: 'read',
  advancedMode: false,
  kmsKeyArn: '',
  partition: 'aws',
  roleName: DEFAULT_NAMES.role,
  policyName: DEFAULT_NAMES.policy,
  instanceProfileName: DEFAULT_NAMES.role,
  path: DEFAULT_NAMES.path,
  permissionsBoundaryArn: '',
  tags: '',
  connectorRoleName: DEFAULT_NAMES.connectorRole,
  assumePolicyName: DEFAULT_NAMES.assumePolicy,
  accountId: '',
  trustedAccountId: '',
  externalId: '',
  instanceId: '',
};

interface DraftStore {
  readonly form: DraftForm;
  readonly update: (change: Partial<DraftForm>) => void;
  readonly reset: () => void;
}

export const useDraft = create<DraftStore>()((set) => ({
  form: INITIAL_DRAFT,
  update: (change) => set(({ form }) => ({ form: { ...form, ...change } })),
  reset: () => set({ form: INITIAL_DRAFT }),
}));

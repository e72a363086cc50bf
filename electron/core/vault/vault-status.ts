import type { KeylessError } from '../../../shared/errors';

/** Why a vault file could not be used: damaged or not ours (`VAULT_CORRUPT`), or sealed with another data key or a newer format (`VAULT_FOREIGN`). */
export type VaultFileProblemCode = 'VAULT_CORRUPT' | 'VAULT_FOREIGN';

/** A vault file that could not be read was moved aside, never deleted; this says where. */
export interface VaultFileWarning extends KeylessError {
  readonly code: VaultFileProblemCode;
  readonly setAsideFile: string;
}

/** Secrets live only in this process because no OS keychain holds the data key. */
export interface VaultMemoryWarning extends KeylessError {
  readonly code: 'VAULT_MEMORY_ONLY';
}

export type VaultStatus =
  | { readonly mode: 'keychain'; readonly backend: string; readonly file: string; readonly warning?: VaultFileWarning }
  /** `reason` says why there is no keychain; `warning.message` says what that means for the user. */
  | { readonly mode: 'memory'; readonly reason: string; readonly warning: VaultMemoryWarning };

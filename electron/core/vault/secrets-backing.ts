import type { VaultStatus } from './vault-status';

export type Secrets = ReadonlyMap<string, string>;

/** Where a vault keeps its secrets between calls: the sealed file, or nowhere (memory only). */
export interface SecretsBacking {
  status(): VaultStatus;
  /** The secrets as they are now: what another Keyless process saved since, else `current`. */
  refresh(current: Secrets): Promise<Secrets>;
  save(next: Secrets): Promise<void>;
}

/** No keychain: secrets live in this process only and nothing reaches the disk. */
export class MemoryOnly implements SecretsBacking {
  constructor(private readonly memoryStatus: VaultStatus) {}

  status(): VaultStatus {
    return this.memoryStatus;
  }

  refresh(current: Secrets): Promise<Secrets> {
    return Promise.resolve(current);
  }

  save(): Promise<void> {
    return Promise.resolve();
  }
}

import type { Vault } from '../vault/vault';
import type { EnvRecord } from './aws-env';
import type { SsoLoginProgress } from './types';

/** Waits `ms`; rejects (or resolves early) when `signal` aborts. Tests pass one that does not really wait. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * What the AWS account services need from their caller. `env` is the environment the profiles
 * are read under (the CLI passes its own; the app passes process.env). The SDK's providers also
 * read process.env themselves (fromEnv, the SSO token cache under HOME), so the two should agree.
 */
export interface AwsDeps {
  readonly env: EnvRecord;
  /** Where SSO tokens and temporary credentials are kept; never the file system in plain text. */
  readonly vault: Vault;
  readonly now?: () => number;
  readonly sleep?: Sleep;
  /** Asks the user for the current code of an MFA device; without it, MFA profiles fail with AWS_MFA_NEEDED. */
  readonly mfaCodeProvider?: (mfaSerial: string) => Promise<string>;
}

export interface SsoLoginDeps extends AwsDeps {
  /** Opens the verification page in the user's browser (Electron's shell.openExternal in the app). */
  readonly openUrl?: (url: string) => Promise<void>;
  readonly onProgress?: (progress: SsoLoginProgress) => void;
  /** The name the OIDC client registers under; "keyless" unless a test isolates itself. */
  readonly clientName?: string;
}

export const realSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted === true) {
      resolve();
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export const nowOf = (deps: Pick<AwsDeps, 'now'>): number => (deps.now ?? Date.now)();

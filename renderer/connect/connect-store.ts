import { create } from 'zustand';
import type { Identity } from '../../shared/ipc/accounts-contract';

/**
 * What the Connect step settled: the AWS profile (or SSO account and role) the guided setup
 * will act as, and who that is. Only names and the identity — credentials stay in main.
 */
export type ConnectTarget =
  | { readonly kind: 'profile'; readonly profile: string }
  | { readonly kind: 'ssoRole'; readonly startUrl: string; readonly region: string; readonly accountId: string; readonly roleName: string };

/** The `aws.whoami` request for a target: exactly the fields the contract names. */
export function whoamiRequest(target: ConnectTarget, mfaCode?: string) {
  return target.kind === 'profile'
    ? { profile: target.profile, ...(mfaCode === undefined ? {} : { mfaCode }) }
    : { startUrl: target.startUrl, region: target.region, accountId: target.accountId, roleName: target.roleName };
}

interface ConnectStore {
  readonly target: ConnectTarget | undefined;
  readonly identity: Identity | undefined;
  readonly choose: (target: ConnectTarget) => void;
  readonly confirm: (identity: Identity) => void;
}

export const useConnect = create<ConnectStore>()((set) => ({
  target: undefined,
  identity: undefined,
  choose: (target) => set({ target, identity: undefined }),
  confirm: (identity) => set({ identity }),
}));

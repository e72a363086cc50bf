import { getAppInfo } from '../core/app/app-info';
import { saveExportFiles } from '../core/export/save-export';
import { KEYLESS_NAME, KEYLESS_VERSION } from '../core/app/version';
import { probeKeychain } from '../core/vault/keychain-probe';
import { openVault } from '../core/vault/vault';
import type { Vault } from '../core/vault/vault';
import type { KeychainStatus } from '../core/vault/keychain-probe';
import { KeylessFailure } from '../../shared/errors';
import { createAccountServices } from './account-services';
import type { AccountServiceDeps } from './account-services';
import { createDoctorServices } from './doctor-services';
import { createEngineServices } from './engine-services';
import { createIicsServices } from './iics-services';
import { isAllowedExternalUrl } from './external-links';
import type { ServiceTable } from './ipc-router';

/**
 * Binds each contract operation to its core service. Electron-free: main.ts passes Electron's
 * `shell.openExternal`, the Chromium suite passes a recorder, and both run this same table.
 */
export interface ServiceDeps extends Omit<AccountServiceDeps, 'openExternal'> {
  readonly openExternal: (url: string) => Promise<void>;
  readonly allowLoopbackLinks: boolean;
  readonly probeKeychain?: () => Promise<KeychainStatus>;
  /** Asks the user where to save an export (a native save dialog in the app); undefined = cancelled. */
  readonly chooseExportFolder: (suggestedName: string) => Promise<string | undefined>;
}

export function createServices(deps: ServiceDeps): ServiceTable {
  const openAllowed = async (url: string): Promise<void> => {
    if (!isAllowedExternalUrl(url, { allowLoopback: deps.allowLoopbackLinks })) {
      throw new KeylessFailure({
        code: 'LINK_NOT_ALLOWED',
        message: `Keyless does not open ${url.slice(0, 200)} outside the app.`,
        nextStep: 'Only Informatica and AWS documentation, console and sign-in links open in your browser; copy the address if you trust it.',
      });
    }
    await deps.openExternal(url);
  };
  // One vault per process, opened on first use: the account and engine operations share its cache.
  let vault: Promise<Vault> | undefined;
  const vaultOf = (): Promise<Vault> => (vault ??= deps.openVault?.() ?? openVault({ appDataDir: deps.appDataDir }));
  return {
    ...createAccountServices({ ...deps, openExternal: openAllowed, openVault: vaultOf }),
    ...createEngineServices({ env: deps.env, appDataDir: deps.appDataDir, emit: deps.emit, vault: vaultOf }),
    ...createDoctorServices({ env: deps.env, vault: vaultOf }),
    ...createIicsServices({ vault: vaultOf }),
    'app.info': () =>
      getAppInfo({
        name: KEYLESS_NAME,
        version: KEYLESS_VERSION,
        platform: process.platform,
        arch: process.arch,
        probeKeychain: deps.probeKeychain ?? (() => probeKeychain()),
      }),
    'app.openExternal': async ({ url }) => {
      await openAllowed(url);
      return { opened: true as const };
    },
    'export.save': async ({ suggestedFolderName, files }) => {
      const folder = await deps.chooseExportFolder(suggestedFolderName);
      if (folder === undefined) return { saved: false as const };
      return { saved: true as const, folder, files: await saveExportFiles(folder, files) };
    },
  };
}

import type { AppInfo } from '../../../shared/ipc/contract';
import type { KeychainStatus } from '../vault/keychain-probe';

export interface AppInfoDeps {
  readonly name: string;
  readonly version: string;
  readonly platform: NodeJS.Platform;
  readonly arch: string;
  readonly probeKeychain: () => Promise<KeychainStatus>;
}

function platformOf(platform: NodeJS.Platform): AppInfo['platform'] {
  return platform === 'linux' || platform === 'darwin' || platform === 'win32' ? platform : 'other';
}

export async function getAppInfo(deps: AppInfoDeps): Promise<AppInfo> {
  return {
    name: deps.name,
    version: deps.version,
    platform: platformOf(deps.platform),
    arch: deps.arch,
    keychain: await deps.probeKeychain(),
  };
}

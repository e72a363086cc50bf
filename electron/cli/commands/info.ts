import type { Command } from 'commander';
import type { CliIo } from '../cli-io';
import { getAppInfo } from '../../core/app/app-info';
import { KEYLESS_NAME, KEYLESS_VERSION } from '../../core/app/version';
import { probeKeychain } from '../../core/vault/keychain-probe';

export function register(cmd: Command, io: CliIo): void {
  cmd.option('--json', 'print machine-readable JSON').action(async (options: { json?: boolean }) => {
    const info = await getAppInfo({
      name: KEYLESS_NAME,
      version: KEYLESS_VERSION,
      platform: process.platform,
      arch: process.arch,
      probeKeychain: () => probeKeychain(),
    });
    if (options.json === true) {
      io.stdout(`${JSON.stringify(info, null, 2)}\n`);
      return;
    }
    const keychain = info.keychain.available ? `available (${info.keychain.backend})` : `not available — ${info.keychain.reason}`;
    io.stdout(`${info.name} ${info.version}\nplatform: ${info.platform} ${info.arch}\nkeychain: ${keychain}\n`);
  });
}

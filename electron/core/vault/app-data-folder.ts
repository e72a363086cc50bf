import { homedir } from 'node:os';
import { join } from 'node:path';

const PRODUCT_FOLDER = 'Keyless';

/**
 * The app data folder for callers without Electron (the CLI): the same folder Electron's
 * `app.getPath('userData')` gives the app, so both share one vault. `KEYLESS_DATA_DIR` overrides
 * it (tests, portable setups).
 */
export function defaultAppDataDir(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform = process.platform): string {
  const override = env.KEYLESS_DATA_DIR;
  if (override !== undefined && override !== '') return override;
  const home = env.HOME !== undefined && env.HOME !== '' ? env.HOME : homedir();
  switch (platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', PRODUCT_FOLDER);
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_FOLDER);
    default:
      return join(env.XDG_CONFIG_HOME !== undefined && env.XDG_CONFIG_HOME !== '' ? env.XDG_CONFIG_HOME : join(home, '.config'), PRODUCT_FOLDER);
  }
}

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultAppDataDir } from '../../../electron/core/vault/app-data-folder';

describe('default app data folder (where the CLI finds the vault the app writes)', () => {
  it('matches Electron userData for product "Keyless" on each platform', () => {
    expect(defaultAppDataDir({ HOME: '/home/ana' }, 'linux')).toBe(join('/home/ana', '.config', 'Keyless'));
    expect(defaultAppDataDir({ HOME: '/home/ana', XDG_CONFIG_HOME: '/xdg' }, 'linux')).toBe(join('/xdg', 'Keyless'));
    expect(defaultAppDataDir({ HOME: '/Users/ana' }, 'darwin')).toBe(join('/Users/ana', 'Library', 'Application Support', 'Keyless'));
    expect(defaultAppDataDir({ HOME: '/u', APPDATA: '/c/Users/ana/AppData/Roaming' }, 'win32')).toBe(join('/c/Users/ana/AppData/Roaming', 'Keyless'));
  });

  it('lets KEYLESS_DATA_DIR override it', () => {
    expect(defaultAppDataDir({ HOME: '/home/ana', KEYLESS_DATA_DIR: '/data/keyless' }, 'linux')).toBe('/data/keyless');
  });
});

import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';

const root = join(import.meta.dirname, '../../..');
const config = createRequire(import.meta.url)(join(root, 'build/electron-builder.config.cjs')) as Configuration;

describe('electron-builder configuration', () => {
  it('names the app and targets Linux AppImage+deb, macOS dmg and Windows nsis', () => {
    expect(config.appId).toBe('com.keyless.desktop');
    expect(config.productName).toBe('Keyless');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
  });

  it('sets the hardening fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('points at icons and entitlements that exist', () => {
    for (const file of [config.linux?.icon, config.mac?.icon, config.win?.icon, config.mac?.entitlements]) {
      expect(typeof file).toBe('string');
      expect(existsSync(join(root, file as string)), `${String(file)} exists`).toBe(true);
    }
  });

  it('packages the built app into an asar, keeping the native keyring addon unpacked', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toContain('out/**');
    expect(JSON.stringify(config.asarUnpack)).toContain('@napi-rs/keyring');
  });
});

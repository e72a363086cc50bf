/**
 * Packaging for Linux (AppImage, deb), macOS (dmg) and Windows (nsis). Our machines cannot run
 * this (electron-builder downloads Electron and its toolsets); tests/unit/build checks it.
 * @type {import('electron-builder').Configuration}
 */
module.exports = {
  appId: 'com.keyless.desktop',
  productName: 'Keyless',
  copyright: 'Copyright © Keyless',
  directories: { output: 'release', buildResources: 'build' },
  files: ['out/**', 'bin/**', 'package.json', '!**/*.map'],
  asar: true,
  // The keyring addon is a native module: keep it outside the archive so it can be loaded.
  asarUnpack: ['**/node_modules/@napi-rs/keyring*/**'],
  icon: 'build/icon.png',
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Development',
    icon: 'build/icon.png',
    maintainer: 'Keyless <support@keyless.invalid>',
    synopsis: 'IAM-role setup for the Informatica Cloud Amazon S3 v2 connection',
  },
  deb: { depends: ['libsecret-1-0'] },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.developer-tools',
    icon: 'build/icon.png',
    hardenedRuntime: true,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
  },
  dmg: { title: 'Keyless ${version}' },
  win: { target: ['nsis'], icon: 'build/icon.ico' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
};

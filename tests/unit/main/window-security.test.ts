import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../electron/main/window-options';
import { CONTENT_SECURITY_POLICY, devContentSecurityPolicy } from '../../../electron/main/content-security-policy';
import { decideWindowOpen, isNavigationAllowed } from '../../../electron/main/navigation-policy';
import { isAllowedExternalUrl } from '../../../electron/main/external-links';
import { APP_ENTRY_URL, resolveAppAsset } from '../../../electron/main/app-protocol';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe('main window webPreferences', () => {
  const prefs = mainWindowOptions('/app/preload.cjs').webPreferences!;
  it('isolates and sandboxes the renderer with Node off', () => {
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });
});

describe('Content Security Policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);
  it('allows no remote content and no inline script', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    for (const values of csp.values()) {
      expect(values.join(' ')).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    }
  });

  it('is relaxed only for the dev server, never for builds', () => {
    expect(devContentSecurityPolicy('http://localhost:5173')).toContain('ws://localhost:5173');
    expect(CONTENT_SECURITY_POLICY).not.toContain('localhost');
  });

  it('is the exact policy in the source index.html placeholder and the built page', () => {
    const source = readFileSync(join(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
    expect(source).toContain('content="%KEYLESS_CSP%"');
  });
});

describe('navigation and new windows', () => {
  it('denies every window.open, sending only allow-listed links to the browser', () => {
    expect(decideWindowOpen('https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html', { allowLoopback: false })).toEqual({
      action: 'deny',
      openExternally: true,
    });
    expect(decideWindowOpen('https://evil.example/', { allowLoopback: false })).toEqual({ action: 'deny', openExternally: false });
  });

  it('allows in-window navigation only as a reload of the same page', () => {
    expect(isNavigationAllowed(APP_ENTRY_URL, APP_ENTRY_URL)).toBe(true);
    expect(isNavigationAllowed('https://evil.example/', APP_ENTRY_URL)).toBe(false);
    expect(isNavigationAllowed('app://keyless/other.html', APP_ENTRY_URL)).toBe(false);
  });

  it.each([
    ['https://docs.informatica.com/x', true],
    ['https://my-org.awsapps.com/start', true],
    ['https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD', true],
    ['https://console.aws.amazon.com/iam', true],
    ['http://docs.aws.amazon.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['https://docs.aws.amazon.com.evil.example/', false],
    ['https://user:pass@docs.aws.amazon.com/', false],
    ['smb://server/share', false],
    ['http://127.0.0.1:4566/sso/verify', false],
  ])('openExternal allow-list: %s → %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url, { allowLoopback: false })).toBe(allowed);
  });

  it('allows loopback links only when the sandbox is in use', () => {
    expect(isAllowedExternalUrl('http://127.0.0.1:4566/sso/verify', { allowLoopback: true })).toBe(true);
  });
});

describe('app:// protocol', () => {
  const root = '/opt/keyless/renderer';
  it.each([
    ['app://keyless/index.html', '/opt/keyless/renderer/index.html'],
    ['app://keyless/', '/opt/keyless/renderer/index.html'],
    ['app://keyless/assets/index-abc.js', '/opt/keyless/renderer/assets/index-abc.js'],
  ])('serves %s from the renderer folder', (url, path) => {
    expect(resolveAppAsset(root, url)).toBe(path);
  });

  it.each(['app://keyless/../../etc/passwd', 'app://keyless/%2e%2e/%2e%2e/etc/passwd', 'app://keyless/assets/..%2F..%2F..%2Fetc%2Fpasswd'])(
    'never resolves %s outside the renderer folder',
    (url) => {
      const resolved = resolveAppAsset(root, url);
      if (resolved !== undefined) expect(resolved.startsWith(`${root}/`)).toBe(true);
      expect(resolved).not.toBe('/etc/passwd');
    },
  );

  it.each(['app://other/index.html', 'file:///opt/keyless/renderer/index.html', 'app://keyless/a%00b', 'not a url'])('refuses %s', (url) => {
    expect(resolveAppAsset(root, url)).toBeUndefined();
  });
});

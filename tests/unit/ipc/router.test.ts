import { describe, expect, it } from 'vitest';
import { createIpcRouter } from '../../../electron/main/ipc-router';
import type { SenderInfo, ServiceTable } from '../../../electron/main/ipc-router';
import { createServices } from '../../../electron/main/services';
import { trustedSenderFor } from '../../../electron/main/trusted-sender';
import { KeylessFailure } from '../../../shared/errors';

const APP = 'app://keyless';
const ownWindow: SenderInfo = { url: 'app://keyless/index.html', isMainFrame: true };

function routerWith(overrides: Partial<ServiceTable> = {}, onInternalError?: (op: string, error: unknown) => void) {
  const opened: string[] = [];
  const services = {
    ...createServices({
      openExternal: (url) => {
        opened.push(url);
        return Promise.resolve();
      },
      allowLoopbackLinks: false,
      probeKeychain: () => Promise.resolve({ available: false, reason: 'no Secret Service in this test' }),
      chooseExportFolder: () => Promise.resolve(undefined),
      env: {},
      appDataDir: '/nonexistent/keyless-test',
      emit: () => undefined,
    }),
    ...overrides,
  };
  return { router: createIpcRouter({ services, isTrustedSender: trustedSenderFor(APP), onInternalError }), opened };
}

describe('IPC router', () => {
  it('answers app.info for our own window with version, platform and keychain status', async () => {
    const { router } = routerWith();
    const result = await router.handle('app.info', ownWindow, {});
    expect(result).toMatchObject({
      ok: true,
      value: { name: 'Keyless', platform: 'linux', keychain: { available: false, reason: 'no Secret Service in this test' } },
    });
    if (result.ok) expect((result.value as { version: string }).version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each([
    ['another origin', { url: 'https://evil.example/index.html', isMainFrame: true }],
    ['a file:// page', { url: 'file:///tmp/index.html', isMainFrame: true }],
    ['a subframe of our own page', { url: 'app://keyless/index.html', isMainFrame: false }],
    ['an unknown frame', { url: undefined, isMainFrame: true }],
    ['a look-alike host', { url: 'app://keyless.evil/index.html', isMainFrame: true }],
  ])('refuses a message from %s with a clear error', async (_name, sender: SenderInfo) => {
    const { router } = routerWith();
    const result = await router.handle('app.info', sender, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'IPC_FOREIGN_SENDER' } });
    if (!result.ok) expect(result.error.message).toContain("Keyless's own window");
  });

  it('refuses a malformed payload, naming the field, before any service runs', async () => {
    const { router, opened } = routerWith();
    const result = await router.handle('app.openExternal', ownWindow, { url: 42 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('IPC_INVALID_REQUEST');
      expect(result.error.message).toMatch(/url/);
      expect(result.error.nextStep).not.toBe('');
    }
    expect(opened).toEqual([]);
  });

  it('refuses unexpected fields (strict requests)', async () => {
    const { router } = routerWith();
    const result = await router.handle('app.info', ownWindow, { extra: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_REQUEST' } });
  });

  it('does not echo request values in its error (they may be secrets)', async () => {
    const { router } = routerWith();
    const result = await router.handle('app.openExternal', ownWindow, { url: 'x'.repeat(3000) + 'SECRET-VALUE' });
    expect(JSON.stringify(result)).not.toContain('SECRET-VALUE');
  });

  it('refuses an operation that is not in the contract', async () => {
    const { router } = routerWith();
    const result = await router.handle('vault.dump', ownWindow, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'IPC_UNKNOWN_OPERATION' } });
  });

  it('strips fields the contract does not name from responses', async () => {
    const { router } = routerWith({
      'app.info': () =>
        Promise.resolve({
          name: 'Keyless',
          version: '1.0.0',
          platform: 'linux' as const,
          arch: 'x64',
          keychain: { available: true as const, backend: 'Secret Service' },
          secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        } as never),
    });
    const result = await router.handle('app.info', ownWindow, {});
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toContain('wJalrXUtnFEMI');
  });

  it('passes a service failure through with its code and next step', async () => {
    const { router } = routerWith();
    const result = await router.handle('app.openExternal', ownWindow, { url: 'file:///etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'LINK_NOT_ALLOWED' } });
  });

  it('reports an unexpected service error generically, without its message, and tells main', async () => {
    const seen: string[] = [];
    const { router } = routerWith(
      {
        'app.info': () => Promise.reject(new Error('token=abc123 leaked in an exception')),
      },
      (op) => seen.push(op),
    );
    const result = await router.handle('app.info', ownWindow, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('abc123');
    expect(seen).toEqual(['app.info']);
  });

  it('opens an allow-listed documentation link through the injected opener', async () => {
    const { router, opened } = routerWith();
    const url = 'https://docs.informatica.com/integration-cloud/data-integration-connectors/current-version/amazon-s3-v2-connector.html';
    const result = await router.handle('app.openExternal', ownWindow, { url });
    expect(result).toEqual({ ok: true, value: { opened: true } });
    expect(opened).toEqual([url]);
  });

  it('keeps a KeylessFailure thrown by a service as the error value', async () => {
    const { router } = routerWith({
      'app.info': () => Promise.reject(new KeylessFailure({ code: 'VAULT_LOCKED', message: 'The keychain is locked.', nextStep: 'Unlock it.' })),
    });
    expect(await router.handle('app.info', ownWindow, {})).toEqual({
      ok: false,
      error: { code: 'VAULT_LOCKED', message: 'The keychain is locked.', nextStep: 'Unlock it.' },
    });
  });
});

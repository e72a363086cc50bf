import { test as base } from '@playwright/test';
import type { BrowserContext } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIpcRouter } from '../../../electron/main/ipc-router';
import type { IpcRouter } from '../../../electron/main/ipc-router';
import { createServices } from '../../../electron/main/services';
import { trustedSenderFor } from '../../../electron/main/trusted-sender';
import { TEST_PRELOAD_BUNDLE } from '../global-setup';
import { serveFolder } from './static-server';
import type { StaticServer } from './static-server';

const root = join(__dirname, '../../..');

export interface KeylessApp {
  readonly origin: string;
  readonly router: IpcRouter;
  /** URLs the app asked the OS to open in the default browser. */
  readonly openedExternally: string[];
  /** Folders the save dialog "chose" for exports (a new folder under a temp dir each time). */
  readonly exportFolders: string[];
}

/**
 * Serves the built renderer, runs the real router and services in this process, and installs
 * `window.keyless` in every page of the context through a Playwright binding — so a page from
 * another origin can call the binding too, and the router's sender check is what stops it.
 */
export const test = base.extend<{ app: KeylessApp; server: StaticServer; awsEnv: Record<string, string>; allowLoopbackLinks: boolean }>({
  /** The sandbox serves its SSO verification page on loopback; only sandbox tests allow that. */
  allowLoopbackLinks: [false, { option: true }],
  /** AWS settings the app sees; by default none (no profiles), tests override with fixture files. */
  awsEnv: [{ AWS_CONFIG_FILE: '/nonexistent/keyless-e2e/config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/keyless-e2e/credentials' }, { option: true }],
  // Playwright reads fixture dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = await serveFolder(join(root, 'out/renderer'));
    await use(server);
    await server.close();
  },
  app: async ({ context, server, awsEnv, allowLoopbackLinks }, use) => {
    const openedExternally: string[] = [];
    const exportFolders: string[] = [];
    const exportRoot = mkdtempSync(join(tmpdir(), 'keyless-export-'));
    const appDataDir = mkdtempSync(join(tmpdir(), 'keyless-appdata-'));
    const router = createIpcRouter({
      services: createServices({
        openExternal: (url) => {
          openedExternally.push(url);
          return Promise.resolve();
        },
        allowLoopbackLinks,
        chooseExportFolder: (suggestedName) => {
          const folder = join(exportRoot, `${exportFolders.length}-${suggestedName}`);
          exportFolders.push(folder);
          return Promise.resolve(folder);
        },
        env: { ...process.env, ...awsEnv },
        appDataDir,
        emit: (event) => {
          for (const page of context.pages()) {
            void page.evaluate((e) => (window as unknown as { __keylessDispatch?: (x: unknown) => void }).__keylessDispatch?.(e), event).catch(() => undefined);
          }
        },
      }),
      isTrustedSender: trustedSenderFor(server.origin),
    });
    await installBridge(context, router);
    await use({ origin: server.origin, router, openedExternally, exportFolders });
  },
});

async function installBridge(context: BrowserContext, router: IpcRouter): Promise<void> {
  await context.exposeBinding('__keylessInvoke', (source, op: string, payload: unknown) =>
    router.handle(op, { url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() }, payload),
  );
  await context.addInitScript({ path: TEST_PRELOAD_BUNDLE });
}

export { expect } from '@playwright/test';

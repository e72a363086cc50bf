import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, net, protocol, session, shell } from 'electron';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, mimeTypeFor, resolveAppAsset } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { bindIpcRouter, sendEvent } from './ipc-binding';
import { createIpcRouter } from './ipc-router';
import { decideWindowOpen, isNavigationAllowed } from './navigation-policy';
import { createServices } from './services';
import { trustedSenderFor } from './trusted-sender';
import { mainWindowOptions } from './window-options';

const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const linkPolicy = { allowLoopback: process.env.KEYLESS_SANDBOX === '1' };
let mainWindow: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  app.on('second-instance', () => {
    if (mainWindow === undefined) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isNavigationAllowed(url, contents.getURL())) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (decideWindowOpen(url, linkPolicy).openExternally) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  const rendererDir = join(__dirname, '../renderer');
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppAsset(rendererDir, request.url);
    if (file === undefined) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    return new Response(response.body, {
      status: response.status,
      headers: { 'content-type': mimeTypeFor(file), 'content-security-policy': CONTENT_SECURITY_POLICY },
    });
  });
  // The app asks the OS for nothing: camera, notifications, geolocation... all refused.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  const router = createIpcRouter({
    services: createServices({
      openExternal: (url) => shell.openExternal(url),
      allowLoopbackLinks: linkPolicy.allowLoopback,
      env: process.env,
      appDataDir: app.getPath('userData'),
      emit: (event) => sendEvent(mainWindow, event),
      chooseExportFolder: async (suggestedName) => {
        const options = { title: 'Save the export in a new folder', defaultPath: join(app.getPath('documents'), suggestedName), buttonLabel: 'Save here' };
        const choice = mainWindow === undefined ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(mainWindow, options);
        return choice.canceled ? undefined : choice.filePath;
      },
    }),
    isTrustedSender: trustedSenderFor(devServerUrl ?? APP_ORIGIN),
    onInternalError: (op, error) => console.error(`[keyless] ${op} failed:`, error instanceof Error ? error.message : 'unknown error'),
  });
  bindIpcRouter(router);

  mainWindow = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload/preload.cjs')));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
  await mainWindow.loadURL(devServerUrl ?? APP_ENTRY_URL);
}

import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication } from '@playwright/test';
import { join } from 'node:path';

const root = join(__dirname, '../..');
let app: ElectronApplication;

test.beforeAll(async () => {
  app = await electron.launch({ args: [root], cwd: root, env: { ...process.env, NODE_ENV: 'production' } });
});
test.afterAll(async () => {
  await app.close();
});

test('the window loads the app from app://keyless with a locked-down renderer', async () => {
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  expect(page.url()).toBe('app://keyless/index.html');
  const exposed = await page.evaluate(() => ({
    keyless: typeof window.keyless,
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
  }));
  expect(exposed).toEqual({ keyless: 'object', require: 'undefined', process: 'undefined' });
  // The preload's own world is isolated: the page cannot reach Electron or Node through it.
  const keys = await page.evaluate(() => Object.keys(window.keyless!));
  expect(keys).toEqual(expect.arrayContaining(['app', 'onEvent']));
  expect(keys).not.toEqual(expect.arrayContaining(['ipcRenderer']));
});

test('app.info round-trips through ipcMain and the router', async () => {
  const page = await app.firstWindow();
  const result = await page.evaluate(() => window.keyless!.app.info());
  expect(result).toMatchObject({ ok: true, value: { name: 'Keyless' } });
  await expect(page.getByTestId('app-version')).toBeVisible();
});

test('window.open and navigation away are denied', async () => {
  const page = await app.firstWindow();
  await page.evaluate(() => window.open('https://evil.example/'));
  await page.evaluate(() => {
    window.location.href = 'https://evil.example/';
  });
  await page.waitForTimeout(500);
  expect(app.windows()).toHaveLength(1);
  expect(page.url()).toBe('app://keyless/index.html');
});

test('the page is served with the strict CSP header', async () => {
  const page = await app.firstWindow();
  const inlineRan = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.body.appendChild(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(inlineRan).toBe(false);
});

import { defineConfig } from '@playwright/test';

/**
 * The renderer suite: the built renderer in Debian's Chromium, with `window.keyless` installed
 * over Playwright bindings to the real IPC router in this process (DESIGN §8). Playwright's own
 * browser downloads are never used.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  globalSetup: './global-setup.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  reporter: process.env.KEYLESS_PLAYWRIGHT_JSON === undefined ? [['list']] : [['list'], ['json', { outputFile: process.env.KEYLESS_PLAYWRIGHT_JSON }]],
  outputDir: '../../test-results/chromium',
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.KEYLESS_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});

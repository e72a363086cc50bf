import { defineConfig } from '@playwright/test';

/** The Electron suite (Playwright `_electron`): runs only where Electron's binary exists. */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.electron.ts',
  workers: 1,
  timeout: 60_000,
  reporter: process.env.KEYLESS_PLAYWRIGHT_JSON === undefined ? [['list']] : [['list'], ['json', { outputFile: process.env.KEYLESS_PLAYWRIGHT_JSON }]],
  outputDir: '../../test-results/electron',
});

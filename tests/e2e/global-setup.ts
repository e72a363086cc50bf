import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

const root = join(__dirname, '../..');
export const TEST_PRELOAD_BUNDLE = join(root, 'tests/e2e/.build/test-preload.js');

/**
 * Bundles the page-side half of the test preload (the same `buildKeylessApi` the Electron
 * preload uses) into one script that Playwright injects before the page's own code.
 */
export default async function globalSetup(): Promise<void> {
  if (!existsSync(join(root, 'out/renderer/index.html'))) {
    throw new Error('The renderer is not built: run `npm run build` first (npm test does this).');
  }
  if (!existsSync('/usr/bin/chromium') && process.env.KEYLESS_CHROMIUM === undefined) {
    throw new Error("Debian's Chromium is missing: `apt-get install chromium` (.ci/run does this).");
  }
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: join(root, 'tests/e2e/.build'),
      emptyOutDir: true,
      minify: false,
      lib: { entry: join(root, 'tests/e2e/support/test-preload.ts'), formats: ['iife'], name: 'keylessTestPreload', fileName: () => 'test-preload.js' },
    },
  });
}

import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY, devContentSecurityPolicy } from './electron/main/content-security-policy';

const root = import.meta.dirname;

/** Writes the CSP into index.html: the strict policy in builds, a hot-reload one in dev. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'keyless-csp',
    transformIndexHtml(html, ctx) {
      const origin = ctx.server?.resolvedUrls?.local[0];
      const policy = ctx.server === undefined ? CONTENT_SECURITY_POLICY : devContentSecurityPolicy(origin ?? 'http://localhost:5173');
      return html.replace('%KEYLESS_CSP%', policy);
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The CLI is built with main: both are Node bundles over the same core, and
        // the `keyless` bin runs out/main/cli.js with plain Node.
        input: {
          main: resolve(root, 'electron/main/main.ts'),
          cli: resolve(root, 'electron/cli/keyless.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require only `electron`: bundle zod and the contract in.
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve(root, 'electron/preload/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react(), contentSecurityPolicy()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});

#!/usr/bin/env node
// `npm run bench`: runs the TypeScript bench with jiti (installed; no build step, Node 20).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const result = spawnSync(process.execPath, [join(root, 'node_modules', 'jiti', 'lib', 'jiti-cli.mjs'), join(root, 'tests', 'bench', 'apply-bench.ts')], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);

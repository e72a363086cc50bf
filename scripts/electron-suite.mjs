// Runs the Electron end-to-end suite where Electron's binary exists; says plainly when it does not.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const resultFile = process.env.KEYLESS_PLAYWRIGHT_JSON;
const electronDir = join(import.meta.dirname, '..', 'node_modules', 'electron');

// Read Electron's own path.txt rather than `require('electron')`, which starts a download
// when the binary is missing.
function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH !== undefined) return process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

if (electronBinary() === undefined) {
  console.log(
    'Electron suite: skipped — the Electron binary is not installed here (Electron downloads it from GitHub on first run, which this machine cannot reach).',
  );
  if (resultFile !== undefined) writeFileSync(resultFile, JSON.stringify({ skippedSuite: true, stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 } }));
  process.exit(0);
}

const needsDisplay = process.platform === 'linux' && process.env.DISPLAY === undefined;
const command = needsDisplay ? 'xvfb-run' : 'npx';
const args = ['playwright', 'test', '--config', 'tests/electron/playwright.config.ts'];
const run = spawnSync(command, needsDisplay ? ['-a', 'npx', ...args] : args, { stdio: 'inherit' });
process.exit(run.status ?? 1);

// `npm test`: every suite in turn — lint, typecheck, build, vitest (unit + integration), the
// Chromium renderer suite, the Electron suite where Electron exists — then one line
// `N passed, N failed` summed over all of them. Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
const bin = (name) => join(root, 'node_modules', '.bin', name);

/** @type {{ suite: string; passed: number; failed: number; note?: string }[]} */
const tally = [];

function run(command, args, extraEnv = {}) {
  const started = Date.now();
  const child = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  return { status: child.status ?? 1, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

function check(suite, command, args) {
  console.log(`\n=== ${suite} ===`);
  const { status, seconds } = run(command, args);
  tally.push({ suite, passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1, note: `${seconds}s` });
  return status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

check('lint', bin('eslint'), ['--max-warnings', '0', '.']);
check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
const built = check('build', bin('electron-vite'), ['build']);

{
  console.log('\n=== vitest (unit + integration) ===');
  const file = join(results, 'vitest.json');
  rmSync(file, { force: true });
  const { status, seconds } = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
  const report = readJson(file);
  if (report === undefined) tally.push({ suite: 'vitest', passed: 0, failed: 1, note: `no report (exit ${status})` });
  else {
    const failed = report.numFailedTests + (status !== 0 && report.numFailedTests === 0 ? 1 : 0);
    tally.push({ suite: 'vitest', passed: report.numPassedTests, failed, note: `${seconds}s` });
  }
}

function playwrightSuite(suite, command, args) {
  console.log(`\n=== ${suite} ===`);
  const file = join(results, `${suite}.json`);
  rmSync(file, { force: true });
  const { status, seconds } = run(command, args, { KEYLESS_PLAYWRIGHT_JSON: file });
  const report = readJson(file);
  if (report?.skippedSuite === true) {
    tally.push({ suite, passed: 0, failed: 0, note: 'skipped: no Electron binary' });
    return;
  }
  if (report === undefined) {
    tally.push({ suite, passed: 0, failed: 1, note: `no report (exit ${status})` });
    return;
  }
  const { expected = 0, unexpected = 0, flaky = 0 } = report.stats ?? {};
  const failed = unexpected + (status !== 0 && unexpected === 0 ? 1 : 0);
  tally.push({ suite, passed: expected + flaky, failed, note: `${seconds}s` });
}

if (built && existsSync(join(root, 'out/renderer/index.html'))) {
  playwrightSuite('chromium', bin('playwright'), ['test', '--config', 'tests/e2e/playwright.config.ts']);
  playwrightSuite('electron', process.execPath, ['scripts/electron-suite.mjs']);
} else {
  tally.push({ suite: 'chromium', passed: 0, failed: 1, note: 'not run: build failed' });
  tally.push({ suite: 'electron', passed: 0, failed: 1, note: 'not run: build failed' });
}

console.log('\n=== summary ===');
for (const { suite, passed, failed, note } of tally) console.log(`${suite.padEnd(12)} ${passed} passed, ${failed} failed${note ? `  (${note})` : ''}`);
const passed = tally.reduce((sum, t) => sum + t.passed, 0);
const failed = tally.reduce((sum, t) => sum + t.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

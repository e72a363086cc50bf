import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/content-security-policy';
import { version } from '../../package.json';
import { expect, test } from './support/keyless-app';
import { serveFolder } from './support/static-server';

const root = join(__dirname, '../..');

test('the shell shows the six steps and the three entry paths, and app.info round-trips through the router', async ({ page, app }) => {
  await page.goto(`${app.origin}/index.html`);
  const rail = page.getByRole('navigation', { name: 'Guided setup steps' });
  await expect(rail.getByRole('button')).toHaveText([/Connect/, /Bucket & policy/, /Role/, /EC2 instance/, /IICS connection/, /Review & apply/]);
  for (const name of ['Draft offline', 'Guided setup', 'Check an existing setup']) {
    await expect(page.getByRole('button', { name: new RegExp(name) })).toBeVisible();
  }
  // The status bar is filled by app.info: renderer → binding → real router → core service.
  await expect(page.getByTestId('app-version')).toHaveText(`Keyless ${version}`);
  await expect(page.getByTestId('keychain-status')).toBeVisible();
  await page.screenshot({ path: join(root, 'docs/shell.png') });
});

test('app.info answers with version, platform and keychain status', async ({ page, app }) => {
  await page.goto(`${app.origin}/index.html`);
  const result = await page.evaluate(() => window.keyless!.app.info());
  expect(result.ok).toBe(true);
  if (result.ok) {
    expect(result.value).toMatchObject({ name: 'Keyless', version, platform: process.platform });
    expect(typeof result.value.keychain.available).toBe('boolean');
  }
});

test('a malformed payload from the page is refused with a clear error', async ({ page, app }) => {
  await page.goto(`${app.origin}/index.html`);
  const result = await page.evaluate(() => window.keyless!.app.openExternal({ url: 17 as unknown as string }));
  expect(result).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_REQUEST', message: expect.stringMatching(/url/) as unknown } });
  expect(app.openedExternally).toEqual([]);
});

test('a page from another origin is refused by the sender check', async ({ context, app }) => {
  const foreign = await serveFolder(join(root, 'tests/e2e/fixtures'), { csp: false });
  try {
    const page = await context.newPage();
    await page.goto(`${foreign.origin}/foreign.html`);
    const result = await page.evaluate(() => window.keyless!.app.info());
    expect(result).toMatchObject({ ok: false, error: { code: 'IPC_FOREIGN_SENDER' } });
    // …while our own page, in the same browser, still gets answers.
    const own = await context.newPage();
    await own.goto(`${app.origin}/index.html`);
    expect((await own.evaluate(() => window.keyless!.app.info())).ok).toBe(true);
  } finally {
    await foreign.close();
  }
});

test('the built page carries the strict CSP, which blocks inline script and network access', async ({ page, app }) => {
  const html = readFileSync(join(root, 'out/renderer/index.html'), 'utf8');
  expect(html).toContain(`content="${CONTENT_SECURITY_POLICY}"`);

  const violations: string[] = [];
  await page.exposeFunction('__reportViolation', (directive: string) => violations.push(directive));
  await page.goto(`${app.origin}/index.html`);
  await page.evaluate(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      void (window as unknown as { __reportViolation(d: string): Promise<void> }).__reportViolation(event.effectiveDirective);
    });
  });
  const inlineRan = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.body.appendChild(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(inlineRan).toBe(false);
  const fetched = await page.evaluate(async (origin) => {
    try {
      await fetch(`${origin}/index.html`);
      return true;
    } catch {
      return false;
    }
  }, app.origin);
  expect(fetched).toBe(false);
  await expect.poll(() => violations).toEqual(expect.arrayContaining(['script-src-elem', 'connect-src']));
});

test('links outside the allow-list are not handed to the OS', async ({ page, app }) => {
  await page.goto(`${app.origin}/index.html`);
  const denied = await page.evaluate(() => window.keyless!.app.openExternal({ url: 'https://evil.example/' }));
  expect(denied).toMatchObject({ ok: false, error: { code: 'LINK_NOT_ALLOWED' } });
  const allowed = await page.evaluate(() => window.keyless!.app.openExternal({ url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/' }));
  expect(allowed).toEqual({ ok: true, value: { opened: true } });
  expect(app.openedExternally).toEqual(['https://docs.aws.amazon.com/IAM/latest/UserGuide/']);
});

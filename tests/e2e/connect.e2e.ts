import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sandbox } from '../../electron/core/sandbox/start-sandbox';
import { sandboxAdmin, startTestSandbox } from '../support/sandbox';
import { AGENT, createChainRoles } from '../integration/aws/support';
import { expect, test } from './support/keyless-app';

const root = join(__dirname, '../..');
let sandbox: Sandbox;
const awsDir = mkdtempSync(join(tmpdir(), 'keyless-e2e-aws-'));
/** What the app's main process sees; the sandbox endpoint is added once the sandbox is up. */
const awsEnv: Record<string, string> = {
  AWS_CONFIG_FILE: join(awsDir, 'config'),
  AWS_SHARED_CREDENTIALS_FILE: join(awsDir, 'credentials'),
  AWS_PROFILE: 'sandbox-admin',
};

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  sandbox = await startTestSandbox();
  await createChainRoles(sandbox);
  const broken = '\n[profile broken-chain]\nrole_arn = arn:aws:iam::111111111111:role/nowhere\nsource_profile = missing-profile\n';
  const mfa = `\n[profile deploy-mfa]\nrole_arn = arn:aws:iam::${AGENT}:role/keyless-deploy\nsource_profile = sandbox-admin\nmfa_serial = arn:aws:iam::${AGENT}:mfa/keyless-admin\nendpoint_url = ${sandbox.awsEndpoint}\n`;
  writeFileSync(join(awsDir, 'config'), sandbox.profilesSnippet.config + broken + mfa);
  writeFileSync(join(awsDir, 'credentials'), sandbox.profilesSnippet.credentials);
  // A start URL typed without a profile has no endpoint_url: the environment points the SDK at the sandbox.
  awsEnv.AWS_ENDPOINT_URL = sandbox.awsEndpoint;
});
test.afterAll(async () => {
  await sandbox?.stop();
});

test.use({ awsEnv, allowLoopbackLinks: true });

test.describe('Connect step against the sandbox', () => {
  test.beforeEach(async ({ page, app }) => {
    await page.goto(`${app.origin}/index.html`);
    await page.getByRole('button', { name: /Guided setup/ }).click();
  });

  test('lists the profiles with their kind and status, and shows who one is', async ({ page }) => {
    const table = page.getByRole('table');
    await expect(table.getByRole('row', { name: /sandbox-admin/ })).toContainText('Access keys');
    await expect(table.getByRole('row', { name: /sandbox-admin/ })).toContainText('Ready');
    await expect(table.getByRole('row', { name: /sandbox-sso/ })).toContainText('IAM Identity Center (SSO)');
    await expect(table.getByRole('row', { name: /sandbox-sso/ })).toContainText('SSO sign-in needed');

    await page.getByRole('radio', { name: /sandbox-admin/ }).check();
    await page.getByRole('button', { name: 'Check identity' }).click();
    const card = page.getByTestId('identity-card');
    await expect(card).toContainText(sandbox.seed.accounts.agent.id);
    await expect(card).toContainText('user/keyless-admin');
    await expect(card).toContainText('Access keys');
    await expect(page.getByTestId('vault-mode')).toBeVisible();
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.screenshot({ path: join(root, 'docs/connect.png') });
  });

  test('signs in with SSO by device code, then shows the SSO identity', async ({ page, app }) => {
    await page.getByRole('radio', { name: /sandbox-sso/ }).check();
    await page.getByRole('button', { name: 'Sign in with IAM Identity Center' }).click();
    const code = await page.getByTestId('sso-user-code').textContent();
    expect(code).toBeTruthy();
    // Main opened the verification page in the "browser"; the test approves the code there.
    await expect.poll(() => app.openedExternally.length).toBeGreaterThan(0);
    const approved = await sandboxAdmin(sandbox, 'POST', '/sso/approve', { userCode: code });
    expect(approved.status).toBe(200);
    const card = page.getByTestId('identity-card');
    await expect(card).toBeVisible({ timeout: 30_000 });
    await expect(card).toContainText('assumed-role/');
    await expect(card).toContainText('IAM Identity Center (SSO)');
  });

  test('signs in with a start URL alone and picks an account and role, without editing config files', async ({ page }) => {
    const form = page.getByRole('form', { name: 'SSO start URL' });
    await form.getByLabel('Start URL').fill(sandbox.seed.sso.startUrl);
    await form.getByLabel('SSO region').fill(sandbox.seed.sso.region);
    await form.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Sign in with IAM Identity Center' }).click();
    const code = await page.getByTestId('sso-user-code').textContent();
    expect((await sandboxAdmin(sandbox, 'POST', '/sso/approve', { userCode: code })).status).toBe(200);
    const account = sandbox.seed.sso.accounts[0]!;
    await page.getByRole('list', { name: 'SSO accounts' }).getByRole('button', { name: new RegExp(account.accountId) }).click();
    await page.getByRole('list', { name: 'SSO roles' }).getByRole('button', { name: account.roles[0]!.roleName }).click();
    const card = page.getByTestId('identity-card');
    await expect(card).toContainText(account.accountId);
    await expect(card).toContainText(`assumed-role/`);
  });

  test('asks for the MFA code of a role chain with mfa_serial, and uses it once', async ({ page }) => {
    await expect(page.getByRole('row', { name: /deploy-mfa/ })).toContainText('MFA code needed');
    await page.getByRole('radio', { name: /deploy-mfa/ }).check();
    const check = page.getByRole('button', { name: 'Check identity' });
    await expect(check).toBeDisabled();
    await page.getByLabel(/MFA code/).fill('123456');
    await check.click();
    await expect(page.getByTestId('identity-card')).toContainText('assumed-role/keyless-deploy');
  });

  test('explains a profile that cannot be used, with the next step', async ({ page }) => {
    await expect(page.getByRole('row', { name: /broken-chain/ })).toContainText('Broken chain');
    await page.getByRole('radio', { name: /broken-chain/ }).check();
    await expect(page.getByText(/missing-profile/).first()).toBeVisible();
    await page.getByRole('button', { name: 'Check identity' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(/missing-profile/);
    await expect(page.getByTestId('identity-card')).toHaveCount(0);
  });
});

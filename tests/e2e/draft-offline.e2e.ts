import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/keyless-app';

const root = join(__dirname, '../..');

test.describe('Draft offline', () => {
  test.beforeEach(async ({ page, app }) => {
    await page.goto(`${app.origin}/index.html`);
    await page.getByRole('button', { name: /Draft offline/ }).click();
  });

  test('drafts the least-privilege policy live from the form, linted, and explains a decision', async ({ page }) => {
    await expect(page.getByRole('alert')).toContainText('Enter the bucket');
    await page.getByLabel('Bucket', { exact: true }).fill('acme-landing');
    await page.getByLabel('Folder path').fill('sales/daily');
    await page.getByLabel('Access').selectOption('write');
    await page.getByLabel(/advanced mode/).check();

    const json = page.getByTestId('policy-json');
    await expect(json).toContainText('"arn:aws:s3:::acme-landing/sales/daily/*"');
    await expect(json).toContainText('"sales/daily/*"');
    await expect(json).toContainText('s3:DeleteObject');
    await expect(json).toContainText('s3:ListBucketMultipartUploads');
    await expect(page.getByText('No findings')).toBeVisible();

    await page.getByRole('tab', { name: /Instance role trust/ }).click();
    await expect(json).toContainText('ec2.amazonaws.com');

    const ask = page.getByRole('form', { name: 'Ask the policy' });
    await ask.getByLabel('Action').fill('s3:GetObject');
    await ask.getByLabel('S3 path').fill('s3://acme-landing/sales/daily/2026-11-28.csv');
    await ask.getByRole('button', { name: 'Ask' }).click();
    await expect(ask.getByRole('status')).toContainText('Allowed');
    await ask.getByLabel('S3 path').fill('s3://acme-landing/finance/ledger.csv');
    await ask.getByRole('button', { name: 'Ask' }).click();
    await expect(ask.getByRole('status')).toContainText('Denied (nothing allows it)');
    await page.getByRole('tab', { name: /S3 permissions/ }).click();
    await page.setViewportSize({ width: 1280, height: 1300 });
    await page.screenshot({ path: join(root, 'docs/draft-offline.png') });
  });

  test('names the broken S3 naming rule and shows no documents for an invalid bucket', async ({ page }) => {
    await page.getByLabel('Bucket', { exact: true }).fill('Acme_Landing');
    await expect(page.getByRole('alert')).toContainText('Acme_Landing');
    await expect(page.getByTestId('policy-json')).toHaveCount(0);
    await page.getByLabel('Bucket', { exact: true }).fill('acme-landing');
    await page.getByLabel('Folder path').fill('sales/');
    await expect(page.getByRole('alert')).toContainText(/slash/i);
  });

  test('setup B drafts the connector role trust with the External Id and the assume policy', async ({ page }) => {
    await page.getByLabel('Bucket', { exact: true }).fill('acme-landing');
    await page.getByLabel(/B · Assume a connector role/).check();
    await page.getByLabel('Account id of both roles').fill('111122223333');
    await page.getByLabel(/External Id/).fill('acme-7f3a');
    await page.getByRole('tab', { name: /Connector role trust/ }).click();
    const json = page.getByTestId('policy-json');
    await expect(json).toContainText('arn:aws:iam::111122223333:role/keyless-informatica-agent');
    await expect(json).toContainText('"sts:ExternalId"');
    await expect(json).toContainText('"acme-7f3a"');
    await page.getByRole('tab', { name: /Assume connector role/ }).click();
    await expect(json).toContainText('arn:aws:iam::111122223333:role/keyless-informatica-s3-connector');
  });

  test('flags cross-account trust without an External Id next to the document', async ({ page }) => {
    await page.getByLabel('Bucket', { exact: true }).fill('acme-landing');
    await page.getByLabel(/C · Cross-account/).check();
    await page.getByLabel("Bucket's account id").fill('111122223333');
    await page.getByLabel("Agent's account id (trusted)").fill('444455556666');
    await page.getByRole('tab', { name: /Connector role trust/ }).click();
    const findings = page.getByRole('list', { name: 'Lint findings' });
    await expect(findings).toContainText(/ExternalId/i);
    await page.getByLabel(/External Id/).fill('acme-7f3a');
    await expect(page.getByText('No findings')).toBeVisible();
  });

  test('exports Terraform into a new folder through main', async ({ page, app }) => {
    await page.getByLabel('Bucket', { exact: true }).fill('acme-landing');
    await expect(page.getByText('No findings')).toBeVisible();
    await page.getByRole('button', { name: 'Terraform' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    const folder = app.exportFolders.at(-1)!;
    expect(existsSync(folder)).toBe(true);
    const files = readdirSync(folder, { recursive: true }).map(String);
    expect(files.some((f) => f.endsWith('.tf'))).toBe(true);
    const tf = files.filter((f) => f.endsWith('.tf')).map((f) => readFileSync(join(folder, f), 'utf8')).join('\n');
    expect(tf).toContain('aws_iam_role');
    expect(tf).toContain('acme-landing');
    expect(tf).not.toMatch(/AKIA|aws_secret_access_key/);
  });
});

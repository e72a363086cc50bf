import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { OwnedAwsClients } from '../../electron/core/engine/aws-clients';
import type { Sandbox } from '../../electron/core/sandbox/start-sandbox';
import { DEFAULT_IICS_IDS } from '../../electron/core/sandbox/iics/default-world';
import { startTestSandbox } from '../support/sandbox';
import { operatorClients, s3Policy, SALES, setUpA, setUpAssumeRole, STAGING } from '../integration/engine/doctor-world';
import { expect, test } from './support/keyless-app';
import type { KeylessApp } from './support/keyless-app';

const root = join(__dirname, '../..');
let sandbox: Sandbox;
let admin: OwnedAwsClients;
let dataAdmin: OwnedAwsClients;
const awsDir = mkdtempSync(join(tmpdir(), 'keyless-e2e-doctor-aws-'));
// No AWS_PROFILE, and no profile named "default": the screen starts with no profile and one is picked on it.
const awsEnv: Record<string, string> = { AWS_CONFIG_FILE: join(awsDir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(awsDir, 'credentials') };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  sandbox = await startTestSandbox({ iics: true });
  admin = operatorClients(sandbox, 'keyless-admin');
  dataAdmin = operatorClients(sandbox, 'keyless-data-admin');
  writeFileSync(join(awsDir, 'config'), sandbox.profilesSnippet.config);
  writeFileSync(join(awsDir, 'credentials'), sandbox.profilesSnippet.credentials);
});
test.afterAll(async () => {
  admin?.destroy();
  dataAdmin?.destroy();
  await sandbox?.stop();
});

test.use({ awsEnv });

const seededInstance = (name: string): string => sandbox.seed.instances.find((instance) => instance.name === name)!.instanceId;

/** Creates an S3 v2 connection in the IICS emulator as a user would, through its REST API. */
async function createConnection(name: string, runtimeEnvironmentId: string, connParams: Record<string, string>): Promise<void> {
  const iics = sandbox.iicsLogin!;
  const answer = await fetch(`${iics.loginUrl}/ma/api/v2/user/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: iics.username, password: iics.password }) });
  const login = (await answer.json()) as { serverUrl: string; icSessionId: string };
  const created = await fetch(`${login.serverUrl}/api/v2/connection`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', icSessionId: login.icSessionId },
    body: JSON.stringify({ '@type': 'connection', name, type: 'TOOLKIT_CCI', instanceName: 'Amazon S3 v2', runtimeEnvironmentId, connParams: { RegionName: 'US East(N. Virginia)', ...connParams } }),
  });
  if (created.status !== 200) throw new Error(`creating ${name}: ${await created.text()}`);
}

/** Records every answer main sends the page, to prove what crosses the IPC boundary. */
async function recordAnswers(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __keylessInvoke: (op: string, request: unknown) => Promise<unknown>; __answers: string[] };
    const invoke = w.__keylessInvoke.bind(w);
    w.__answers = [];
    w.__keylessInvoke = async (op, request) => {
      const answer = await invoke(op, request);
      w.__answers.push(JSON.stringify({ op, answer }));
      return answer;
    };
  });
  return () => page.evaluate(() => (window as unknown as { __answers: string[] }).__answers);
}

const link = (page: Page, id: string) => page.locator(`li[data-link-id="${id}"]`);

async function openDoctor(page: Page, app: KeylessApp): Promise<void> {
  await page.goto(`${app.origin}/index.html`);
  await page.getByRole('button', { name: /Check an existing setup/ }).click();
  await expect(page.getByRole('heading', { name: 'Check an existing setup' })).toBeVisible();
}

test.describe('Check an existing setup against the sandbox', () => {
  test('with no profile from Connect, one is picked here; the no-profile instance names the missing instance profile with the associate command', async ({ page, app }) => {
    await openDoctor(page, app);
    const form = page.getByRole('form', { name: 'Check an existing setup' });
    const runButton = form.getByRole('button', { name: 'Run the check' });
    await expect(runButton).toBeDisabled();
    await expect(form.getByText('Choose the AWS profile of the agent\'s account.')).toBeVisible();
    await form.getByLabel('AWS profile', { exact: true }).selectOption('sandbox-admin');
    const instanceId = seededInstance('infa-secure-agent-01');
    await form.getByLabel('EC2 instance id').fill(instanceId);
    await form.getByLabel('Bucket', { exact: true }).fill(STAGING.bucket);
    await form.getByLabel('Folder', { exact: true }).fill(STAGING.folder);
    // keyboard only: Enter in a field submits the form
    await form.getByLabel('Folder', { exact: true }).press('Enter');

    await expect(page.getByText(`First broken link: Instance ${instanceId} has an IAM instance profile.`)).toBeVisible({ timeout: 30_000 });
    await expect(link(page, 'instance')).toHaveAttribute('data-status', 'ok');
    await expect(link(page, 'association')).toHaveAttribute('data-status', 'broken');
    await expect(link(page, 'association')).toContainText(/no instance profile/i);
    const fix = link(page, 'association').getByRole('region', { name: 'Fix' });
    await expect(fix.locator('pre code')).toContainText(`aws ec2 associate-iam-instance-profile --region 'us-east-1' --instance-id '${instanceId}'`);
    await expect(page.getByRole('region', { name: 'Fix' })).toHaveCount(1);
    // the result heading takes focus, so a keyboard or screen-reader user lands on the report
    await expect(page.getByRole('heading', { name: 'Report' })).toBeFocused();
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.screenshot({ path: join(root, 'docs/doctor.png'), fullPage: true });
  });

  test('a correct setup A shows every link ✓ down to each connector action on the folder', async ({ page, app }) => {
    const a = await setUpA(admin, 'e2e-doctor-a', s3Policy({ ...STAGING, access: 'write' }));
    await openDoctor(page, app);
    const form = page.getByRole('form', { name: 'Check an existing setup' });
    await form.getByLabel('AWS profile', { exact: true }).selectOption('sandbox-admin');
    await form.getByLabel('EC2 instance id').fill(a.instanceId);
    await form.getByLabel('Bucket', { exact: true }).fill(STAGING.bucket);
    await form.getByLabel('Folder', { exact: true }).fill(STAGING.folder);
    await form.getByLabel('Access').selectOption('write');
    await form.getByRole('button', { name: 'Run the check' }).click();

    await expect(page.getByText('Every link is ok.')).toBeVisible({ timeout: 30_000 });
    const links = page.getByRole('list', { name: 'Chain of the setup' }).getByRole('listitem');
    expect(await links.evaluateAll((items) => items.map((item) => `${item.getAttribute('data-link-id') ?? ''}:${item.getAttribute('data-status') ?? ''}`))).toEqual(
      ['instance', 'imds', 'association', 'instance-profile', 'role', 'trust', 'policies', 's3:ListBucket', 's3:GetObject', 's3:PutObject', 's3:DeleteObject'].map((id) => `${id}:ok`),
    );
    await expect(page.getByRole('img', { name: 'ok' })).toHaveCount(11);
    await expect(link(page, 'role')).toContainText('e2e-doctor-a-role');
  });

  test('setup B typed on the form: a wrong External Id names the connector role\'s trust link', async ({ page, app }) => {
    const b = await setUpAssumeRole(admin, admin, 'e2e-doctor-b', { externalId: 'informatica-4711', policy: s3Policy(STAGING), connectorAccount: sandbox.seed.accounts.agent.id });
    await openDoctor(page, app);
    const form = page.getByRole('form', { name: 'Check an existing setup' });
    await form.getByLabel('AWS profile', { exact: true }).selectOption('sandbox-admin');
    await form.getByLabel('EC2 instance id').fill(b.instanceId);
    await form.getByLabel('Bucket', { exact: true }).fill(STAGING.bucket);
    await form.getByLabel('Folder', { exact: true }).fill(STAGING.folder);
    await form.getByLabel('Setup').selectOption('b');
    await form.getByLabel('IAM Role ARN').fill(b.connectorRoleArn);
    await form.getByLabel('External Id').fill('informatica-0000');
    await form.getByRole('button', { name: 'Run the check' }).click();

    await expect(link(page, 'connector-trust')).toHaveAttribute('data-status', 'broken', { timeout: 30_000 });
    await expect(link(page, 'connector-trust')).toContainText(/different External Id/);
    await expect(link(page, 'assume-permission')).toHaveAttribute('data-status', 'ok');
    await expect(link(page, 'connector-trust').getByRole('region', { name: 'Fix' }).locator('pre code')).toContainText("aws iam update-assume-role-policy --role-name 'e2e-doctor-b-connector-role'");
  });

  test('setup C: the connector role in the bucket\'s account is read with that account\'s profile, picked on the form', async ({ page, app }) => {
    const c = await setUpAssumeRole(admin, dataAdmin, 'e2e-doctor-c', { policy: s3Policy(SALES), connectorAccount: sandbox.seed.accounts.bucket.id });
    await openDoctor(page, app);
    const form = page.getByRole('form', { name: 'Check an existing setup' });
    await form.getByLabel('AWS profile', { exact: true }).selectOption('sandbox-admin');
    await form.getByLabel('EC2 instance id').fill(c.instanceId);
    await form.getByLabel('Bucket', { exact: true }).fill(SALES.bucket);
    await form.getByLabel('Folder', { exact: true }).fill(SALES.folder);
    await form.getByLabel('Setup').selectOption('c');
    await form.getByLabel('IAM Role ARN').fill(c.connectorRoleArn);
    await form.getByLabel('AWS profile of the bucket\'s account').selectOption('sandbox-data-admin');
    await form.getByRole('button', { name: 'Run the check' }).click();

    await expect(page.getByText('Every link is ok.')).toBeVisible({ timeout: 30_000 });
    await expect(link(page, 'connector-role')).toHaveAttribute('data-status', 'ok');
    await expect(link(page, 'connector-trust')).toHaveAttribute('data-status', 'ok');
  });

  test('from an IICS connection on a serverless runtime environment: IAM authentication cannot work there, and the password never comes back', async ({ page, app }) => {
    await createConnection('E2E serverless', DEFAULT_IICS_IDS.serverless, { FolderPath: STAGING.bucket });
    const iics = sandbox.iicsLogin!;
    await openDoctor(page, app);
    const answers = await recordAnswers(page);
    const form = page.getByRole('form', { name: 'Check an existing setup' });
    await form.getByLabel('AWS profile', { exact: true }).selectOption('sandbox-admin');
    await form.getByLabel('Start from an IICS connection').check();
    await form.getByLabel('IICS login URL').fill(iics.loginUrl);
    await form.getByLabel('IICS user name').fill(iics.username);
    await form.getByLabel('IICS password').fill(iics.password);
    await form.getByLabel('Connection name').fill('E2E serverless');
    await form.getByRole('button', { name: 'Run the check' }).click();

    await expect(link(page, 'runtime-environment')).toHaveAttribute('data-status', 'broken', { timeout: 30_000 });
    await expect(link(page, 'runtime-environment')).toContainText(/serverless runtime environment: it has no EC2 instance of yours, so IAM authentication .* cannot work there/);
    await expect(page.getByText('First broken link: Runtime environment "serverless-aws" runs on a Secure Agent.')).toBeVisible();
    await expect(form.getByLabel('IICS password')).toHaveValue('');
    expect(await page.content()).not.toContain(iics.password);
    const seen = await answers();
    expect(seen.some((answer) => answer.includes('"op":"engine.doctor"') && answer.includes('runtime-environment'))).toBe(true);
    for (const answer of seen) expect(answer).not.toContain(iics.password);
  });

  test('from an IICS connection on an EC2 agent, with no instance id: the agent\'s host leads to its instance', async ({ page, app }) => {
    await createConnection('E2E on EC2', DEFAULT_IICS_IDS.activeGroup, { FolderPath: `${STAGING.bucket}/${STAGING.folder}` });
    const iics = sandbox.iicsLogin!;
    await openDoctor(page, app);
    const form = page.getByRole('form', { name: 'Check an existing setup' });
    await form.getByLabel('AWS profile', { exact: true }).selectOption('sandbox-admin');
    await form.getByLabel('Start from an IICS connection').check();
    await form.getByLabel('IICS login URL').fill(iics.loginUrl);
    await form.getByLabel('IICS user name').fill(iics.username);
    await form.getByLabel('IICS password').fill(iics.password);
    await form.getByLabel('Connection name').fill('E2E on EC2');
    await form.getByRole('button', { name: 'Run the check' }).click();

    const instanceId = seededInstance('infa-secure-agent-01');
    await expect(link(page, 'agent-instance')).toHaveAttribute('data-status', 'ok', { timeout: 30_000 });
    await expect(link(page, 'agent-instance')).toContainText(instanceId);
    await expect(page.getByText(`First broken link: Instance ${instanceId} has an IAM instance profile.`)).toBeVisible();
    await expect(page.getByText(`s3://${STAGING.bucket}/${STAGING.folder}`, { exact: false }).first()).toBeVisible();
  });

  test('refuses bad input with a specific error before any call, and a wrong IICS password comes back without the password', async ({ app }) => {
    const sender = { url: `${app.origin}/index.html`, isMainFrame: true };
    const iics = sandbox.iicsLogin!;
    const call = (request: unknown) => app.router.handle('engine.doctor', sender, request);

    expect(await call({ profile: 'sandbox-admin', instanceId: 'i-nothex' })).toMatchObject({ ok: false, error: { code: 'INVALID_INSTANCE_ID' } });
    expect(await call({ profile: 'sandbox-admin', bucket: STAGING.bucket })).toMatchObject({ ok: false, error: { code: 'INVALID_DOCTOR_INPUT', message: expect.stringMatching(/no EC2 instance id and no IICS connection/) as unknown } });
    expect(await call({ profile: 'sandbox-admin', instanceId: seededInstance('infa-secure-agent-01'), setup: 'b' })).toMatchObject({ ok: false, error: { code: 'INVALID_DOCTOR_INPUT', message: expect.stringMatching(/IAM Role ARN/) as unknown } });
    expect(await call({ profile: 'sandbox-admin', instanceId: seededInstance('infa-secure-agent-01'), accessKeyId: 'AKIA…' })).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_REQUEST' } });
    const clearText = await call({ profile: 'sandbox-admin', iics: { loginUrl: 'http://iics.example.com', username: 'u', password: 'hunter2-secret', connectionName: 'c' } });
    expect(clearText).toMatchObject({ ok: false, error: { code: 'INVALID_IICS_LOGIN_URL' } });

    const wrong = 'not-the-password-4711';
    const refused = await call({ profile: 'sandbox-admin', iics: { loginUrl: iics.loginUrl, username: iics.username, password: wrong, connectionName: 'E2E serverless' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'IICS_LOGIN_FAILED' } });
    expect(JSON.stringify(refused)).not.toContain(wrong);
    expect(JSON.stringify(clearText)).not.toContain('hunter2-secret');
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Sandbox } from '../../electron/core/sandbox/start-sandbox';
import { DEFAULT_NAMES } from '../../shared/export/default-names';
import { startTestSandbox } from '../support/sandbox';
import { expect, test } from './support/keyless-app';
import type { KeylessApp } from './support/keyless-app';

/**
 * Guided step 5 in Chromium against the sandbox with its IICS emulator, through the real router,
 * IICS client and vault: log in, pick the runtime environment (serverless listed, not
 * selectable), create the S3 v2 connection for setup A once the role is on the agent's instance,
 * test it on the emulated agent (which checks the role really reaches the bucket in moto), and
 * apply again to see nothing change. The IICS password must not come back from main, nor stay
 * in the page.
 */

const root = join(__dirname, '../..');
let sandbox: Sandbox;
const awsDir = mkdtempSync(join(tmpdir(), 'keyless-e2e-iics-aws-'));
const awsEnv: Record<string, string> = {
  AWS_CONFIG_FILE: join(awsDir, 'config'),
  AWS_SHARED_CREDENTIALS_FILE: join(awsDir, 'credentials'),
};
// In the agent's own account: setup A has no cross-account bucket policy (the emulated test says so when it is missing).
const BUCKET = 'keyless-sandbox-staging';
const FOLDER = 'inbound';
/** Short enough for the expiry test to wait out, long enough for the other tests' pauses between calls. */
const IDLE_TIMEOUT_MS = 20_000;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  sandbox = await startTestSandbox({ iics: true, propagationMs: 500, iicsIdleTimeoutMs: IDLE_TIMEOUT_MS });
  writeFileSync(join(awsDir, 'config'), sandbox.profilesSnippet.config);
  writeFileSync(join(awsDir, 'credentials'), sandbox.profilesSnippet.credentials);
});
test.afterAll(async () => {
  await sandbox?.stop();
});

test.use({ awsEnv });

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; nextStep: string } };

function caller(app: KeylessApp) {
  const sender = { url: `${app.origin}/index.html`, isMainFrame: true };
  return (op: string, payload: unknown) => app.router.handle(op, sender, payload) as Promise<Answer>;
}

/** The seeded instance whose private DNS name is the running agent's host in the IICS emulator. */
async function activeAgentInstance(app: KeylessApp): Promise<{ instanceId: string; name: string }> {
  const call = caller(app);
  const iics = sandbox.iicsLogin!;
  const login = await call('iics.login', { loginUrl: iics.loginUrl, username: iics.username, password: iics.password, version: 'v2' });
  expect(login.ok).toBe(true);
  const listed = (await call('iics.environments', {})) as { ok: true; value: { runtimeEnvironments: { status: string; agents: { agentHost: string }[] }[] } };
  const host = listed.value.runtimeEnvironments.find((environment) => environment.status === 'active')?.agents[0]?.agentHost;
  const instance = sandbox.seed.instances.find((candidate) => candidate.privateDnsName === host);
  if (instance === undefined) throw new Error(`no seeded instance has the active agent's host ${String(host)}`);
  return { instanceId: instance.instanceId, name: instance.name ?? instance.instanceId };
}

/** Setup A for the active agent's instance, planned and applied over IPC as the Review step does. */
async function applySetupA(app: KeylessApp, instanceId: string): Promise<void> {
  const call = caller(app);
  const planned = (await call('engine.plan', {
    setup: 'instanceRole',
    profile: 'sandbox-admin',
    region: sandbox.region,
    bucket: BUCKET,
    folder: FOLDER,
    access: 'read',
    advancedMode: false,
    instanceId,
    names: { role: DEFAULT_NAMES.role, policy: DEFAULT_NAMES.policy, instanceProfile: DEFAULT_NAMES.role, connectorRole: DEFAULT_NAMES.connectorRole, assumePolicy: DEFAULT_NAMES.assumePolicy },
    path: '/',
    tags: [],
  })) as { ok: true; value: { plan: { runId: string }; applicable: boolean } };
  expect(planned.value.applicable).toBe(true);
  const applied = (await call('engine.apply', { runId: planned.value.plan.runId })) as { ok: true; value: { status: string } };
  expect(applied.value.status).toBe('complete');
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

/** Connect as sandbox-admin, fill bucket and folder, keep the names, pick the instance, open step 5. */
async function walkToIicsStep(page: Page, app: KeylessApp, instanceName: string): Promise<void> {
  await page.goto(`${app.origin}/index.html`);
  await page.getByRole('button', { name: /Guided setup/ }).click();
  await page.getByRole('radio', { name: /sandbox-admin/ }).check();
  await page.getByRole('button', { name: 'Check identity' }).click();
  await page.getByRole('button', { name: /^Continue as/ }).click();
  await page.getByLabel('Bucket', { exact: true }).fill(BUCKET);
  await page.getByLabel('Folder path').fill(FOLDER);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Role', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'EC2 instance' })).toBeVisible();
  await page.getByRole('radiogroup', { name: /Instances in/ }).getByRole('radio', { name: new RegExp(instanceName) }).check();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'IICS connection' })).toBeVisible();
}

test.describe('IICS connection step against the sandbox', () => {
  test('main refuses bad input before any call, a wrong password comes back without it, and no session means "log in again"', async ({ app }) => {
    const call = caller(app);
    const iics = sandbox.iicsLogin!;
    const status = (await call('iics.status', {})) as { ok: true; value: { session?: unknown; podNames: string[] } };
    expect(status.value.session).toBeUndefined();
    expect(status.value.podNames).toContain('USW1');

    const noSession = await call('iics.environments', {});
    expect(noSession).toMatchObject({ ok: false, error: { code: 'IICS_NOT_LOGGED_IN', nextStep: expect.stringMatching(/Log in/) as unknown } });

    const smuggled = await call('iics.applyConnection', { name: 'c', runtimeEnvironmentId: 'x', bucket: BUCKET, regionName: 'us-east-1', useEc2RoleToAssumeRole: false, accessKey: 'AKIA…' });
    expect(smuggled).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_REQUEST' } });

    const clearText = await call('iics.login', { loginUrl: 'http://iics.example.com', username: 'u', password: 'hunter2-secret', version: 'v2' });
    expect(clearText).toMatchObject({ ok: false, error: { code: 'INVALID_IICS_LOGIN_URL' } });
    expect(JSON.stringify(clearText)).not.toContain('hunter2-secret');

    const wrong = 'not-the-password-4711';
    const refused = await call('iics.login', { loginUrl: iics.loginUrl, username: iics.username, password: wrong, version: 'v2' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_IICS_CREDENTIALS' } });
    expect(JSON.stringify(refused)).not.toContain(wrong);

    const serverless = await call('iics.login', { loginUrl: iics.loginUrl, username: iics.username, password: iics.password, version: 'v3' });
    expect(serverless.ok).toBe(true);
    expect(JSON.stringify(serverless)).not.toContain(iics.password);
    const listed = (await call('iics.environments', {})) as { ok: true; value: { runtimeEnvironments: { id: string; kind: string; iamCapable: boolean }[] } };
    const serverlessId = listed.value.runtimeEnvironments.find((environment) => environment.kind === 'serverless')?.id;
    expect(listed.value.runtimeEnvironments.filter((environment) => !environment.iamCapable).map((environment) => environment.kind)).toEqual(['serverless']);
    const onServerless = await call('iics.applyConnection', { name: 'E2E on serverless', runtimeEnvironmentId: serverlessId, bucket: BUCKET, regionName: 'us-east-1', useEc2RoleToAssumeRole: false });
    expect(onServerless).toMatchObject({ ok: false, error: { code: 'INVALID_IICS_SERVERLESS_RUNTIME' } });
    // The core words its next step for the CLI; the screen's says what to do on the screen.
    expect(!onServerless.ok && onServerless.error.nextStep).not.toMatch(/keyless |--[a-z]/);

    const loggedOut = (await call('iics.logout', {})) as { ok: true; value: { loggedOut: { username: string; endedAtIics: boolean }[] } };
    expect(loggedOut.value.loggedOut).toEqual([{ username: iics.username, endedAtIics: true }]);
    expect(await call('iics.testConnection', { name: 'anything' })).toMatchObject({ ok: false, error: { code: 'IICS_NOT_LOGGED_IN' } });
  });

  test('setup A: log in (v2), serverless listed but not selectable, create the connection, test ok, apply again → unchanged; the password never comes back', async ({ page, app }) => {
    test.setTimeout(180_000);
    const iics = sandbox.iicsLogin!;
    const agent = await activeAgentInstance(app);
    await applySetupA(app, agent.instanceId);
    // The page logs in by itself: forget the session the set-up above made.
    expect((await caller(app)('iics.logout', {})).ok).toBe(true);

    await walkToIicsStep(page, app, agent.name);
    const answers = await recordAnswers(page);
    const login = page.getByRole('form', { name: 'Log in to IICS' });
    await expect(login).toBeVisible();
    await login.getByLabel('POD').selectOption('');
    await login.getByLabel('IICS login URL').fill(iics.loginUrl);
    await login.getByLabel('IICS user name').fill(iics.username);
    await login.getByLabel('IICS password').fill(iics.password);
    await expect(login.getByRole('radio', { name: /^v2/ })).toBeChecked();
    await login.getByLabel('IICS password').press('Enter');

    await expect(page.getByTestId('iics-session')).toContainText(`Logged in to IICS as ${iics.username}`, { timeout: 30_000 });
    await expect(page.getByTestId('iics-session')).toContainText('30 minutes');

    const environments = page.getByRole('radiogroup', { name: 'Runtime environment' });
    const serverless = environments.locator('label[data-environment="serverless-aws"]');
    await expect(serverless.getByRole('radio')).toBeDisabled();
    await expect(serverless).toContainText('IAM authentication needs a Secure Agent on an EC2 instance');
    await expect(environments.locator('label[data-environment="aws-ec2-agents-down"]')).toContainText('is not running');
    const ec2Agents = environments.locator('label[data-environment="aws-ec2-agents"]').getByRole('radio');
    // Keyboard: focus the first enabled radio and select with Space.
    await ec2Agents.focus();
    await page.keyboard.press('Space');
    await expect(ec2Agents).toBeChecked();

    const connection = page.getByRole('form', { name: 'Amazon S3 v2 connection' });
    await expect(connection.getByLabel('Connection name')).toHaveValue(`S3v2_${BUCKET}`);
    await expect(connection.getByLabel('Bucket', { exact: true })).toHaveValue(BUCKET);
    await expect(connection.getByLabel('Folder', { exact: true })).toHaveValue(FOLDER);
    await expect(connection).toContainText(`Folder Path in IICS: ${BUCKET}/${FOLDER}`);
    await expect(connection.getByLabel('Region Name')).toHaveValue(sandbox.region);
    await expect(connection.getByRole('checkbox', { name: 'Use EC2 Role to Assume Role' })).not.toBeChecked();
    await expect(connection.getByLabel('IAM Role ARN')).toBeDisabled();

    await connection.getByRole('button', { name: 'Create / update connection' }).click();
    const applied = page.getByTestId('connection-applied');
    await expect(applied).toHaveAttribute('data-action', 'created', { timeout: 30_000 });
    await expect(applied).toContainText('aws-ec2-agents');

    await connection.getByRole('button', { name: 'Test connection' }).click();
    const result = page.getByTestId('connection-test');
    await expect(result).toHaveAttribute('data-result', 'ok', { timeout: 60_000 });
    await expect(result).toContainText(`S3v2_${BUCKET}`);

    await page.setViewportSize({ width: 1280, height: 2000 });
    await page.screenshot({ path: join(root, 'docs/iics-connection.png'), fullPage: true });

    await connection.getByRole('button', { name: 'Create / update connection' }).click();
    await expect(applied).toHaveAttribute('data-action', 'unchanged', { timeout: 30_000 });

    // Review & apply points back here; with a reviewed plan the settings come from the plan.
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Review & apply' })).toBeVisible();
    await expect(page.getByTestId('plan-headline')).toContainText('no changes', { timeout: 30_000 });
    await page.getByTestId('connection-settings').getByRole('button', { name: 'Go to IICS connection' }).click();
    await expect(page.getByRole('heading', { name: 'IICS connection' })).toBeVisible();
    await expect(page.getByRole('form', { name: 'Amazon S3 v2 connection' })).toContainText('From the reviewed plan.');
    await expect(page.getByTestId('connection-applied')).toHaveAttribute('data-action', 'unchanged');

    expect(await page.content()).not.toContain(iics.password);
    const seen = await answers();
    expect(seen.some((answer) => answer.includes('"op":"iics.login"'))).toBe(true);
    expect(seen.some((answer) => answer.includes('"op":"iics.testConnection"') && answer.includes('"result":"ok"'))).toBe(true);
    for (const answer of seen) expect(answer).not.toContain(iics.password);
  });

  test('a session IICS has ended brings the login form back with "log in again"', async ({ page, app }) => {
    test.setTimeout(120_000);
    const iics = sandbox.iicsLogin!;
    const call = caller(app);
    expect((await call('iics.login', { loginUrl: iics.loginUrl, username: iics.username, password: iics.password, version: 'v2' })).ok).toBe(true);
    await walkToIicsStep(page, app, 'infa-secure-agent-01');
    await expect(page.getByTestId('iics-session')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('radiogroup', { name: 'Runtime environment' })).toBeVisible();

    // Let the session sit idle past the emulator's timeout, as IICS ends one after 30 minutes.
    await page.waitForTimeout(IDLE_TIMEOUT_MS + 1_000);
    await page.getByRole('button', { name: 'Test connection' }).click();
    const login = page.getByRole('form', { name: 'Log in to IICS' });
    await expect(login).toBeVisible({ timeout: 30_000 });
    await expect(login.getByRole('alert').first()).toContainText('has expired');
    await expect(login.getByRole('alert').first()).toContainText('Log in again');
    const after = (await call('iics.status', {})) as { ok: true; value: { session?: unknown } };
    expect(after.value.session).toBeUndefined();
  });
});

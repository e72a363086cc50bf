import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Sandbox } from '../../electron/core/sandbox/start-sandbox';
import { DEFAULT_NAMES } from '../../shared/export/default-names';
import type { ProgressEvent } from '../../shared/ipc/events';
import { startTestSandbox } from '../support/sandbox';
import { expect, test } from './support/keyless-app';

/**
 * The guided setup in Chromium against the sandbox, through the real router, engine and
 * journal: plan → review → preflight → confirm → apply with live events → verify. The sandbox
 * delays IAM→EC2 propagation so apply really waits and says so. Tests run in order on one
 * sandbox: the two that change nothing come before the one that applies.
 */

const root = join(__dirname, '../..');
let sandbox: Sandbox;
const awsDir = mkdtempSync(join(tmpdir(), 'keyless-e2e-guided-aws-'));
const awsEnv: Record<string, string> = {
  AWS_CONFIG_FILE: join(awsDir, 'config'),
  AWS_SHARED_CREDENTIALS_FILE: join(awsDir, 'credentials'),
};
const PROPAGATION_MS = 2_500;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  sandbox = await startTestSandbox({ propagationMs: PROPAGATION_MS });
  writeFileSync(join(awsDir, 'config'), sandbox.profilesSnippet.config);
  writeFileSync(join(awsDir, 'credentials'), sandbox.profilesSnippet.credentials);
});
test.afterAll(async () => {
  await sandbox?.stop();
});

test.use({ awsEnv });

function instanceIdOf(name: string): string {
  const instance = sandbox.seed.instances.find((candidate) => candidate.name === name);
  if (instance === undefined) throw new Error(`the seed has no instance ${name}`);
  return instance.instanceId;
}

/** Connect as `profile`, fill the bucket, keep the default names, pick the instance, open Review. */
async function walkToReview(page: Page, app: { origin: string }, profile: string, instanceName: string): Promise<void> {
  await page.goto(`${app.origin}/index.html`);
  await page.getByRole('button', { name: /Guided setup/ }).click();
  await page.getByRole('radio', { name: new RegExp(profile) }).check();
  await page.getByRole('button', { name: 'Check identity' }).click();
  await page.getByRole('button', { name: /^Continue as/ }).click();

  await expect(page.getByRole('heading', { name: 'Bucket & policy' })).toBeVisible();
  const next = page.getByRole('button', { name: 'Next', exact: true });
  await expect(next).toBeDisabled();
  await expect(page.getByTestId('step-blocked')).toContainText('Enter the bucket');
  await page.getByLabel('Bucket', { exact: true }).fill('keyless-sandbox-staging');
  await page.getByLabel('Folder path').fill('inbound');
  await expect(page.getByTestId('policy-json')).toContainText('arn:aws:s3:::keyless-sandbox-staging/inbound/*');
  await next.click();

  await expect(page.getByRole('heading', { name: 'Role', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Next', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'EC2 instance' })).toBeVisible();
  await expect(page.getByLabel('Region')).toHaveValue(sandbox.region);
  await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeDisabled();
  const instances = page.getByRole('radiogroup', { name: /Instances in/ });
  await expect(instances.locator('label', { hasText: 'infa-secure-agent-old' })).toContainText('Stopped: the role can be attached now');
  await expect(instances.locator('label', { hasText: 'infa-secure-agent-shared' })).toContainText('Already has instance profile reporting-app-profile');
  // One radio group: the keyboard moves the choice with the arrow keys.
  const radios = instances.getByRole('radio');
  await radios.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(radios.nth(1)).toBeChecked();
  await instances.getByRole('radio', { name: new RegExp(instanceName) }).check();
  await page.getByRole('button', { name: 'Next', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'IICS connection' })).toBeVisible();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Review & apply' })).toBeVisible();
  await expect(page.getByTestId('plan-headline')).toBeVisible({ timeout: 30_000 });
}

const FROM_WINDOW = (origin: string) => ({ url: `${origin}/index.html`, isMainFrame: true });

/** An engine.plan request with exactly the contract's fields. */
function planRequest(profile: string, instanceName: string): Record<string, unknown> {
  return {
    setup: 'instanceRole',
    profile,
    region: sandbox.region,
    bucket: 'keyless-sandbox-staging',
    folder: 'inbound',
    access: 'read',
    advancedMode: false,
    instanceId: instanceIdOf(instanceName),
    names: { role: DEFAULT_NAMES.role, policy: DEFAULT_NAMES.policy, instanceProfile: DEFAULT_NAMES.role, connectorRole: DEFAULT_NAMES.connectorRole, assumePolicy: DEFAULT_NAMES.assumePolicy },
    path: '/',
    tags: [],
  };
}

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

const applyButton = (page: Page) => page.getByRole('button', { name: /^Apply \d+ changes?$/ });

test.describe('Guided setup against the sandbox', () => {
  test("the restricted operator's preflight names iam:PassRole with the operator policy, and Apply is not offered", async ({ page, app }) => {
    await walkToReview(page, app, 'sandbox-restricted', 'infa-secure-agent-01');
    await expect(page.getByTestId('plan-headline')).toContainText(/\d+ changes/);
    const preflight = page.getByTestId('preflight');
    await expect(preflight.getByRole('alert')).toContainText('permissions are missing');
    await expect(preflight.getByRole('list', { name: 'Missing permissions' })).toContainText('iam:PassRole');
    const policy = JSON.parse((await page.getByTestId('operator-policy').textContent()) ?? '') as { Statement: { Action: string | string[] }[] };
    expect(policy.Statement.flatMap((statement) => statement.Action)).toContain('iam:PassRole');
    await expect(page.getByRole('button', { name: 'Copy policy' })).toBeVisible();
    await expect(applyButton(page)).toHaveCount(0);
    await expect(page.getByTestId('no-apply')).toContainText('lacks permissions');
  });

  test('the shared-role instance shows the three options with no default, and no Apply until one is chosen', async ({ page, app }) => {
    await walkToReview(page, app, 'sandbox-admin', 'infa-secure-agent-shared');
    const blocker = page.getByRole('alert', { name: 'Blocker' });
    await expect(blocker).toContainText('reporting-app');
    const options = blocker.getByRole('radio');
    await expect(options).toHaveCount(3);
    for (const option of await options.all()) await expect(option).not.toBeChecked();
    await expect(blocker.getByText('Recommended')).toHaveCount(1);
    await expect(applyButton(page)).toHaveCount(0);
    await expect(page.getByTestId('no-apply')).toContainText('blocker');
    const planWithChoice = blocker.getByRole('button', { name: 'Plan with this choice' });
    await expect(planWithChoice).toBeDisabled();

    const recommended = blocker.locator('label', { hasText: 'Recommended' }).getByRole('radio');
    await recommended.check();
    await planWithChoice.click();
    await expect(page.getByRole('alert', { name: 'Blocker' })).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByTestId('plan-headline')).toContainText('Setup B');
    await expect(page.getByTestId('connection-settings')).toContainText(':role/');
    await expect(applyButton(page)).toBeVisible();
  });

  test('main applies only a reviewed, unblocked plan whose preflight passed, and refuses requests with fields the contract does not name', async ({ app }) => {
    const call = (op: string, payload: unknown) => app.router.handle(op, FROM_WINDOW(app.origin), payload) as Promise<Answer>;
    const unknownRun = await call('engine.apply', { runId: '20261128T000000Z-00000000' });
    expect(!unknownRun.ok && unknownRun.error.code).toBe('INVALID_RUN_NOT_REVIEWED');

    const restricted = await call('engine.plan', planRequest('sandbox-restricted', 'infa-secure-agent-01'));
    expect(restricted.ok).toBe(true);
    const restrictedReview = (restricted as { value: { plan: { runId: string }; applicable: boolean } }).value;
    expect(restrictedReview.applicable).toBe(false);
    const refused = await call('engine.apply', { runId: restrictedReview.plan.runId });
    expect(!refused.ok && refused.error.code).toBe('PREFLIGHT_PERMISSIONS_MISSING');
    expect(!refused.ok && refused.error.message).toContain('iam:PassRole');

    const shared = (await call('engine.plan', planRequest('sandbox-admin', 'infa-secure-agent-shared'))) as { ok: true; value: { plan: { runId: string } } };
    const blocked = await call('engine.apply', { runId: shared.value.plan.runId });
    expect(!blocked.ok && blocked.error.code).toBe('INVALID_PLAN_BLOCKED');

    const smuggled = await call('engine.plan', { ...planRequest('sandbox-admin', 'infa-secure-agent-01'), secretAccessKey: 'x' });
    expect(!smuggled.ok && smuggled.error.code).toBe('IPC_INVALID_REQUEST');
    const runs = (await call('engine.runs', {})) as { ok: true; value: { runs: unknown[] } };
    expect(runs.value.runs).toEqual([]);
  });

  test('setup A on infa-secure-agent-01: plan creates, apply streams every step, verify is all ✓, and a second plan changes nothing', async ({ page, app }) => {
    test.setTimeout(180_000);
    await walkToReview(page, app, 'sandbox-admin', 'infa-secure-agent-01');
    await expect(page.getByTestId('plan-headline')).toContainText(`Setup A (instance role) on ${instanceIdOf('infa-secure-agent-01')}`);
    const resources = page.getByRole('list', { name: 'Plan resources' }).getByRole('listitem');
    await expect(resources.first()).toBeVisible();
    const actions = await resources.evaluateAll((items) => items.map((item) => item.getAttribute('data-action')));
    expect(actions.filter((action) => action === 'create').length).toBeGreaterThanOrEqual(4);
    await expect(page.getByTestId('preflight')).toContainText('✓ Every permission the plan needs is allowed');
    await expect(page.getByTestId('connection-settings')).toContainText('leave empty: the instance role is used');

    // Record the event channel as the page receives it, to check every step reported.
    await page.evaluate(() => {
      const w = window as unknown as { keyless: { onEvent: (listener: (event: unknown) => void) => void }; __events: unknown[] };
      w.__events = [];
      w.keyless.onEvent((event) => w.__events.push(event));
    });
    await applyButton(page).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('create role');
    await expect(dialog).toContainText('create instance profile');
    await dialog.getByRole('button', { name: 'Apply now' }).click();

    await expect(page.getByRole('list', { name: 'Apply progress' })).toBeVisible();
    const summary = page.getByTestId('apply-summary');
    await expect(summary).toContainText('Applied', { timeout: 120_000 });
    const steps = page.getByRole('list', { name: 'Apply progress' }).getByRole('listitem');
    const stepIds = await steps.evaluateAll((items) => items.map((item) => item.getAttribute('data-step') ?? ''));
    expect(stepIds.length).toBeGreaterThanOrEqual(4);
    for (const item of await steps.all()) await expect(item).toHaveAttribute('data-status', 'done');

    const events = (await page.evaluate(() => (window as unknown as { __events: unknown[] }).__events)) as ProgressEvent[];
    const runId = events[0]?.taskId;
    expect(runId).toBeTruthy();
    expect(events.every((event) => event.taskId === runId)).toBe(true);
    for (const stepId of stepIds) {
      const statuses = events.filter((event) => event.stepId === stepId).map((event) => event.status);
      expect(statuses[0], stepId).toBe('started');
      expect(statuses.at(-1), stepId).toBe('done');
    }
    // The sandbox holds the new instance profile back from EC2: the association waited, visibly.
    const waits = events.filter((event) => event.status === 'waiting');
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.every((event) => event.elapsedMs !== undefined)).toBe(true);

    const links = page.getByRole('list', { name: 'Verify checklist' }).getByRole('listitem');
    expect(await links.count()).toBeGreaterThan(2);
    for (const link of await links.all()) await expect(link).toHaveAttribute('data-status', 'ok');

    await page.setViewportSize({ width: 1280, height: 1500 });
    await page.screenshot({ path: join(root, 'docs/review-apply.png'), fullPage: true });

    const runs = await app.router.handle('engine.runs', { url: `${app.origin}/index.html`, isMainFrame: true }, {});
    expect(runs.ok && (runs.value as { runs: { runId: string; status: string }[] }).runs).toContainEqual(expect.objectContaining({ runId, status: 'complete' }));

    await summary.getByRole('button', { name: 'Plan again' }).click();
    await expect(page.getByTestId('plan-headline')).toContainText('no changes', { timeout: 30_000 });
    await expect(page.getByTestId('no-apply')).toContainText('Nothing to change');
    await expect(applyButton(page)).toHaveCount(0);
  });

  test('rollback over IPC removes what the run created, and the run is listed as rolled back', async ({ app }) => {
    const call = (op: string, payload: unknown) => app.router.handle(op, FROM_WINDOW(app.origin), payload) as Promise<Answer>;
    // The apply above ran in another test's app (its own app data folder): apply here first.
    const planned = (await call('engine.plan', planRequest('sandbox-admin', 'infa-secure-agent-old'))) as { ok: true; value: { plan: { runId: string; steps: unknown[] }; applicable: boolean } };
    expect(planned.value.applicable).toBe(true);
    const runId = planned.value.plan.runId;
    const applied = (await call('engine.apply', { runId })) as { ok: true; value: { status: string } };
    expect(applied.value.status).toBe('complete');
    const again = await call('engine.apply', { runId });
    expect(!again.ok && again.error.code).toBe('INVALID_RUN_NOT_REVIEWED');

    const rolledBack = (await call('engine.rollback', { runId })) as { ok: true; value: { status: string; undone: number } };
    expect(rolledBack.value).toMatchObject({ status: 'complete', undone: planned.value.plan.steps.length });
    const runs = (await call('engine.runs', {})) as { ok: true; value: { runs: { runId: string; status: string }[] } };
    expect(runs.value.runs).toContainEqual(expect.objectContaining({ runId, status: 'rolledBack' }));
    const replanned = (await call('engine.plan', planRequest('sandbox-admin', 'infa-secure-agent-old'))) as { ok: true; value: { plan: { steps: { operation: string }[] } } };
    expect(replanned.value.plan.steps.map((step) => step.operation)).toEqual(['AssociateIamInstanceProfile']);
  });

  test('on the shared-role instance, the recommended choice applies setup B around the existing role and verifies ✓', async ({ page, app }) => {
    test.setTimeout(120_000);
    await walkToReview(page, app, 'sandbox-admin', 'infa-secure-agent-shared');
    const blocker = page.getByRole('alert', { name: 'Blocker' });
    await blocker.locator('label', { hasText: 'Recommended' }).getByRole('radio').check();
    await blocker.getByRole('button', { name: 'Plan with this choice' }).click();
    await expect(page.getByTestId('plan-headline')).toContainText('Setup B', { timeout: 30_000 });
    // The existing role gains only the assume-role policy; the association is kept as it is.
    const resources = page.getByRole('list', { name: 'Plan resources' });
    await expect(resources.locator('[data-action="replace"]')).toHaveCount(0);
    await expect(resources).toContainText('reporting-app-role');

    await applyButton(page).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Apply now' }).click();
    await expect(page.getByTestId('apply-summary')).toContainText('Applied', { timeout: 90_000 });
    const links = page.getByRole('list', { name: 'Verify checklist' }).getByRole('listitem');
    expect(await links.count()).toBeGreaterThan(2);
    for (const link of await links.all()) await expect(link).toHaveAttribute('data-status', 'ok');
    const settings = page.getByTestId('connection-settings');
    await expect(settings).toContainText(`:role/${DEFAULT_NAMES.connectorRole}`);
    await expect(settings).toContainText(/Use EC2 Role to Assume Role\s*Yes/);
  });
});

// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useConnect } from '../../../renderer/connect/connect-store';
import { INITIAL_DRAFT, useDraft } from '../../../renderer/draft/draft-store';
import { useGuided } from '../../../renderer/guided/guided-store';
import { provisionRequest } from '../../../renderer/guided/provision-request';
import { ReviewStep } from '../../../renderer/guided/ReviewStep';
import { buildKeylessApi } from '../../../shared/ipc/api';
import type { Invoke } from '../../../shared/ipc/api';
import type { PlanReview } from '../../../shared/ipc/engine-contract';
import type { ProgressEvent } from '../../../shared/ipc/events';
import { Plan } from '../../../shared/plan/plan-model';
import { ProvisionInput } from '../../../shared/plan/provision-input';

const INSTANCE = 'i-0123456789abcdef0';
const PLACEMENT = { region: 'us-east-1', instanceId: INSTANCE, bucketProfile: '' };
const FORM = { ...INITIAL_DRAFT, bucket: 'acme-landing', folder: 'sales', tags: 'team=data' };

function planOf(overrides: Partial<Plan> = {}): Plan {
  const request = provisionRequest(FORM, PLACEMENT, { kind: 'profile', profile: 'agent' }, undefined);
  if (!request.ok) throw new Error(request.error.message);
  return Plan.parse({
    formatVersion: 1,
    runId: '20261128T010000Z-0a1b2c3d',
    createdAt: '2026-11-28T01:00:00.000Z',
    input: request.request,
    effectiveSetup: 'instanceRole',
    region: 'us-east-1',
    accounts: { agent: '111111111111' },
    partition: 'aws',
    resources: [{ key: 'role', kind: 'role', account: 'agent', name: 'keyless-informatica-agent', action: 'create', reason: 'It does not exist.', steps: ['create-role'] }],
    steps: [
      { id: 'create-role', resource: 'role', account: 'agent', service: 'iam', operation: 'CreateRole', params: { RoleName: 'keyless-informatica-agent' }, resourceArn: 'arn:aws:iam::111111111111:role/keyless-informatica-agent', dependsOn: [], summary: 'Create role keyless-informatica-agent' },
    ],
    warnings: [],
    blockers: [],
    connection: { useEc2RoleToAssumeRole: false },
    ...overrides,
  });
}

const PREFLIGHT_OK = { ok: true, checked: 3, callers: [{ account: 'agent' as const, arn: 'arn:aws:iam::111111111111:user/admin' }], missing: [], operatorPolicies: [] };
const applicable = (): PlanReview => ({ plan: planOf(), preflight: PREFLIGHT_OK, applicable: true });

function event(stepId: string, status: ProgressEvent['status'], taskId = planOf().runId): ProgressEvent {
  return { kind: 'progress', taskId, stepId, status, message: stepId, at: '2026-11-28T01:00:01.000Z' };
}

beforeEach(() => {
  useGuided.getState().reset();
  useDraft.setState({ form: FORM });
  useConnect.setState({ target: { kind: 'profile', profile: 'agent' }, identity: undefined });
});
afterEach(cleanup);

describe('guided review state', () => {
  it('moves idle → planning → reviewing → confirming → applying → applied, and only along that path', () => {
    const store = useGuided.getState;
    store().askConfirmation();
    store().applyStarted();
    expect(store().review.phase).toBe('idle');
    store().planStarted();
    expect(store().review.phase).toBe('planning');
    store().planFinished({ ok: true, value: applicable() });
    expect(store().review.phase).toBe('reviewing');
    store().applyStarted();
    expect(store().review.phase).toBe('reviewing');
    store().askConfirmation();
    expect(store().review.phase).toBe('confirming');
    store().cancelConfirmation();
    expect(store().review.phase).toBe('reviewing');
    store().askConfirmation();
    store().applyStarted();
    expect(store().review).toMatchObject({ phase: 'applying', events: [] });
    store().progress(event('create-role', 'started'));
    store().progress(event('create-role', 'started', 'another-run'));
    store().progress(event('create-role', 'done'));
    const result = { runId: planOf().runId, status: 'complete' as const, stepsDone: 1, steps: 1, failures: [], notStarted: [], durationMs: 10, connection: { useEc2RoleToAssumeRole: false } };
    store().applyFinished({ ok: true, value: result });
    const review = store().review;
    expect(review.phase).toBe('applied');
    if (review.phase !== 'applied') return;
    expect(review.events.map((e) => e.status)).toEqual(['started', 'done']);
    expect(review.result).toEqual(result);
  });

  it('does not confirm a plan that is not applicable, and keeps an apply in progress when the placement changes', () => {
    const store = useGuided.getState;
    store().planFinished({ ok: true, value: { plan: planOf(), preflight: { ...PREFLIGHT_OK, ok: false }, applicable: false } });
    store().askConfirmation();
    expect(store().review.phase).toBe('reviewing');
    store().chooseExistingProfile('assumeConnectorRole');
    store().place({ region: 'us-east-1' });
    expect(store().existingProfileChoice).toBe('assumeConnectorRole');
    store().place({ instanceId: 'i-0fedcba9876543210' });
    expect(store().review.phase).toBe('idle');
    expect(store().existingProfileChoice).toBeUndefined();

    store().planFinished({ ok: true, value: applicable() });
    store().askConfirmation();
    store().applyStarted();
    store().place({ region: 'eu-west-1' });
    store().invalidatePlan();
    expect(store().review.phase).toBe('applying');
    store().applyFinished({ ok: false, error: { code: 'X', message: 'Broke.', nextStep: 'Resume.' } });
    expect(store().review).toMatchObject({ phase: 'applyFailed', error: { message: 'Broke.' } });
  });
});

describe('the engine.plan request', () => {
  it('carries exactly the contract fields, accepted by the strict ProvisionInput schema', () => {
    const outcome = provisionRequest(FORM, PLACEMENT, { kind: 'profile', profile: 'agent' }, 'assumeConnectorRole');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(ProvisionInput.safeParse(outcome.request).success).toBe(true);
    expect(outcome.request).toMatchObject({ profile: 'agent', bucket: 'acme-landing', folder: 'sales', instanceId: INSTANCE, tags: [{ key: 'team', value: 'data' }], existingProfileChoice: 'assumeConnectorRole' });
    expect(outcome.request).not.toHaveProperty('bucketProfile');
    expect(outcome.request).not.toHaveProperty('externalId');
  });

  it('names what is missing: an SSO target, an instance, the bucket profile of setup C', () => {
    const sso = provisionRequest(FORM, PLACEMENT, { kind: 'ssoRole', startUrl: 'https://x.awsapps.com/start', region: 'us-east-1', accountId: '111111111111', roleName: 'Admin' }, undefined);
    expect(!sso.ok && sso.error.message).toMatch(/named AWS profile/);
    const noInstance = provisionRequest(FORM, { ...PLACEMENT, instanceId: '' }, { kind: 'profile', profile: 'agent' }, undefined);
    expect(!noInstance.ok && noInstance.error.message).toMatch(/Choose the EC2 instance/);
    const cross = provisionRequest({ ...FORM, setup: 'crossAccount', accountId: '222222222222', trustedAccountId: '111111111111' }, PLACEMENT, { kind: 'profile', profile: 'agent' }, undefined);
    expect(!cross.ok && cross.error.message).toMatch(/bucket's account/);
  });
});

describe('Review & apply screen', () => {
  it('shows the shared-profile options with none chosen and no Apply, then re-plans with the explicit choice', async () => {
    const requests: unknown[] = [];
    const blocked: PlanReview = {
      plan: planOf({
        steps: [],
        blockers: [
          {
            code: 'INVALID_EXISTING_PROFILE',
            message: 'The instance already has instance profile reporting-app-profile.',
            nextStep: 'Choose how to proceed.',
            options: [
              { choice: 'assumeConnectorRole', title: 'Set up B', consequence: 'Only sts:AssumeRole is added.', recommended: true },
              { choice: 'extendExistingRole', title: 'Extend the role', consequence: 'Every application inherits S3 access.', recommended: false },
              { choice: 'replaceAssociation', title: 'Replace the association', consequence: 'The other applications lose their permissions.', recommended: false },
            ],
          },
        ],
      }),
      applicable: false,
    };
    const invoke: Invoke = (op, request) => {
      if (op !== 'engine.plan') return Promise.resolve({ ok: false, error: { code: 'X', message: 'x', nextStep: 'x' } });
      requests.push(request);
      return Promise.resolve({ ok: true, value: requests.length === 1 ? blocked : applicable() });
    };
    Object.defineProperty(window, 'keyless', { value: buildKeylessApi(invoke, () => () => undefined), configurable: true });
    useGuided.setState({ placement: PLACEMENT });
    const user = userEvent.setup();
    render(<ReviewStep />);

    const blocker = await screen.findByRole('alert', { name: 'Blocker' });
    const radios = within(blocker).getAllByRole('radio');
    expect(radios).toHaveLength(3);
    expect(radios.some((radio) => (radio as HTMLInputElement).checked)).toBe(false);
    expect(screen.queryByRole('button', { name: /^Apply/ })).toBeNull();
    expect(within(blocker).getByRole('button', { name: 'Plan with this choice' })).toHaveProperty('disabled', true);

    await user.click(radios[0]!);
    await user.click(within(blocker).getByRole('button', { name: 'Plan with this choice' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Apply 1 change' })).toBeTruthy());
    expect(requests).toHaveLength(2);
    expect(requests[0]).not.toHaveProperty('existingProfileChoice');
    expect(requests[1]).toMatchObject({ existingProfileChoice: 'assumeConnectorRole' });

    await user.click(screen.getByRole('button', { name: 'Apply 1 change' }));
    expect(within(screen.getByRole('dialog')).getByText(/keyless-informatica-agent/)).toBeTruthy();
  });
});

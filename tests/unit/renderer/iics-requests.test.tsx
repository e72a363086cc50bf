// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildKeylessApi } from '../../../shared/ipc/api';
import { ApplyConnectionRequest, IicsLoginRequest } from '../../../shared/ipc/iics-contract';
import type { IicsEnvironments } from '../../../shared/ipc/iics-contract';
import type { PlanReview } from '../../../shared/ipc/engine-contract';
import { INITIAL_DRAFT } from '../../../renderer/draft/draft-store';
import { initialConnectionForm, withNewerLocation, withNewerPlan } from '../../../renderer/iics/connection-form';
import type { ConnectionForm } from '../../../renderer/iics/connection-form';
import { applyConnectionRequest, loginRequest } from '../../../renderer/iics/iics-requests';
import { IicsLoginForm } from '../../../renderer/iics/IicsLoginForm';
import { RuntimeEnvironmentPicker } from '../../../renderer/iics/RuntimeEnvironmentPicker';

afterEach(cleanup);

const FORM: ConnectionForm = {
  name: ' S3v2_sales ',
  runtimeEnvironmentId: '01000325000000000005',
  bucket: 'sales-bucket',
  folder: '',
  regionName: 'us-east-1',
  useEc2RoleToAssumeRole: false,
  iamRoleArn: 'arn:aws:iam::111111111111:role/left-over',
  externalId: 'left-over',
  prefilledFrom: 'form',
  prefilledLocation: { bucket: 'sales-bucket', folder: '' },
};

describe('iics.login request', () => {
  it('sends the POD or the URL, never both, and passes the strict schema', () => {
    const byPod = loginRequest({ pod: 'USW1', loginUrl: 'https://ignored.example.com', username: ' admin ', version: 'v3' }, 'pw');
    expect(byPod).toEqual({ ok: true, request: { pod: 'USW1', username: 'admin', password: 'pw', version: 'v3' } });
    const byUrl = loginRequest({ pod: '', loginUrl: ' https://dm-us.informaticacloud.com ', username: 'admin', version: 'v2' }, 'pw');
    expect(byUrl).toEqual({ ok: true, request: { loginUrl: 'https://dm-us.informaticacloud.com', username: 'admin', password: 'pw', version: 'v2' } });
    for (const outcome of [byPod, byUrl]) if (outcome.ok) expect(IicsLoginRequest.safeParse(outcome.request).success).toBe(true);
  });

  it('names what is missing without echoing the password', () => {
    expect(loginRequest({ pod: '', loginUrl: '', username: 'a', version: 'v2' }, 'secret-1')).toMatchObject({ ok: false, error: { code: 'INVALID_IICS_LOGIN_URL' } });
    expect(loginRequest({ pod: 'USW1', loginUrl: '', username: ' ', version: 'v2' }, 'secret-1')).toMatchObject({ ok: false, error: { message: 'No IICS user name was given.' } });
    const noPassword = loginRequest({ pod: 'USW1', loginUrl: '', username: 'a', version: 'v2' }, '');
    expect(noPassword).toMatchObject({ ok: false, error: { message: 'No IICS password was given.' } });
    expect(JSON.stringify(loginRequest({ pod: '', loginUrl: '', username: 'a', version: 'v2' }, 'secret-1'))).not.toContain('secret-1');
  });
});

describe('iics.applyConnection request', () => {
  it('setup A sends only the contract fields, trimmed, without the role or External Id left in the fields', () => {
    const outcome = applyConnectionRequest(FORM);
    expect(outcome).toEqual({ ok: true, request: { name: 'S3v2_sales', runtimeEnvironmentId: '01000325000000000005', bucket: 'sales-bucket', regionName: 'us-east-1', useEc2RoleToAssumeRole: false } });
    if (outcome.ok) expect(ApplyConnectionRequest.safeParse(outcome.request).success).toBe(true);
  });

  it('setup B sends the role, the External Id and the folder', () => {
    const outcome = applyConnectionRequest({ ...FORM, folder: 'in', useEc2RoleToAssumeRole: true, iamRoleArn: ' arn:aws:iam::111111111111:role/connector ', externalId: 'ext-1' });
    expect(outcome.ok && outcome.request).toEqual({
      name: 'S3v2_sales',
      runtimeEnvironmentId: '01000325000000000005',
      bucket: 'sales-bucket',
      folder: 'in',
      regionName: 'us-east-1',
      iamRoleArn: 'arn:aws:iam::111111111111:role/connector',
      useEc2RoleToAssumeRole: true,
      externalId: 'ext-1',
    });
    if (outcome.ok) expect(ApplyConnectionRequest.safeParse(outcome.request).success).toBe(true);
  });

  it('the strict schema refuses a field the contract does not name', () => {
    expect(ApplyConnectionRequest.safeParse({ name: 'c', runtimeEnvironmentId: 'x', bucket: 'b', regionName: 'r', useEc2RoleToAssumeRole: false, secretKey: 's' }).success).toBe(false);
  });

  it('names the first missing piece', () => {
    expect(applyConnectionRequest({ ...FORM, runtimeEnvironmentId: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_IICS_RUNTIME_ENVIRONMENT' } });
    expect(applyConnectionRequest({ ...FORM, name: ' ' })).toMatchObject({ ok: false, error: { code: 'INVALID_IICS_CONNECTION_NAME' } });
    expect(applyConnectionRequest({ ...FORM, regionName: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_IICS_REGION_NAME' } });
    expect(applyConnectionRequest({ ...FORM, useEc2RoleToAssumeRole: true, iamRoleArn: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_CONNECTION_SETTINGS' } });
  });
});

describe('connection form prefill', () => {
  const planned = (connection: PlanReview['plan']['connection'], runId = 'run-1'): { phase: 'reviewing'; review: PlanReview } =>
    ({ phase: 'reviewing', review: { plan: { runId, region: 'eu-west-1', connection } } }) as unknown as { phase: 'reviewing'; review: PlanReview };

  it('without a plan: bucket, folder and region from the guided steps, settings from the setup', () => {
    const form = initialConnectionForm({ ...INITIAL_DRAFT, setup: 'assumeConnectorRole', bucket: 'sales', folder: 'in', externalId: 'ext' }, { phase: 'idle' }, 'us-east-2');
    expect(form).toMatchObject({ name: 'S3v2_sales', bucket: 'sales', folder: 'in', regionName: 'us-east-2', useEc2RoleToAssumeRole: true, iamRoleArn: '', externalId: 'ext', prefilledFrom: 'form' });
  });

  it('follows a later change on the Bucket step, keeping a name the user typed', () => {
    const before = initialConnectionForm({ ...INITIAL_DRAFT, bucket: 'sales', folder: 'in' }, { phase: 'idle' }, 'us-east-2');
    expect(withNewerLocation(before, { ...INITIAL_DRAFT, bucket: 'sales', folder: 'in' })).toBe(before);
    expect(withNewerLocation(before, { ...INITIAL_DRAFT, bucket: 'staging', folder: '' })).toMatchObject({ name: 'S3v2_staging', bucket: 'staging', folder: '' });
    expect(withNewerLocation({ ...before, name: 'mine' }, { ...INITIAL_DRAFT, bucket: 'staging', folder: 'x' })).toMatchObject({ name: 'mine', bucket: 'staging', folder: 'x' });
  });

  it('a reviewed plan supplies the role ARN, External Id and region, and replaces form-derived settings', () => {
    const before = initialConnectionForm({ ...INITIAL_DRAFT, bucket: 'sales' }, { phase: 'idle' }, 'us-east-2');
    const review = planned({ iamRoleArn: 'arn:aws:iam::111111111111:role/connector', useEc2RoleToAssumeRole: true, externalId: 'ext-2' });
    const after = withNewerPlan({ ...before, name: 'typed by the user' }, INITIAL_DRAFT, review);
    expect(after).toMatchObject({ name: 'typed by the user', regionName: 'eu-west-1', useEc2RoleToAssumeRole: true, iamRoleArn: 'arn:aws:iam::111111111111:role/connector', externalId: 'ext-2', prefilledFrom: 'run-1' });
    const edited = { ...after, externalId: 'edited' };
    expect(withNewerPlan(edited, INITIAL_DRAFT, review)).toBe(edited);
  });
});

describe('runtime environment picker', () => {
  const environments: IicsEnvironments = {
    runtimeEnvironments: [
      { id: 'g1', name: 'aws-ec2-agents', description: '', kind: 'secureAgentGroup', status: 'active', iamCapable: true, agents: [{ id: 'a1', name: 'agent-1', active: true, readyToRun: true, platform: 'linux64', agentHost: 'ip-10-0-0-1.ec2.internal', ec2Candidates: { privateDnsNames: [], privateIpAddresses: [], instanceIds: [] } }] },
      { id: 'g2', name: 'down', description: '', kind: 'secureAgentGroup', status: 'inactive', iamCapable: true, agents: [{ id: 'a2', name: 'agent-2', active: false, readyToRun: false, platform: 'linux64', agentHost: 'h', ec2Candidates: { privateDnsNames: [], privateIpAddresses: [], instanceIds: [] } }] },
      { id: 's1', name: 'serverless-aws', description: '', kind: 'serverless', status: 'serverless', iamCapable: false, unusableReason: 'Serverless: no EC2 role to use.', agents: [] },
    ],
  };

  it('lists serverless disabled with its reason as the description, and flags inactive agents', () => {
    render(<RuntimeEnvironmentPicker environments={environments} selected="g1" onSelect={() => undefined} onRefresh={() => undefined} />);
    const group = screen.getByRole('radiogroup', { name: 'Runtime environment' });
    const serverless = within(group).getByRole<HTMLInputElement>('radio', { name: /serverless-aws/ });
    expect(serverless.disabled).toBe(true);
    expect(serverless.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(serverless.getAttribute('aria-describedby') ?? '')?.textContent).toContain('no EC2 role to use');
    expect(within(group).getByRole<HTMLInputElement>('radio', { name: /aws-ec2-agents/ }).checked).toBe(true);
    expect(group.textContent).toContain('Agent agent-2 is not running');
  });
});

describe('login form', () => {
  it('sends exactly the contract fields, clears the password field on submit, and shows IICS\'s refusal', async () => {
    const sent: { op: string; request: unknown }[] = [];
    const api = buildKeylessApi((op, request) => {
      sent.push({ op, request });
      return Promise.resolve({ ok: false, error: { code: 'INVALID_IICS_CREDENTIALS', message: 'IICS refused the login of admin.', nextStep: 'Check the user name and the password.' } });
    }, () => () => undefined);
    Object.defineProperty(window, 'keyless', { value: api, configurable: true });
    const user = userEvent.setup();
    render(<IicsLoginForm podNames={['USW1', 'EMW1']} reason={undefined} />);
    await user.selectOptions(screen.getByLabelText('POD'), 'EMW1');
    await user.type(screen.getByLabelText('IICS user name'), 'admin');
    await user.type(screen.getByLabelText('IICS password'), 'typed-secret');
    await user.click(screen.getByRole('button', { name: 'Log in to IICS' }));
    expect(sent).toEqual([{ op: 'iics.login', request: { pod: 'EMW1', username: 'admin', password: 'typed-secret', version: 'v2' } }]);
    expect(IicsLoginRequest.safeParse(sent[0]?.request).success).toBe(true);
    expect(await screen.findByText('IICS refused the login of admin.')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('IICS password').value).toBe('');
    expect(document.body.innerHTML).not.toContain('typed-secret');
  });
});

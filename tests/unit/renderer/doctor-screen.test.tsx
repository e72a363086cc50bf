// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DoctorScreen } from '../../../renderer/doctor/DoctorScreen';
import { useConnect } from '../../../renderer/connect/connect-store';
import { buildKeylessApi } from '../../../shared/ipc/api';
import type { Result } from '../../../shared/errors';

/**
 * The screen's own states around one engine.doctor call (the Chromium suite runs the real call):
 * progress while main works, the error as an ErrorNote, and the password gone from the page once sent.
 */
const listing = {
  profiles: [{ name: 'ops', kind: 'static', origin: 'credentials', status: 'ready', statusDetail: 'ok', isDefault: false }],
  configFile: '/home/u/.aws/config',
  credentialsFile: '/home/u/.aws/credentials',
  selectedProfile: 'default',
};

let sent: Array<{ op: string; request: unknown }>;
let answerDoctor: (result: Result<unknown>) => void;

beforeEach(() => {
  sent = [];
  useConnect.setState({ target: undefined, identity: undefined });
  const api = buildKeylessApi(
    (op, request) => {
      sent.push({ op, request });
      if (op === 'aws.listProfiles') return Promise.resolve({ ok: true, value: listing });
      return new Promise((resolve) => {
        answerDoctor = resolve;
      });
    },
    () => () => undefined,
  );
  Object.defineProperty(window, 'keyless', { value: api, configurable: true });
});
afterEach(cleanup);

describe('doctor screen', () => {
  it('needs a profile picked here when Connect chose none, shows progress while running, then the error with its next step', async () => {
    const user = userEvent.setup();
    render(<DoctorScreen />);
    const run = screen.getByRole('button', { name: 'Run the check' });
    await user.type(screen.getByLabelText('EC2 instance id'), 'i-0123456789abcdef0');
    expect((run as HTMLButtonElement).disabled).toBe(true);
    await waitFor(() => expect(screen.getByRole('option', { name: 'ops' })).toBeTruthy());
    await user.selectOptions(screen.getByLabelText('AWS profile'), 'ops');
    await user.click(run);

    expect(screen.getByRole('status').textContent).toMatch(/Walking the chain/);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Checking…' }).disabled).toBe(true);
    expect(sent.find((call) => call.op === 'engine.doctor')?.request).toEqual({ profile: 'ops', instanceId: 'i-0123456789abcdef0', access: 'read', advancedMode: false, setup: 'a' });

    answerDoctor({ ok: false, error: { code: 'PROFILE_NOT_FOUND', message: 'Profile ops has no credentials.', nextStep: 'Run aws configure --profile ops.' } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Profile ops has no credentials.');
    expect(alert.textContent).toContain('Run aws configure --profile ops.');
    expect(screen.queryByRole('status')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Report' }));
  });

  it('starts from the Connect step\'s profile, and sends the IICS password once, then clears it from the page', async () => {
    useConnect.setState({ target: { kind: 'profile', profile: 'ops' } });
    const user = userEvent.setup();
    render(<DoctorScreen />);
    await user.click(screen.getByLabelText('Start from an IICS connection'));
    await user.type(screen.getByLabelText('IICS login URL'), 'https://dm-us.informaticacloud.com');
    await user.type(screen.getByLabelText('IICS user name'), 'admin');
    await user.type(screen.getByLabelText('IICS password'), 'pa55-word!');
    await user.type(screen.getByLabelText('Connection name'), 'Staging S3');
    await user.click(screen.getByRole('button', { name: 'Run the check' }));

    const doctorCalls = sent.filter((call) => call.op === 'engine.doctor');
    expect(doctorCalls).toHaveLength(1);
    expect(doctorCalls[0]?.request).toMatchObject({ profile: 'ops', iics: { password: 'pa55-word!', connectionName: 'Staging S3' } });
    expect(screen.getByLabelText<HTMLInputElement>('IICS password').value).toBe('');
    answerDoctor({ ok: true, value: { subject: 'Doctor: connection "Staging S3"', links: [{ id: 'authentication', title: 'Connection uses IAM role authentication', status: 'ok', reason: 'No keys.' }] } });
    expect(await screen.findByText('Every link is ok.')).toBeTruthy();
    expect(document.body.innerHTML).not.toContain('pa55-word!');
  });
});

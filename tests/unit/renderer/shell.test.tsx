// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../renderer/app/App';
import { useWizard } from '../../../renderer/state/wizard-store';
import { buildKeylessApi } from '../../../shared/ipc/api';
import type { Invoke } from '../../../shared/ipc/api';

function installApi(invoke: Invoke) {
  Object.defineProperty(window, 'keyless', { value: buildKeylessApi(invoke, () => () => undefined), configurable: true });
}

beforeEach(() => {
  useWizard.setState({ state: { screen: 'home' } });
  installApi((op) =>
    Promise.resolve(
      op === 'app.info'
        ? { ok: true, value: { name: 'Keyless', version: '9.9.9', platform: 'linux', arch: 'x64', keychain: { available: false, reason: 'no bus' } } }
        : { ok: false, error: { code: 'X', message: 'x', nextStep: 'x' } },
    ),
  );
});
afterEach(cleanup);

describe('app shell', () => {
  it('shows the six guided steps in order in the left rail', () => {
    render(<App />);
    const rail = screen.getByRole('navigation', { name: 'Guided setup steps' });
    expect(within(rail).getAllByRole('button').map((b) => b.textContent?.replace(/^\d/, ''))).toEqual([
      'Connect',
      'Bucket & policy',
      'Role',
      'EC2 instance',
      'IICS connection',
      'Review & apply',
    ]);
  });

  it('offers the three entry paths on the home screen', () => {
    render(<App />);
    for (const name of [/Draft offline/, /Guided setup/, /Check an existing setup/]) expect(screen.getByRole('button', { name })).toBeTruthy();
  });

  it('opens the IICS connection step from the rail, with the login form when main has no session', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: /IICS connection/ }));
    expect(screen.getByRole('heading', { name: 'IICS connection', level: 1 })).toBeTruthy();
    expect(await screen.findByRole('form', { name: 'Log in to IICS' })).toBeTruthy();
  });

  it('marks the current step in the rail, and the keyboard reaches and activates steps', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: /Guided setup/ }));
    expect(screen.getByRole('button', { name: /Connect/ }).getAttribute('aria-current')).toBe('step');
    const role = screen.getByRole('button', { name: /Role/ });
    while (document.activeElement !== role) await user.tab();
    await user.keyboard('{Enter}');
    expect(role.getAttribute('aria-current')).toBe('step');
    expect(screen.getByRole('button', { name: /Connect/ }).getAttribute('aria-current')).toBeNull();
  });

  it('shows the version and warns when there is no OS keychain (from app.info)', async () => {
    render(<App />);
    expect((await screen.findByTestId('app-version')).textContent).toBe('Keyless 9.9.9');
    expect(screen.getByTestId('keychain-status').textContent).toMatch(/memory for this run only/);
  });

  it('tells the user when the page runs outside Keyless', async () => {
    Object.defineProperty(window, 'keyless', { value: undefined, configurable: true });
    render(<App />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/not running inside Keyless/);
  });
});

describe('wizard store', () => {
  it('moves through guided steps and stops at the ends', () => {
    const store = useWizard.getState();
    store.openGuided('review');
    useWizard.getState().nextStep();
    expect(useWizard.getState().state).toEqual({ screen: 'guided', step: 'review' });
    useWizard.getState().previousStep();
    expect(useWizard.getState().state).toEqual({ screen: 'guided', step: 'iics' });
    useWizard.getState().openDraft();
    useWizard.getState().nextStep();
    expect(useWizard.getState().state).toEqual({ screen: 'draft' });
  });
});

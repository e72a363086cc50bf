import type { ReactNode } from 'react';
import { GUIDED_STEPS, useWizard } from '../state/wizard-store';
import { StatusBar } from './StatusBar';

/** The frame: title bar, the left rail of the guided flow's steps, the screen, the status bar. */
export function AppFrame({ children }: { readonly children: ReactNode }) {
  const state = useWizard((store) => store.state);
  const goHome = useWizard((store) => store.goHome);
  const openGuided = useWizard((store) => store.openGuided);
  const current = state.screen === 'guided' ? state.step : undefined;

  return (
    <div className="frame">
      <header className="frame-header">
        <button type="button" className="brand" onClick={goHome} aria-label="Keyless home">
          <span className="brand-mark" aria-hidden="true">
            ⚿
          </span>
          Keyless
        </button>
        <span className="frame-tagline">Amazon S3 v2 connections with IAM roles, no access keys</span>
      </header>
      <nav className="rail" aria-label="Guided setup steps">
        <ol>
          {GUIDED_STEPS.map((step, index) => (
            <li key={step.id}>
              <button
                type="button"
                className="rail-step"
                aria-current={current === step.id ? 'step' : undefined}
                onClick={() => openGuided(step.id)}
              >
                <span className="rail-number" aria-hidden="true">
                  {index + 1}
                </span>
                {step.label}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <main className="screen" id="screen">
        {children}
      </main>
      <StatusBar />
    </div>
  );
}

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
          <svg className="brand-mark" width="22" height="22" viewBox="0 0 1024 1024" aria-hidden="true">
            <rect x="64" y="64" width="896" height="896" rx="200" fill="currentColor" />
            <circle cx="512" cy="420" r="150" fill="#f8fafc" />
            <path d="M452 500 L572 500 L620 800 L404 800 Z" fill="#f8fafc" />
          </svg>
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

import { AppFrame } from './AppFrame';
import { DoctorScreen } from '../doctor/DoctorScreen';
import { DraftScreen } from '../draft/DraftScreen';
import { GuidedScreen } from '../guided/GuidedScreen';
import { HomeScreen } from '../screens/HomeScreen';
import { useWizard } from '../state/wizard-store';
import type { WizardState } from '../state/wizard-store';

function Screen({ state }: { readonly state: WizardState }) {
  switch (state.screen) {
    case 'home':
      return <HomeScreen />;
    case 'draft':
      return <DraftScreen />;
    case 'doctor':
      return <DoctorScreen />;
    case 'guided':
      return <GuidedScreen step={state.step} />;
  }
}

export function App() {
  const state = useWizard((store) => store.state);
  return (
    <AppFrame>
      <Screen state={state} />
    </AppFrame>
  );
}

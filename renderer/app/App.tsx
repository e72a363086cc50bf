import { AppFrame } from './AppFrame';
import { ConnectScreen } from '../connect/ConnectScreen';
import { DoctorScreen } from '../doctor/DoctorScreen';
import { DraftScreen } from '../draft/DraftScreen';
import { HomeScreen } from '../screens/HomeScreen';
import { NotBuiltYet } from '../screens/NotBuiltYet';
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
      return state.step === 'connect' ? <ConnectScreen /> : <NotBuiltYet title={guidedTitle(state.step)} arrives={guidedArrives(state.step)} />;
  }
}

function guidedTitle(step: Extract<WizardState, { screen: 'guided' }>['step']): string {
  const titles = { connect: 'Connect', bucket: 'Bucket & policy', role: 'Role', instance: 'EC2 instance', iics: 'IICS connection', review: 'Review & apply' };
  return titles[step];
}

function guidedArrives(step: Extract<WizardState, { screen: 'guided' }>['step']): string {
  switch (step) {
    case 'connect':
    case 'bucket':
      return 'the policy studio (issue 3) and the provisioning engine (issue 6)';
    case 'role':
    case 'instance':
    case 'review':
      return 'the provisioning engine (issue 6)';
    case 'iics':
      return 'the IICS connection work, which has no issue yet';
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

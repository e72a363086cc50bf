import { ConnectScreen } from '../connect/ConnectScreen';
import { NotBuiltYet } from '../screens/NotBuiltYet';
import type { GuidedStepId } from '../state/wizard-store';
import { BucketStep } from './BucketStep';
import { InstanceStep } from './InstanceStep';
import { ReviewStep } from './ReviewStep';
import { RoleStep } from './RoleStep';
import { StepNav } from './StepNav';

/** The guided setup (DESIGN §1 job 2), one screen per step of the rail. */
export function GuidedScreen({ step }: { readonly step: GuidedStepId }) {
  switch (step) {
    case 'connect':
      return <ConnectScreen />;
    case 'bucket':
      return <BucketStep />;
    case 'role':
      return <RoleStep />;
    case 'instance':
      return <InstanceStep />;
    case 'iics':
      return (
        <>
          <NotBuiltYet title="IICS connection" arrives="the IICS connection work, which has no issue yet; Review & apply shows the settings to enter in IICS by hand" />
          <StepNav blocked={undefined} />
        </>
      );
    case 'review':
      return <ReviewStep />;
  }
}

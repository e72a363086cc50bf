import { ConnectScreen } from '../connect/ConnectScreen';
import { IicsStep } from '../iics/IicsStep';
import type { GuidedStepId } from '../state/wizard-store';
import { BucketStep } from './BucketStep';
import { InstanceStep } from './InstanceStep';
import { ReviewStep } from './ReviewStep';
import { RoleStep } from './RoleStep';

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
      return <IicsStep />;
    case 'review':
      return <ReviewStep />;
  }
}

import { NamesFieldset } from '../draft/DraftFormPanel';
import { useDraft } from '../draft/draft-store';
import { formProblem } from './provision-request';
import { StepNav } from './StepNav';

/** Guided step 3: what Keyless calls the role, policy and instance profile it creates. */
export function RoleStep() {
  const form = useDraft((s) => s.form);
  return (
    <div className="guided-step">
      <header>
        <h1>Role</h1>
        <p className="lede">Names for what Keyless creates, and your organisation’s IAM path, permissions boundary and tags. Existing resources with these names are reused and shown in the review.</p>
      </header>
      <form className="draft-form guided-form" aria-label="Role names" onSubmit={(e) => e.preventDefault()}>
        <NamesFieldset withInstanceId={false} />
      </form>
      <StepNav blocked={formProblem(form)} />
    </div>
  );
}

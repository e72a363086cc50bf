import { useState } from 'react';
import type { PlanIssue } from '../../../shared/plan/plan-model';
import type { ExistingProfileChoice as Choice } from '../../../shared/plan/provision-input';

/**
 * The shared-profile blocker (the seed's warning): the three ways forward with their
 * consequences, none preselected, the recommended one marked. Planning again with the choice
 * is an explicit second action, so a stray click on an option changes nothing.
 */
export function ExistingProfileChoice({ blocker, onChoose }: { readonly blocker: PlanIssue; readonly onChoose: (choice: Choice) => void }) {
  const [picked, setPicked] = useState<Choice | undefined>();
  const options = blocker.options ?? [];
  return (
    <fieldset className="profile-choice">
      <legend>How should Keyless proceed?</legend>
      {options.map((option) => (
        <label key={option.choice} className="choice profile-option">
          <input type="radio" name="existing-profile-choice" value={option.choice} checked={picked === option.choice} onChange={() => setPicked(option.choice)} />
          <span>
            <strong>{option.title}</strong>
            {option.recommended ? <span className="recommended"> Recommended</span> : null}
            <span className="hint">{option.consequence}</span>
          </span>
        </label>
      ))}
      <button type="button" className="primary" disabled={picked === undefined} onClick={() => picked !== undefined && onChoose(picked)}>
        Plan with this choice
      </button>
    </fieldset>
  );
}

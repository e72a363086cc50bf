import type { IicsEnvironments, RuntimeEnvironmentInfo } from '../../shared/ipc/iics-contract';

function notesOf(environment: RuntimeEnvironmentInfo): string[] {
  const notes: string[] = [];
  if (environment.unusableReason !== undefined) notes.push(environment.unusableReason);
  for (const agent of environment.agents) {
    if (!agent.active) notes.push(`Agent ${agent.name} is not running: the connection test fails until it is started.`);
    else if (!agent.readyToRun) notes.push(`Agent ${agent.name} is running but not ready to run tasks yet.`);
  }
  return notes;
}

function hostOf(environment: RuntimeEnvironmentInfo): string {
  const hosts = environment.agents.map((agent) => `${agent.name} on ${agent.agentHost === '' ? 'an unknown host' : agent.agentHost}`);
  return hosts.length === 0 ? '' : hosts.join(' · ');
}

/**
 * The runtime environments as one radio group (arrow keys move the choice). A serverless
 * environment is listed so the user sees why it is missing from the choice, but its radio is
 * disabled with the reason as its description; inactive agents are flagged.
 */
export function RuntimeEnvironmentPicker({
  environments,
  selected,
  onSelect,
  onRefresh,
}: {
  readonly environments: IicsEnvironments;
  readonly selected: string;
  readonly onSelect: (id: string) => void;
  readonly onRefresh: () => void;
}) {
  const { runtimeEnvironments } = environments;
  return (
    <section className="card" aria-labelledby="iics-environments-title">
      <div className="card-head">
        <h2 id="iics-environments-title">Runtime environment</h2>
        <button type="button" onClick={onRefresh}>
          Refresh
        </button>
      </div>
      {runtimeEnvironments.length === 0 ? (
        <p>IICS has no runtime environments. Install a Secure Agent on the EC2 instance first.</p>
      ) : (
        <div role="radiogroup" aria-labelledby="iics-environments-title" className="instance-list">
          {runtimeEnvironments.map((environment) => {
            const notes = notesOf(environment);
            const notesId = `iics-env-${environment.id}-notes`;
            return (
              <label key={environment.id} className={`instance-option${environment.id === selected ? ' selected' : ''}${environment.iamCapable ? '' : ' unusable'}`} data-environment={environment.name}>
                <input
                  type="radio"
                  name="iics-runtime-environment"
                  value={environment.id}
                  checked={environment.id === selected}
                  disabled={!environment.iamCapable}
                  aria-describedby={notes.length === 0 ? undefined : notesId}
                  onChange={() => onSelect(environment.id)}
                />
                <span className="instance-facts">
                  <strong>{environment.name}</strong> <code>{environment.id}</code>{' '}
                  <span className={`instance-state env-${environment.status}`}>{environment.kind === 'serverless' ? 'serverless' : environment.status === 'noAgents' ? 'no agents' : environment.status}</span>
                  {hostOf(environment) === '' ? null : <span className="hint">{hostOf(environment)}</span>}
                  <span id={notesId} className="env-notes">
                    {notes.map((note) => (
                      <span key={note} className="instance-note">
                        {note}
                      </span>
                    ))}
                  </span>
                </span>
              </label>
            );
          })}
        </div>
      )}
    </section>
  );
}

import type { InstanceListing, InstanceSummary } from '../../shared/ipc/engine-contract';

function profileName(arn: string): string {
  return arn.split('/').at(-1) ?? arn;
}

function notesOf(instance: InstanceSummary): string[] {
  const notes: string[] = [];
  if (instance.state === 'stopped') notes.push('Stopped: the role can be attached now; the agent gets it when the instance starts.');
  else if (instance.state !== 'running') notes.push(`The instance is ${instance.state}.`);
  if (instance.instanceProfileArn !== undefined) notes.push(`Already has instance profile ${profileName(instance.instanceProfileArn)}: the review asks how to proceed, and nothing changes it silently.`);
  return notes;
}

/**
 * The instances as one radio group: arrow keys move between them, and each option says its
 * state, address (to match the agent's host in IICS) and current instance profile.
 */
export function InstanceList({
  listing,
  selected,
  onSelect,
  onRefresh,
}: {
  readonly listing: InstanceListing;
  readonly selected: string;
  readonly onSelect: (instanceId: string) => void;
  readonly onRefresh: () => void;
}) {
  return (
    <section className="card" aria-labelledby="instances-title">
      <div className="card-head">
        <h2 id="instances-title">Instances in {listing.region}</h2>
        <button type="button" onClick={onRefresh}>
          Refresh
        </button>
      </div>
      {listing.instances.length === 0 ? (
        <p>This profile sees no instances in {listing.region}. Check the region, or the profile’s account.</p>
      ) : (
        <div role="radiogroup" aria-labelledby="instances-title" className="instance-list">
          {listing.instances.map((instance) => {
            const notes = notesOf(instance);
            return (
              <label key={instance.instanceId} className={`instance-option${instance.instanceId === selected ? ' selected' : ''}`}>
                <input type="radio" name="instance" value={instance.instanceId} checked={instance.instanceId === selected} onChange={() => onSelect(instance.instanceId)} />
                <span className="instance-facts">
                  <strong>{instance.name ?? instance.instanceId}</strong> <code>{instance.instanceId}</code>{' '}
                  <span className={`instance-state state-${instance.state}`}>{instance.state}</span>
                  {instance.secureAgentHint === undefined ? null : <span className="agent-hint"> · Secure Agent ({instance.secureAgentHint})</span>}
                  <span className="hint">
                    {[instance.privateDnsName, instance.privateIpAddress].filter((part) => part !== undefined).join(' · ') || 'no private address'}
                    {' · '}
                    {instance.instanceProfileArn === undefined ? 'no instance profile' : `profile ${profileName(instance.instanceProfileArn)}`}
                  </span>
                  {notes.map((note) => (
                    <span key={note} className="instance-note">
                      {note}
                    </span>
                  ))}
                </span>
              </label>
            );
          })}
        </div>
      )}
    </section>
  );
}

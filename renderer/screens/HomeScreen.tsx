import { useWizard } from '../state/wizard-store';

/** The three ways in, each a job an Informatica administrator comes with (DESIGN §1). */
export function HomeScreen() {
  const openDraft = useWizard((store) => store.openDraft);
  const openGuided = useWizard((store) => store.openGuided);
  const openDoctor = useWizard((store) => store.openDoctor);

  return (
    <section className="home" aria-labelledby="home-title">
      <h1 id="home-title">What would you like to do?</h1>
      <p className="lede">
        Make the Informatica Cloud Amazon S3 v2 connection authenticate with an IAM role instead of access keys, for a Secure
        Agent that runs on EC2.
      </p>
      <div className="entry-paths">
        <button type="button" className="entry-path" onClick={openDraft}>
          <span className="entry-title">Draft offline</span>
          <span className="entry-text">
            Write the least-privilege S3 policy and the trust policy, linted and explained, and export them as JSON, Terraform,
            CloudFormation or an AWS CLI script for your cloud team. No network, no credentials.
          </span>
        </button>
        <button type="button" className="entry-path" onClick={() => openGuided('connect')}>
          <span className="entry-title">Guided setup</span>
          <span className="entry-text">
            With your AWS profile and IICS login: plan, review and apply the role, instance profile and connection in one click,
            then test the connection.
          </span>
        </button>
        <button type="button" className="entry-path" onClick={openDoctor}>
          <span className="entry-title">Check an existing setup</span>
          <span className="entry-text">
            Connection test failing? Walk the chain from the connection to the agent, its EC2 instance, role and policy, and
            find the broken link.
          </span>
        </button>
      </div>
    </section>
  );
}

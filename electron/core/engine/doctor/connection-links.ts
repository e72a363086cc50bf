import { brokenLink, okLink, unknownLink } from '../../../../shared/plan/chain-report';
import type { ChainReportLink } from '../../../../shared/plan/chain-report';

/**
 * The IICS end of the chain (DESIGN §1 job 3): connection → runtime environment → agent. The
 * doctor takes these facts as plain data, read from IICS by the caller, so it walks the same
 * chain whether they came from the REST API or were typed in.
 */

export interface DoctorAgent {
  readonly name: string;
  readonly active: boolean;
  /** Host name of the agent's machine: an EC2 private DNS name (or `ip-10-0-1-23`-style name). */
  readonly agentHost: string;
}

export interface DoctorRuntimeEnvironment {
  readonly name: string;
  readonly serverless: boolean;
  readonly agents: readonly DoctorAgent[];
}

/** How the S3 v2 connection authenticates, as far as the IAM chain is concerned (iics-api.md §5). */
export type ConnectionAuth =
  | { readonly kind: 'instanceRole' }
  | { readonly kind: 'assumeRole'; readonly roleArn: string; readonly externalId?: string }
  | { readonly kind: 'accessKeys' }
  /** Fields that contradict each other, e.g. "Use EC2 Role to Assume Role" without an IAM Role ARN. */
  | { readonly kind: 'inconsistent'; readonly reason: string; readonly fix: string };

export interface DoctorConnection {
  readonly name: string;
  readonly runtimeEnvironment: DoctorRuntimeEnvironment;
  readonly auth: ConnectionAuth;
  /** The connection's "Folder Path": `bucket` or `bucket/folder/...`. */
  readonly folderPath?: string;
}

/** Links for the connection and its runtime environment; `stop` when the rest of the chain cannot apply. */
export function connectionLinks(connection: DoctorConnection): { links: ChainReportLink[]; stop: boolean; agent?: DoctorAgent } {
  const links: ChainReportLink[] = [];
  const environment = connection.runtimeEnvironment;
  const authTitle = `Connection "${connection.name}" uses IAM role authentication`;
  if (connection.auth.kind === 'accessKeys') {
    links.push(unknownLink('authentication', authTitle, `Connection "${connection.name}" carries an access key, so the agent does not use an IAM role and the role chain below does not apply.`, {
      summary: 'To go keyless, clear the Access Key and Secret Key of the connection (and select "Use EC2 Role to Assume Role" for setups B and C).',
    }));
    return { links, stop: true };
  }
  if (connection.auth.kind === 'inconsistent') {
    links.push(brokenLink('authentication', authTitle, connection.auth.reason, { summary: connection.auth.fix }));
    return { links, stop: true };
  }
  links.push(okLink('authentication', authTitle, connection.auth.kind === 'assumeRole' ? `"Use EC2 Role to Assume Role" with IAM Role ARN ${connection.auth.roleArn}${connection.auth.externalId === undefined ? '' : ' and an External Id'}.` : 'No keys: the agent uses its EC2 instance role.'));

  const environmentTitle = `Runtime environment "${environment.name}" runs on a Secure Agent`;
  if (environment.serverless) {
    links.push(brokenLink('runtime-environment', environmentTitle, `"${environment.name}" is a serverless runtime environment: it has no EC2 instance of yours, so IAM authentication and "Use EC2 Role to Assume Role" cannot work there.`, {
      summary: 'Run the connection on a Secure Agent group whose agent is installed on an EC2 instance (edit the connection\'s runtime environment).',
    }));
    return { links, stop: true };
  }
  links.push(okLink('runtime-environment', environmentTitle, `"${environment.name}" is a Secure Agent group with ${String(environment.agents.length)} agent${environment.agents.length === 1 ? '' : 's'}.`));

  const agentTitle = `A Secure Agent of "${environment.name}" is active`;
  const agent = environment.agents.find((candidate) => candidate.active);
  if (agent === undefined) {
    const first = environment.agents[0];
    links.push(brokenLink('agent', agentTitle, environment.agents.length === 0 ? `"${environment.name}" has no Secure Agent.` : `No agent of "${environment.name}" is active (${environment.agents.map((a) => `${a.name} on ${a.agentHost}`).join(', ')}).`, {
      summary: environment.agents.length === 0 ? 'Install a Secure Agent on the EC2 instance and add it to the group.' : 'Start the Secure Agent service on its machine (and start the instance if it is stopped).',
    }));
    return first === undefined ? { links, stop: true } : { links, stop: false, agent: first };
  }
  links.push(okLink('agent', agentTitle, `Agent "${agent.name}" runs on ${agent.agentHost}.`));
  return { links, stop: false, agent };
}

/** "bucket/folder/sub" → bucket and folder; the seed's rule: no slash at the end. */
export function splitFolderPath(folderPath: string): { bucket: string; folder?: string } | { error: string } {
  const trimmed = folderPath.trim();
  if (trimmed === '') return { error: 'The connection\'s "Folder Path" is empty: it must name the bucket, and optionally a folder in it.' };
  if (trimmed.endsWith('/')) return { error: `The connection's "Folder Path" "${trimmed}" ends with a slash, which the connector does not accept: remove the trailing "/".` };
  const slash = trimmed.indexOf('/');
  if (slash < 0) return { bucket: trimmed };
  return { bucket: trimmed.slice(0, slash), folder: trimmed.slice(slash + 1) };
}

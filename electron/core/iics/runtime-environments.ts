import { KeylessFailure } from '../../../shared/errors';
import type { AgentHostCandidates } from './agent-host';
import { agentHostCandidates } from './agent-host';
import type { IicsClient } from './iics-client';
import { expectArray, expectObject, isSuccess, unexpectedAnswer } from './iics-http';

/**
 * Runtime environments and their Secure Agents (iics-api.md §3). IICS has no status field on an
 * environment: it is usable when one of its agents is active (§3.1). Serverless is recognised by
 * the heuristic in iics-assumptions.ts.
 */

export interface SecureAgent {
  readonly id: string;
  readonly name: string;
  readonly active: boolean;
  readonly readyToRun: boolean;
  readonly platform: string;
  readonly agentHost: string;
  readonly agentVersion: string;
  /** Where to look for the agent's EC2 instance. */
  readonly ec2Candidates: AgentHostCandidates;
}

export type RuntimeEnvironmentKind = 'secureAgentGroup' | 'serverless';
export type RuntimeEnvironmentStatus = 'active' | 'inactive' | 'noAgents' | 'serverless';

export interface RuntimeEnvironment {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly kind: RuntimeEnvironmentKind;
  readonly status: RuntimeEnvironmentStatus;
  readonly isShared: boolean;
  readonly agents: readonly SecureAgent[];
}

export interface AgentService {
  readonly name: string;
  readonly status: string;
  readonly desiredStatus: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const record = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

function looksServerless(raw: Record<string, unknown>, agentCount: number): boolean {
  if (agentCount > 0) return false;
  const config = record(raw.serverlessConfig);
  const cloudConfig = record(config.cloudProviderConfig).cloudConfig;
  return text(config.platform) !== '' || text(config.status) !== '' || config.maxComputeUnits !== undefined || (Array.isArray(cloudConfig) && cloudConfig.length > 0);
}

function agentFrom(raw: Record<string, unknown>): SecureAgent {
  const agentHost = text(raw.agentHost);
  return {
    id: text(raw.id),
    name: text(raw.name),
    active: raw.active === true,
    readyToRun: raw.readyToRun === true,
    platform: text(raw.platform),
    agentHost,
    agentVersion: text(raw.agentVersion),
    ec2Candidates: agentHostCandidates(agentHost),
  };
}

export function runtimeEnvironmentFrom(raw: Record<string, unknown>): RuntimeEnvironment {
  const agents = (Array.isArray(raw.agents) ? (raw.agents as unknown[]) : []).map((agent) => agentFrom(record(agent)));
  const kind: RuntimeEnvironmentKind = looksServerless(raw, agents.length) ? 'serverless' : 'secureAgentGroup';
  const status: RuntimeEnvironmentStatus =
    kind === 'serverless' ? 'serverless' : agents.length === 0 ? 'noAgents' : agents.some((agent) => agent.active) ? 'active' : 'inactive';
  return { id: text(raw.id), name: text(raw.name), description: text(raw.description), kind, status, isShared: raw.isShared === true, agents };
}

export async function listRuntimeEnvironments(client: IicsClient): Promise<RuntimeEnvironment[]> {
  const what = 'listing runtime environments';
  const answer = await client.get('/api/v2/runtimeEnvironment', { what });
  if (!isSuccess(answer)) throw unexpectedAnswer(what, answer);
  return expectArray(what, answer.body).map(runtimeEnvironmentFrom);
}

/** The environment with this id, or else this exact name. */
export function findRuntimeEnvironment(environments: readonly RuntimeEnvironment[], nameOrId: string): RuntimeEnvironment {
  const wanted = nameOrId.trim();
  const found = environments.find((e) => e.id === wanted) ?? environments.find((e) => e.name === wanted);
  if (found !== undefined) return found;
  const known = environments.map((e) => `"${e.name}" (${e.id})`).join(', ');
  throw new KeylessFailure({
    code: 'INVALID_IICS_RUNTIME_ENVIRONMENT',
    message: `IICS has no runtime environment named or with id "${nameOrId}"${known === '' ? '' : `; there are ${known}`}.`,
    nextStep: 'Pass the runtime environment name exactly as Administrator shows it (names are case-sensitive), or its id; keyless iics environments lists them.',
  });
}

/** DESIGN §2: IAM and EC2-role authentication need a Secure Agent on EC2, which serverless has not. */
export function requireIamCapable(environment: RuntimeEnvironment): void {
  if (environment.kind !== 'serverless') return;
  throw new KeylessFailure({
    code: 'INVALID_IICS_SERVERLESS_RUNTIME',
    message: `Runtime environment "${environment.name}" is serverless: the Amazon S3 v2 connection cannot use IAM authentication there, because there is no Secure Agent on an EC2 instance whose role it could use.`,
    nextStep: 'Choose a Secure Agent group whose agent runs on EC2 (keyless iics environments lists them), or use a serverless setup outside Keyless.',
  });
}

/** The agent's services and their state (`/api/v2/agent/details/<id>`, §3.3). */
export async function agentServices(client: IicsClient, agentId: string): Promise<AgentService[]> {
  const what = `reading the details of Secure Agent ${agentId}`;
  const answer = await client.get(`/api/v2/agent/details/${encodeURIComponent(agentId)}`, { what });
  if (!isSuccess(answer)) throw unexpectedAnswer(what, answer);
  const engines = expectObject(what, answer.body).agentEngines;
  return (Array.isArray(engines) ? (engines as unknown[]) : []).map((engine) => {
    const status = record(record(engine).agentEngineStatus);
    return { name: text(status.appDisplayName) || text(status.appname), status: text(status.status), desiredStatus: text(status.desiredStatus) };
  });
}

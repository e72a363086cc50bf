import type { IicsWorld, IicsWorldInput } from './world';
import { parseIicsWorld } from './world';

/**
 * The org a new user meets in the sandbox: one EC2-hosted Secure Agent group whose agent is
 * running, one whose only agent is down, and a serverless environment. The orchestrator passes
 * the private DNS names of the EC2 instances it seeded, so the connection test can find them.
 */

export const DEFAULT_IICS_USERNAME = 'admin@keyless.sandbox';
export const DEFAULT_IICS_PASSWORD = 'sandbox-password';

export const DEFAULT_IICS_IDS = {
  org: '010003',
  activeGroup: '01000325000000000005',
  activeAgent: '01000308000000000002',
  inactiveGroup: '01000325000000000006',
  inactiveAgent: '01000308000000000003',
  serverless: '01000325000000000007',
} as const;

export interface DefaultWorldHosts {
  /** agentHost of the running agent: the private DNS name (or IP) of its EC2 instance. */
  readonly activeAgentHost?: string;
  readonly inactiveAgentHost?: string;
}

export function defaultIicsWorldInput(hosts: DefaultWorldHosts = {}): IicsWorldInput {
  return {
    org: { id: DEFAULT_IICS_IDS.org, uuid: '0cuQSDTq5sikvN7x8r1xm1', name: 'Keyless Sandbox Org' },
    users: [
      {
        id: '00000B03000000000001',
        username: DEFAULT_IICS_USERNAME,
        password: DEFAULT_IICS_PASSWORD,
        firstName: 'Sandbox',
        lastName: 'Admin',
        timezone: 'UTC',
      },
    ],
    runtimeEnvironments: [
      {
        kind: 'secureAgentGroup',
        id: DEFAULT_IICS_IDS.activeGroup,
        name: 'aws-ec2-agents',
        description: 'Secure Agent on an EC2 instance',
        agents: [
          {
            id: DEFAULT_IICS_IDS.activeAgent,
            name: 'ec2-agent-1',
            active: true,
            readyToRun: true,
            agentHost: hosts.activeAgentHost ?? 'ip-10-0-1-23.ec2.internal',
          },
        ],
      },
      {
        kind: 'secureAgentGroup',
        id: DEFAULT_IICS_IDS.inactiveGroup,
        name: 'aws-ec2-agents-down',
        description: 'Secure Agent group whose agent is not running',
        agents: [
          {
            id: DEFAULT_IICS_IDS.inactiveAgent,
            name: 'ec2-agent-2',
            active: false,
            readyToRun: false,
            agentHost: hosts.inactiveAgentHost ?? 'ip-10-0-1-42.ec2.internal',
          },
        ],
      },
      {
        kind: 'serverless',
        id: DEFAULT_IICS_IDS.serverless,
        name: 'serverless-aws',
        description: 'Serverless runtime environment',
        region: 'us-east-1',
      },
    ],
  };
}

export function defaultIicsWorld(hosts: DefaultWorldHosts = {}): IicsWorld {
  return parseIicsWorld(defaultIicsWorldInput(hosts));
}

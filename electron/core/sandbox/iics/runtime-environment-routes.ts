import type { EmulatorContext } from './emulator-context';
import { notFound } from './iics-errors';
import type { Route } from './router';
import type { IicsAgent, IicsRuntimeEnvironment, IicsSecureAgentGroup, IicsWorld } from './world';
import { findAgent } from './world';

/**
 * runtimeEnvironment and agent resources (iics-api.md §3), rendered from the world in the
 * documented field shapes. There is no status field on an environment: it is active when one of
 * its agents is (§3.1).
 */

const WORLD_TIME = '2024-01-01T00:00:00.000Z';

function agentView(world: IicsWorld, agent: IicsAgent, group: IicsSecureAgentGroup, withDetails: boolean): object {
  const base = {
    '@type': 'agent',
    id: agent.id,
    orgId: world.org.id,
    name: agent.name,
    description: '',
    createTime: WORLD_TIME,
    updateTime: WORLD_TIME,
    createdBy: world.users[0]?.username ?? '',
    updatedBy: world.users[0]?.username ?? '',
    active: agent.active,
    readyToRun: agent.readyToRun,
    platform: agent.platform,
    agentHost: agent.agentHost,
    proxyHost: '',
    proxyPort: 0,
    proxyUser: '',
    agentVersion: agent.agentVersion,
    upgradeStatus: 'NotRequired',
    lastStatusChange: WORLD_TIME,
    agentGroupId: group.id,
  };
  if (!withDetails) return base;
  const status = agent.active ? 'RUNNING' : 'STOPPED';
  return {
    ...base,
    packages: [],
    agentConfigs: [],
    agentEngines: [
      {
        agentEngineStatus: {
          appname: 'Data_Integration_Server',
          appDisplayName: 'Data Integration Server',
          appversion: agent.agentVersion,
          status,
          desiredStatus: 'RUNNING',
          subState: agent.readyToRun ? 'READY' : 'NOT_READY',
          createTime: WORLD_TIME,
          updateTime: WORLD_TIME,
        },
        agentEngineConfigs: [],
        packages: [],
      },
    ],
  };
}

function runtimeEnvironmentView(world: IicsWorld, environment: IicsRuntimeEnvironment): object {
  const common = {
    '@type': 'runtimeEnvironment',
    id: environment.id,
    orgId: world.org.id,
    name: environment.name,
    description: environment.description,
    createTime: WORLD_TIME,
    updateTime: WORLD_TIME,
    createdBy: world.users[0]?.username ?? '',
    updatedBy: world.users[0]?.username ?? '',
    federatedId: `${environment.id.slice(-10)}fed`,
  };
  if (environment.kind === 'secureAgentGroup') {
    return {
      ...common,
      isShared: environment.isShared,
      agents: environment.agents.map((agent) => agentView(world, agent, environment, false)),
      serverlessConfig: { cloudProviderConfig: { cloudConfig: [] } },
    };
  }
  return {
    ...common,
    isShared: false,
    agents: [],
    serverlessConfig: {
      platform: environment.platform,
      applicationType: 'DATA_INTEGRATION',
      status: 'Up and Running',
      statusMessage: '',
      maxComputeUnits: environment.maxComputeUnits,
      executionTimeout: 3600,
      cloudProviderConfig: { cloudConfig: [{ name: 'region', value: environment.region }] },
    },
  };
}

function allAgents(world: IicsWorld): Array<{ agent: IicsAgent; group: IicsSecureAgentGroup }> {
  return world.runtimeEnvironments.flatMap((group) =>
    group.kind === 'secureAgentGroup' ? group.agents.map((agent) => ({ agent, group })) : [],
  );
}

export function runtimeEnvironmentRoutes(context: EmulatorContext): Route[] {
  const { world } = context;
  const environmentBy = (pick: (e: IicsRuntimeEnvironment) => boolean, label: string): object => {
    const environment = world.runtimeEnvironments.find(pick);
    if (environment === undefined) throw notFound(`Runtime environment ${label}`);
    return runtimeEnvironmentView(world, environment);
  };
  const agentBy = (id: string, withDetails: boolean): object => {
    const found = findAgent(world, id);
    if (found === undefined) throw notFound(`Secure Agent ${id}`);
    return agentView(world, found.agent, found.group, withDetails);
  };
  return [
    {
      method: 'GET',
      pattern: /^\/saas\/api\/v2\/runtimeEnvironment\/?$/,
      authenticated: true,
      handle: () => ({ status: 200, body: world.runtimeEnvironments.map((e) => runtimeEnvironmentView(world, e)) }),
    },
    {
      method: 'GET',
      pattern: /^\/saas\/api\/v2\/runtimeEnvironment\/name\/(.+)$/,
      authenticated: true,
      handle: ({ params: [name = ''] }) => ({ status: 200, body: environmentBy((e) => e.name === name, `named ${name}`) }),
    },
    {
      method: 'GET',
      pattern: /^\/saas\/api\/v2\/runtimeEnvironment\/([^/]+)$/,
      authenticated: true,
      handle: ({ params: [id = ''] }) => ({ status: 200, body: environmentBy((e) => e.id === id, id) }),
    },
    {
      method: 'GET',
      pattern: /^\/saas\/api\/v2\/agent\/?$/,
      authenticated: true,
      // Every agent belongs to a group in the world, so "unassigned only" is always empty.
      handle: ({ query }) => ({
        status: 200,
        body:
          query.get('includeUnassignedOnly') === 'true'
            ? []
            : allAgents(world).map(({ agent, group }) => agentView(world, agent, group, false)),
      }),
    },
    {
      method: 'GET',
      pattern: /^\/saas\/api\/v2\/agent\/details\/?$/,
      authenticated: true,
      handle: () => ({ status: 200, body: allAgents(world).map(({ agent, group }) => agentView(world, agent, group, true)) }),
    },
    {
      method: 'GET',
      pattern: /^\/saas\/api\/v2\/agent\/details\/([^/]+)$/,
      authenticated: true,
      handle: ({ params: [id = ''] }) => ({ status: 200, body: agentBy(id, true) }),
    },
    {
      method: 'GET',
      pattern: /^\/saas\/api\/v2\/agent\/name\/(.+)$/,
      authenticated: true,
      handle: ({ params: [name = ''] }) => {
        const found = allAgents(world).find(({ agent }) => agent.name === name);
        if (found === undefined) throw notFound(`Secure Agent named ${name}`);
        return { status: 200, body: agentView(world, found.agent, found.group, false) };
      },
    },
    {
      method: 'GET',
      pattern: /^\/saas\/api\/v2\/agent\/([^/]+)$/,
      authenticated: true,
      handle: ({ params: [id = ''] }) => ({ status: 200, body: agentBy(id, false) }),
    },
  ];
}

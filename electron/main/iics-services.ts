import { KeylessFailure } from '../../shared/errors';
import type { AppliedConnectionInfo, ConnectionTestInfo, IicsSessionInfo, RuntimeEnvironmentInfo } from '../../shared/ipc/iics-contract';
import { applyS3v2Connection } from '../core/iics/apply-s3v2-connection';
import type { AppliedConnection } from '../core/iics/apply-s3v2-connection';
import { IicsClient } from '../core/iics/iics-client';
import type { IicsSession } from '../core/iics/iics-session';
import { storedSessions } from '../core/iics/iics-session';
import { loginIics, logoutIics, resolveLoginUrl } from '../core/iics/login';
import { POD_NAMES } from '../core/iics/login-hosts';
import { listRuntimeEnvironments } from '../core/iics/runtime-environments';
import type { RuntimeEnvironment } from '../core/iics/runtime-environments';
import { testConnectionByName } from '../core/iics/test-s3v2-connection';
import type { ConnectionTestResult } from '../core/iics/test-s3v2-connection';
import type { Vault } from '../core/vault/vault';
import type { ServiceTable } from './ipc-router';

/**
 * The guided setup's IICS step over the same core as `keyless iics` (electron/cli/commands/iics.ts):
 * log in with a password used once, then work with the session the vault keeps. The client gets
 * no password, so a session IICS has ended is not renewed silently: the screen is told to show
 * its login form again. Answers are built field by field from the core's types, so nothing those
 * types gain later (or hold now beyond the contract) reaches the renderer.
 */
export interface IicsServiceDeps {
  /** The process's one vault, opened on first use: the session id lives there and nowhere else. */
  readonly vault: () => Promise<Vault>;
  readonly fetch?: typeof fetch;
}

type IicsOperations = 'iics.login' | 'iics.status' | 'iics.environments' | 'iics.applyConnection' | 'iics.testConnection' | 'iics.logout';

const EXPIRES_HINT = 'IICS ends the session after 30 minutes without use; Keyless then asks you to log in again.';
const SESSION_GONE = new Set(['IICS_SESSION_EXPIRED', 'IICS_NOT_LOGGED_IN']);

/** What to do on this screen, for the core's errors whose next step is worded for the CLI. */
const SCREEN_NEXT_STEPS: Readonly<Record<string, string>> = {
  IICS_SESSION_EXPIRED: 'Log in again with the form on this step: your IICS user name and password.',
  IICS_NOT_LOGGED_IN: 'Log in again with the form on this step: your IICS user name and password.',
  INVALID_CONNECTION_SETTINGS: 'Setup A: clear "Use EC2 Role to Assume Role" and leave IAM Role ARN and External Id empty. Setups B and C: tick it and enter the connector role\'s ARN, and the External Id if its trust policy requires one.',
  INVALID_IICS_CONNECTION_NAME: 'Enter a connection name of 1 to 255 characters that does not begin with "DI Data Preview_".',
  INVALID_IICS_RUNTIME_ENVIRONMENT: 'Refresh the runtime environments and pick one from the list.',
  INVALID_IICS_SERVERLESS_RUNTIME: 'Pick a Secure Agent group whose agent runs on an EC2 instance.',
  INVALID_IICS_REGION_NAME: "Enter the bucket's region as an AWS code, e.g. us-east-1.",
  INVALID_IICS_LOGIN_URL: "Pick your POD, or enter your POD's login URL, e.g. https://dm-us.informaticacloud.com.",
  INVALID_IICS_LOGIN: 'Enter your IICS user name and password.',
};

/** A CLI-worded next step (flags, `keyless …` commands) becomes this screen's; the message and request id stay. */
function asScreenError(error: unknown): unknown {
  if (!(error instanceof KeylessFailure)) return error;
  const { code, message, nextStep, requestId } = error.detail;
  const screenStep = SCREEN_NEXT_STEPS[code];
  const cliWorded = SESSION_GONE.has(code) || /--[a-z]|keyless /.test(nextStep);
  if (screenStep === undefined || !cliWorded) return error;
  return new KeylessFailure({ code, message, nextStep: screenStep, ...(requestId === undefined ? {} : { requestId }) });
}

function sessionInfo(session: IicsSession): IicsSessionInfo {
  return {
    username: session.username,
    loginUrl: session.loginUrl,
    podUrl: session.baseUrl,
    version: session.version,
    ...(session.orgId === undefined ? {} : { orgId: session.orgId }),
    ...(session.orgName === undefined ? {} : { orgName: session.orgName }),
    loggedInAt: session.loggedInAt,
    expiresHint: EXPIRES_HINT,
  };
}

function unusableReason(environment: RuntimeEnvironment): string | undefined {
  if (environment.kind === 'serverless') return 'Serverless: IAM authentication needs a Secure Agent on an EC2 instance whose role the connection uses, and a serverless environment has none.';
  if (environment.status === 'noAgents') return 'The group has no Secure Agent, so nothing can run the connection.';
  return undefined;
}

function environmentInfo(environment: RuntimeEnvironment): RuntimeEnvironmentInfo {
  const reason = unusableReason(environment);
  return {
    id: environment.id,
    name: environment.name,
    description: environment.description,
    kind: environment.kind,
    status: environment.status,
    iamCapable: environment.kind !== 'serverless',
    ...(reason === undefined ? {} : { unusableReason: reason }),
    agents: environment.agents.map((agent) => ({
      id: agent.id,
      name: agent.name,
      active: agent.active,
      readyToRun: agent.readyToRun,
      platform: agent.platform,
      agentHost: agent.agentHost,
      ec2Candidates: {
        privateDnsNames: [...agent.ec2Candidates.privateDnsNames],
        privateIpAddresses: [...agent.ec2Candidates.privateIpAddresses],
        instanceIds: [...agent.ec2Candidates.instanceIds],
      },
    })),
  };
}

function appliedInfo(applied: AppliedConnection): AppliedConnectionInfo {
  return {
    action: applied.action,
    id: applied.id,
    name: applied.name,
    runtimeEnvironment: { id: applied.runtimeEnvironment.id, name: applied.runtimeEnvironment.name, status: applied.runtimeEnvironment.status },
    changes: applied.changes.map((change) => ({ label: change.label, from: change.from, to: change.to })),
    properties: applied.properties.map((property) => ({ label: property.label, value: property.value })),
    assumedKeys: [...applied.assumedKeys],
    warnings: [...applied.warnings],
  };
}

function testInfo(test: ConnectionTestResult): ConnectionTestInfo {
  if (test.result === 'ok') return { result: 'ok', connectionId: test.connectionId, connectionName: test.connectionName, message: test.message };
  return {
    result: 'failed',
    connectionId: test.connectionId,
    connectionName: test.connectionName,
    message: test.message,
    status: test.status,
    ...(test.code === undefined ? {} : { code: test.code }),
    ...(test.requestId === undefined ? {} : { requestId: test.requestId }),
  };
}

export function createIicsServices(deps: IicsServiceDeps): Pick<ServiceTable, IicsOperations> {
  const coreDeps = async () => ({ vault: await deps.vault(), ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }) });

  /** Runs `work` with a client on the latest stored session; a gone session is an error the screen answers with its login form. */
  const withClient = async <T>(work: (client: IicsClient) => Promise<T>): Promise<T> => {
    const iicsDeps = await coreDeps();
    const [latest] = await storedSessions(iicsDeps.vault);
    try {
      if (latest === undefined) {
        throw new KeylessFailure({ code: 'IICS_NOT_LOGGED_IN', message: 'Keyless has no IICS session.', nextStep: 'Log in with the form on this step.' });
      }
      return await work(new IicsClient(latest, iicsDeps));
    } catch (error) {
      throw asScreenError(error);
    }
  };

  return {
    'iics.login': async (request) => {
      try {
        // resolveLoginUrl refuses a plain-http host unless it is on this machine (the sandbox).
        const loginUrl = resolveLoginUrl({ ...(request.loginUrl === undefined ? {} : { loginUrl: request.loginUrl }), ...(request.pod === undefined ? {} : { podRegion: request.pod }) });
        const iicsDeps = await coreDeps();
        // One session at a time on this screen: a new login replaces any earlier one (ended at IICS too).
        for (const earlier of await storedSessions(iicsDeps.vault)) await logoutIics(earlier, iicsDeps);
        const session = await loginIics({ loginUrl, username: request.username, password: request.password, version: request.version }, iicsDeps);
        return sessionInfo(session);
      } catch (error) {
        throw asScreenError(error);
      }
    },
    'iics.status': async () => {
      const vault = await deps.vault();
      const [latest] = await storedSessions(vault);
      return { ...(latest === undefined ? {} : { session: sessionInfo(latest) }), podNames: [...POD_NAMES], vault: vault.status().mode };
    },
    'iics.environments': () => withClient(async (client) => ({ runtimeEnvironments: (await listRuntimeEnvironments(client)).map(environmentInfo) })),
    'iics.applyConnection': (request) =>
      withClient(async (client) =>
        appliedInfo(
          await applyS3v2Connection(client, {
            name: request.name,
            runtimeEnvironment: request.runtimeEnvironmentId,
            bucket: request.bucket,
            ...(request.folder === undefined ? {} : { folder: request.folder }),
            regionName: request.regionName,
            settings: {
              useEc2RoleToAssumeRole: request.useEc2RoleToAssumeRole,
              ...(request.iamRoleArn === undefined ? {} : { iamRoleArn: request.iamRoleArn }),
              ...(request.externalId === undefined ? {} : { externalId: request.externalId }),
            },
          }),
        ),
      ),
    'iics.testConnection': (request) => withClient(async (client) => testInfo(await testConnectionByName(client, request.name))),
    'iics.logout': async () => {
      const iicsDeps = await coreDeps();
      const loggedOut = [];
      for (const session of await storedSessions(iicsDeps.vault)) {
        const { endedAtIics } = await logoutIics(session, iicsDeps);
        loggedOut.push({ username: session.username, endedAtIics });
      }
      return { loggedOut };
    },
  };
}

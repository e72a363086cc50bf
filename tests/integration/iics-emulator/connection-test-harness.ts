import { DEFAULT_IICS_IDS, DEFAULT_IICS_PASSWORD, DEFAULT_IICS_USERNAME, defaultIicsWorldInput } from '../../../electron/core/sandbox/iics/default-world';
import type { DefaultWorldHosts } from '../../../electron/core/sandbox/iics/default-world';
import { startIicsEmulator } from '../../../electron/core/sandbox/iics/start-iics-emulator';
import type { IicsEmulator } from '../../../electron/core/sandbox/iics/start-iics-emulator';
import { AGENT_CREDENTIALS, REGION } from './aws-setup';
import type { JsonAnswer } from './iics-http';
import { call, loginV2, v2 } from './iics-http';

/** An emulator over moto, logged in, that creates S3 v2 connections by UI label and tests them. */
export interface ConnectionTestHarness {
  readonly emulator: IicsEmulator;
  /** Creates the connection (params keyed by UI label) and runs `connection/test/<id>`. */
  createAndTest(name: string, params: Record<string, string>, runtimeEnvironmentId?: string): Promise<JsonAnswer>;
  test(connectionId: string): Promise<JsonAnswer>;
  connectionId(name: string): Promise<string | undefined>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly motoEndpoint: string;
  readonly hosts: DefaultWorldHosts;
  readonly accountCredentials?: Readonly<Record<string, { accessKeyId: string; secretAccessKey: string }>>;
}

export async function startHarness(options: HarnessOptions): Promise<ConnectionTestHarness> {
  const emulator = await startIicsEmulator({
    world: defaultIicsWorldInput(options.hosts),
    aws: {
      endpoint: options.motoEndpoint,
      region: REGION,
      credentials: AGENT_CREDENTIALS,
      ...(options.accountCredentials === undefined ? {} : { accountCredentials: options.accountCredentials }),
    },
  });
  const login = await loginV2(emulator.loginUrl, DEFAULT_IICS_USERNAME, DEFAULT_IICS_PASSWORD);
  const api = `${login.serverUrl}/api/v2`;
  const headers = v2(login.sessionId);
  const metadata = await call('GET', `${api}/connector/metadata?connectorName=Amazon%20S3%20v2`, { headers });
  const names = new Map((metadata.body as { attributes: Array<{ name: string; label: string }> }).attributes.map((a) => [a.label, a.name]));
  const test = (connectionId: string): Promise<JsonAnswer> => call('GET', `${api}/connection/test/${connectionId}`, { headers });
  return {
    emulator,
    test,
    async connectionId(name) {
      const found = await call('GET', `${api}/connection/name/${encodeURIComponent(name)}`, { headers });
      return found.status === 200 ? (found.body as { id: string }).id : undefined;
    },
    async createAndTest(name, params, runtimeEnvironmentId = DEFAULT_IICS_IDS.activeGroup) {
      const connParams = Object.fromEntries(
        Object.entries({ 'Region Name': 'US East(N. Virginia)', ...params }).map(([label, value]) => {
          const key = names.get(label);
          if (key === undefined) throw new Error(`connector/metadata has no attribute labelled ${label}`);
          return [key, value];
        }),
      );
      const created = await call('POST', `${api}/connection`, {
        headers,
        body: { '@type': 'connection', name, type: 'TOOLKIT_CCI', instanceName: 'Amazon S3 v2', runtimeEnvironmentId, connParams },
      });
      if (created.status !== 200) throw new Error(`creating ${name} failed: ${created.text}`);
      return test((created.body as { id: string }).id);
    },
    close: () => emulator.close(),
  };
}

/** The v2 error object of a failed test, for assertions. */
export function failure(answer: JsonAnswer): { status: number; code: string; description: string } {
  const body = answer.body as { code?: string; description?: string } | undefined;
  return { status: answer.status, code: body?.code ?? '', description: body?.description ?? '' };
}

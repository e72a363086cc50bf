import { evaluate } from '../../../shared/policy/evaluate';
import { startGateway } from './gateway/gateway';
import type { Gateway } from './gateway/gateway';
import type { FaultSettings } from './gateway/fault-injector';
import { MotoSystemAccess, SYSTEM_ROLE_NAME } from './gateway/moto-system-access';
import { defaultIicsWorldInput, DEFAULT_IICS_PASSWORD, DEFAULT_IICS_USERNAME } from './iics/default-world';
import { startIicsEmulator } from './iics/start-iics-emulator';
import type { IicsEmulator } from './iics/start-iics-emulator';
import { startMoto } from './moto-process';
import type { MotoPython, MotoServer } from './moto-process';
import { profilesSnippet } from './profiles-snippet';
import type { ProfilesSnippet } from './profiles-snippet';
import { applySeed } from './seed/apply-seed';
import type { SeedSummary } from './seed/apply-seed';
import { defaultSandboxSeed } from './seed/seed-schema';
import type { Seed } from './seed/seed-schema';
import type { SsoTimings } from './sso/sso-directory';

/**
 * The whole local sandbox (DESIGN §7): moto, the gateway in front of it, and the IICS emulator,
 * seeded with the same world, all on 127.0.0.1. moto's authentication is switched on only after
 * seeding, so everything a user or test does afterwards is signed and policy-checked.
 */

export interface SandboxOptions {
  /** Gateway port; 0 or absent = a free port (the CLI defaults to 4566). */
  readonly port?: number;
  /** IICS login host port; the pod listens on the next port. 0 or absent = free ports. */
  readonly iicsPort?: number;
  /** false: start without the IICS emulator. */
  readonly iics?: boolean;
  readonly iicsIdleTimeoutMs?: number;
  readonly latencyMs?: number;
  readonly propagationMs?: number;
  readonly faults?: FaultSettings;
  readonly seed?: Seed;
  readonly ssoTimings?: Partial<SsoTimings>;
  readonly python?: MotoPython;
}

export interface SandboxIicsLogin {
  readonly loginUrl: string;
  readonly podUrl: string;
  readonly username: string;
  readonly password: string;
}

export interface Sandbox {
  /** The one AWS endpoint for every service (the gateway). */
  readonly awsEndpoint: string;
  /** moto itself, bypassing the gateway (transparency checks, debugging). */
  readonly motoEndpoint: string;
  readonly region: string;
  readonly iicsLoginUrl?: string;
  readonly iicsLogin?: SandboxIicsLogin;
  readonly profilesSnippet: ProfilesSnippet;
  readonly seed: SeedSummary;
  readonly admin: {
    /** Base of the `/__keyless/` control routes. */
    readonly url: string;
    readonly gateway: Gateway;
    approveDeviceCode(userCode: string): boolean;
    expireSession(accessKeyId: string): boolean;
  };
  readonly iics?: IicsEmulator;
  stop(): Promise<void>;
}

async function enableMotoAuthentication(moto: MotoServer): Promise<void> {
  const response = await fetch(`${moto.endpoint}/moto-api/reset-auth`, { method: 'POST', body: '0' });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`moto refused to switch its authentication on (HTTP ${String(response.status)})`);
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = options.seed ?? defaultSandboxSeed();
  const moto = await startMoto({ port: 0, ...(options.python !== undefined ? { python: options.python } : {}) });
  const stops: (() => Promise<void>)[] = [() => moto.stop()];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    const applied = await applySeed(moto.endpoint, seed);
    await enableMotoAuthentication(moto);
    const summary = applied.summary;
    const agentAccount = seed.accounts.agent.id;
    const bucketAccount = seed.accounts.bucket.id;

    const gateway = await startGateway({
      motoEndpoint: moto.endpoint,
      port: options.port ?? 0,
      control: applied.control,
      accounts: [agentAccount, bucketAccount],
      knownCredentials: summary.operators.map((operator) => ({ accessKeyId: operator.accessKeyId, secretAccessKey: operator.secretAccessKey })),
      evaluate,
      propagationMs: options.propagationMs ?? 0,
      faults: { ...options.faults, latencyMs: options.latencyMs ?? options.faults?.latencyMs ?? 0 },
      sso: {
        config: { startUrl: summary.sso.startUrl, region: summary.sso.region, userName: summary.sso.userName, accounts: summary.sso.accounts },
        ...(options.ssoTimings !== undefined ? { timings: options.ssoTimings } : {}),
      },
    });
    stops.unshift(() => gateway.stop());

    let iics: IicsEmulator | undefined;
    if (options.iics !== false) {
      // The emulated agents read AWS as the sandbox's system role, straight from moto: the user's
      // fault knobs aim at the user's own calls, not at IICS's.
      const access = new MotoSystemAccess(moto.endpoint, applied.control);
      const agentSession = await access.mint(`arn:aws:iam::${agentAccount}:role/${SYSTEM_ROLE_NAME}`, 'keyless-iics-emulator', 43_200);
      const bucketSession = await access.mint(`arn:aws:iam::${bucketAccount}:role/${SYSTEM_ROLE_NAME}`, 'keyless-iics-emulator', 43_200);
      const agents = summary.instances.filter((instance) => instance.hostsSecureAgent);
      const active = agents.find((instance) => instance.state === 'running' && instance.instanceProfileArn === undefined) ?? agents[0];
      const inactive = agents.find((instance) => instance.state === 'stopped');
      const credentials = (session: typeof agentSession) => ({ accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey, sessionToken: session.sessionToken });
      iics = await startIicsEmulator({
        loginPort: options.iicsPort ?? 0,
        podPort: options.iicsPort !== undefined && options.iicsPort !== 0 ? options.iicsPort + 1 : 0,
        ...(options.iicsIdleTimeoutMs !== undefined ? { idleTimeoutMs: options.iicsIdleTimeoutMs } : {}),
        world: defaultIicsWorldInput({
          ...(active !== undefined ? { activeAgentHost: active.privateDnsName } : {}),
          ...(inactive !== undefined ? { inactiveAgentHost: inactive.privateDnsName } : {}),
        }),
        aws: { endpoint: moto.endpoint, region: seed.region, credentials: credentials(agentSession), accountCredentials: { [bucketAccount]: credentials(bucketSession) } },
      });
      const started = iics;
      stops.unshift(() => started.close());
    }

    return {
      awsEndpoint: gateway.endpoint,
      motoEndpoint: moto.endpoint,
      region: seed.region,
      ...(iics !== undefined
        ? { iicsLoginUrl: iics.loginUrl, iicsLogin: { loginUrl: iics.loginUrl, podUrl: iics.podUrl, username: DEFAULT_IICS_USERNAME, password: DEFAULT_IICS_PASSWORD }, iics }
        : {}),
      profilesSnippet: profilesSnippet(summary, gateway.endpoint),
      seed: summary,
      admin: {
        url: `${gateway.endpoint}/__keyless`,
        gateway,
        approveDeviceCode: (userCode) => gateway.sso.approve(userCode),
        expireSession: (accessKeyId) => gateway.principals.expire(accessKeyId),
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

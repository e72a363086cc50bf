import { z } from 'zod';

/**
 * Wire shapes of the `iics.*` operations (DESIGN §1 job 2, §6): log in to Informatica Cloud, list
 * runtime environments, create or update the Amazon S3 v2 connection and test it. The login
 * request is the only one that carries a secret — the password, which main uses once and keeps
 * nowhere; the session id stays in the vault. Every response is strict and names no secret, so
 * a field a core type grows later is stripped before it could reach the renderer.
 */

export const IicsApiVersion = z.enum(['v2', 'v3']);

export const IicsLoginRequest = z
  .object({
    /** Your POD's login host; or give `pod`. */
    loginUrl: z.url({ protocol: /^https?$/ }).max(1024).optional(),
    /** A POD name, e.g. USW1 (the list comes with `iics.status`). */
    pod: z.string().min(1).max(16).optional(),
    username: z.string().min(1).max(255),
    password: z.string().min(1).max(1024),
    version: IicsApiVersion,
  })
  .strict();
export type IicsLoginRequest = z.input<typeof IicsLoginRequest>;

export const IicsSessionInfo = z
  .object({
    username: z.string(),
    loginUrl: z.string(),
    /** Where every later call goes (v2 serverUrl / v3 baseApiUrl). */
    podUrl: z.string(),
    version: IicsApiVersion,
    orgId: z.string().optional(),
    orgName: z.string().optional(),
    loggedInAt: z.string(),
    /** IICS ends a session after 30 minutes without use; this says so in words. */
    expiresHint: z.string(),
  })
  .strict();
export type IicsSessionInfo = z.infer<typeof IicsSessionInfo>;

export const IicsStatus = z
  .object({
    session: IicsSessionInfo.optional(),
    /** POD names the login form offers instead of a URL. */
    podNames: z.array(z.string()).readonly(),
    /** memory: no OS keychain, the session lasts until Keyless quits. */
    vault: z.enum(['keychain', 'memory']),
  })
  .strict();
export type IicsStatus = z.infer<typeof IicsStatus>;

const SecureAgentInfo = z
  .object({
    id: z.string(),
    name: z.string(),
    active: z.boolean(),
    readyToRun: z.boolean(),
    platform: z.string(),
    agentHost: z.string(),
    /** The EC2 instance to look for: the agent's host as private DNS names, IPs or instance ids. */
    ec2Candidates: z.object({ privateDnsNames: z.array(z.string()), privateIpAddresses: z.array(z.string()), instanceIds: z.array(z.string()) }).strict(),
  })
  .strict();

export const RuntimeEnvironmentInfo = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    kind: z.enum(['secureAgentGroup', 'serverless']),
    status: z.enum(['active', 'inactive', 'noAgents', 'serverless']),
    /** Whether an S3 v2 connection here can use IAM authentication; when not, `unusableReason` says why. */
    iamCapable: z.boolean(),
    unusableReason: z.string().optional(),
    agents: z.array(SecureAgentInfo),
  })
  .strict();
export type RuntimeEnvironmentInfo = z.infer<typeof RuntimeEnvironmentInfo>;

export const IicsEnvironments = z.object({ runtimeEnvironments: z.array(RuntimeEnvironmentInfo) }).strict();
export type IicsEnvironments = z.infer<typeof IicsEnvironments>;

export const ConnectionName = z.string().min(1).max(255);

export const ApplyConnectionRequest = z
  .object({
    name: ConnectionName,
    runtimeEnvironmentId: z.string().min(1).max(64),
    bucket: z.string().min(1).max(255),
    folder: z.string().min(1).max(1024).optional(),
    /** An AWS region code (us-east-1) or the connector's Region Name. */
    regionName: z.string().min(1).max(64),
    iamRoleArn: z.string().min(1).max(2048).optional(),
    useEc2RoleToAssumeRole: z.boolean(),
    externalId: z.string().min(1).max(1224).optional(),
  })
  .strict();
export type ApplyConnectionRequest = z.input<typeof ApplyConnectionRequest>;

export const AppliedConnectionInfo = z
  .object({
    action: z.enum(['created', 'updated', 'unchanged']),
    id: z.string(),
    name: z.string(),
    runtimeEnvironment: z.object({ id: z.string(), name: z.string(), status: z.string() }).strict(),
    /** For `updated`: what changed, by UI label. */
    changes: z.array(z.object({ label: z.string(), from: z.string(), to: z.string() }).strict()),
    /** The connection's properties as Keyless set them, by UI label. */
    properties: z.array(z.object({ label: z.string(), value: z.string() }).strict()),
    /** Properties whose keys connector/metadata did not name (Keyless used its assumed keys). */
    assumedKeys: z.array(z.string()),
    warnings: z.array(z.string()),
  })
  .strict();
export type AppliedConnectionInfo = z.infer<typeof AppliedConnectionInfo>;

export const TestConnectionRequest = z.object({ name: ConnectionName }).strict();

export const ConnectionTestInfo = z.discriminatedUnion('result', [
  z.object({ result: z.literal('ok'), connectionId: z.string(), connectionName: z.string(), message: z.string() }).strict(),
  z
    .object({
      result: z.literal('failed'),
      connectionId: z.string(),
      connectionName: z.string(),
      /** IICS's own message: it names what the agent could not reach or assume. */
      message: z.string(),
      status: z.number(),
      code: z.string().optional(),
      requestId: z.string().optional(),
    })
    .strict(),
]);
export type ConnectionTestInfo = z.infer<typeof ConnectionTestInfo>;

export const IicsLogoutResult = z.object({ loggedOut: z.array(z.object({ username: z.string(), endedAtIics: z.boolean() }).strict()) }).strict();

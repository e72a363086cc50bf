import { z } from 'zod';
import { KeylessFailure } from '../../../../shared/errors';
import { S3V2_CONNECTOR_NAME } from './s3v2-connector-fixture';

/**
 * What the IICS emulator knows about the org before any client talks to it: the users who can
 * log in, the runtime environments with their Secure Agents, and the connectors the org has.
 * Connections are not part of the world: clients create them.
 */

const iicsId = z.string().regex(/^[0-9A-Za-z]{6,24}$/, 'an IICS id is 6 to 24 letters or digits');

const userSchema = z.object({
  id: iicsId,
  username: z.string().min(1),
  password: z.string().min(1),
  firstName: z.string().default('Sandbox'),
  lastName: z.string().default('User'),
  timezone: z.string().default('UTC'),
});

const agentSchema = z.object({
  id: iicsId,
  name: z.string().min(1),
  active: z.boolean(),
  readyToRun: z.boolean(),
  platform: z.enum(['linux64', 'win64']).default('linux64'),
  /** Host name of the Secure Agent machine; the connection test finds the EC2 instance by it. */
  agentHost: z.string().min(1),
  agentVersion: z.string().default('66.0'),
});

const secureAgentGroupSchema = z.object({
  kind: z.literal('secureAgentGroup'),
  id: iicsId,
  name: z.string().min(1),
  description: z.string().default(''),
  isShared: z.boolean().default(false),
  agents: z.array(agentSchema),
});

const serverlessEnvironmentSchema = z.object({
  kind: z.literal('serverless'),
  id: iicsId,
  name: z.string().min(1),
  description: z.string().default(''),
  platform: z.literal('AWS').default('AWS'),
  region: z.string().min(1),
  maxComputeUnits: z.number().int().positive().default(16),
});

const runtimeEnvironmentSchema = z.discriminatedUnion('kind', [secureAgentGroupSchema, serverlessEnvironmentSchema]);

const accessLevelSchema = z.enum(['read', 'write']);

export const iicsWorldSchema = z
  .object({
    org: z.object({ id: iicsId, uuid: iicsId, name: z.string().min(1) }),
    users: z.array(userSchema).min(1),
    runtimeEnvironments: z.array(runtimeEnvironmentSchema),
    connectors: z.array(z.literal(S3V2_CONNECTOR_NAME)).default([S3V2_CONNECTOR_NAME]),
    /** Status of a failed login: the docs show 403, users report 400 (iics-api.md §1.5). */
    loginFailureStatus: z.union([z.literal(400), z.literal(401), z.literal(403)]).default(403),
    /** Since Nov 2025 an org may hand out JWTs as session ids (§1.4). */
    sessionIdFormat: z.enum(['opaque', 'jwt']).default('opaque'),
    /**
     * Which S3 access the connection test checks. An IICS connection does not say whether a
     * task will read or write through it, so the sandbox is told: by connection name, else the default.
     */
    connectionTests: z
      .object({
        defaultAccess: accessLevelSchema.default('read'),
        accessByConnectionName: z.record(z.string(), accessLevelSchema).default({}),
      })
      .default({ defaultAccess: 'read', accessByConnectionName: {} }),
  })
  .superRefine((world, ctx) => {
    const duplicate = (values: readonly string[]): string | undefined =>
      values.find((value, index) => values.indexOf(value) !== index);
    const userName = duplicate(world.users.map((u) => u.username));
    if (userName !== undefined) ctx.addIssue({ code: 'custom', path: ['users'], message: `user ${userName} appears twice` });
    const ids = [
      ...world.runtimeEnvironments.map((r) => r.id),
      ...world.runtimeEnvironments.flatMap((r) => (r.kind === 'secureAgentGroup' ? r.agents.map((a) => a.id) : [])),
    ];
    const id = duplicate(ids);
    if (id !== undefined) ctx.addIssue({ code: 'custom', path: ['runtimeEnvironments'], message: `id ${id} is used twice` });
    const name = duplicate(world.runtimeEnvironments.map((r) => r.name));
    if (name !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['runtimeEnvironments'], message: `runtime environment name ${name} is used twice` });
    }
  });

export type IicsWorld = z.infer<typeof iicsWorldSchema>;
/** The world as a seed file or test writes it: defaulted fields may be left out. */
export type IicsWorldInput = z.input<typeof iicsWorldSchema>;
export type IicsUser = IicsWorld['users'][number];
export type IicsRuntimeEnvironment = IicsWorld['runtimeEnvironments'][number];
export type IicsSecureAgentGroup = Extract<IicsRuntimeEnvironment, { kind: 'secureAgentGroup' }>;
export type IicsAgent = IicsSecureAgentGroup['agents'][number];
export type S3AccessLevel = z.infer<typeof accessLevelSchema>;

export function parseIicsWorld(value: unknown): IicsWorld {
  const parsed = iicsWorldSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first === undefined || first.path.length === 0 ? 'the world' : first.path.join('.');
  throw new KeylessFailure({
    code: 'INVALID_IICS_WORLD',
    message: `The IICS sandbox world is invalid at ${where}: ${first?.message ?? 'unknown problem'}.`,
    nextStep: 'Fix the IICS part of the sandbox seed (see electron/core/sandbox/iics/world.ts for its shape).',
  });
}

export function findAgent(world: IicsWorld, agentId: string): { agent: IicsAgent; group: IicsSecureAgentGroup } | undefined {
  for (const group of world.runtimeEnvironments) {
    if (group.kind !== 'secureAgentGroup') continue;
    const agent = group.agents.find((a) => a.id === agentId);
    if (agent !== undefined) return { agent, group };
  }
  return undefined;
}

import { z } from 'zod';

/**
 * Wire shapes of `engine.doctor` (DESIGN §1 job 3): check an existing setup and name the broken
 * link. The request carries names, ids and ARNs — plus, when the check starts from an IICS
 * connection, the IICS password, which main uses once to log in and keeps nowhere. The response
 * is the ChainReport (shared/plan/chain-report.ts) and nothing else: strict, so a field the
 * report model does not name fails loudly instead of reaching the renderer.
 *
 * Shapes only here; main checks the values with the shared validators, whose errors name the
 * field and the next step.
 */

const ProfileName = z.string().min(1).max(256);
const Region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as us-east-1');

/** Start from an S3 v2 connection: log in to IICS, read it, follow its runtime environment to the agent's host. */
export const DoctorIicsLookup = z
  .object({
    loginUrl: z.url({ protocol: /^https?$/ }).max(1024),
    username: z.string().min(1).max(255),
    password: z.string().min(1).max(1024),
    connectionName: z.string().min(1).max(255),
  })
  .strict();

export const DoctorRequest = z
  .object({
    /** AWS profile of the agent's account. */
    profile: ProfileName,
    /** Setup C: AWS profile of the account that holds the connector role and the bucket. */
    bucketProfile: ProfileName.optional(),
    /** Region of the instance; default: the profile's. */
    region: Region.optional(),
    /** The agent's EC2 instance; optional when the IICS connection names the agent. */
    instanceId: z.string().max(32).optional(),
    bucket: z.string().max(255).optional(),
    folder: z.string().max(1024).optional(),
    access: z.enum(['read', 'write']).optional(),
    advancedMode: z.boolean().optional(),
    /** a: instance role; b: it assumes a connector role; c: the connector role is in another account. */
    setup: z.enum(['a', 'b', 'c']).optional(),
    /** Setups B/C without an IICS connection: the connection's "IAM Role ARN" and "External Id". */
    connectorRoleArn: z.string().max(2048).optional(),
    externalId: z.string().max(1224).optional(),
    /** Whether the Secure Agent runs in a container; absent = unknown (the IMDS hop-limit check says so). */
    agentInContainer: z.boolean().optional(),
    iics: DoctorIicsLookup.optional(),
  })
  .strict();
export type DoctorRequest = z.input<typeof DoctorRequest>;

const LinkFix = z.object({ summary: z.string(), command: z.string().optional() }).strict();

export const DoctorReportLink = z
  .object({
    id: z.string(),
    title: z.string(),
    status: z.enum(['ok', 'broken', 'unknown']),
    reason: z.string(),
    fix: LinkFix.optional(),
  })
  .strict();

export const DoctorReport = z.object({ subject: z.string(), links: z.array(DoctorReportLink).readonly() }).strict();
export type DoctorReport = z.infer<typeof DoctorReport>;

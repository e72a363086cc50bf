import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { KeylessFailure } from '../../../../shared/errors';
import defaultSeed from './default-seed.json';

/**
 * The sandbox's starting world (issue 4, "Seeded world"), as data a test can replace. Accounts are
 * referred to by role in the story (`agent`, `bucket`) so a seed can renumber them in one place.
 */

const accountRef = z.enum(['agent', 'bucket']);
const policyDocument = z.object({ Version: z.string().optional(), Statement: z.array(z.record(z.string(), z.unknown())).min(1) }).passthrough();
const iamName = z.string().regex(/^[\w+=,.@-]{1,64}$/, 'IAM names use letters, digits and +=,.@_- (1-64 characters)');

export const seedSchema = z
  .object({
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'a region such as us-east-1'),
    accounts: z.object({
      agent: z.object({ id: z.string().regex(/^\d{12}$/), name: z.string().min(1), email: z.string().min(3) }).strict(),
      bucket: z.object({ id: z.string().regex(/^\d{12}$/), name: z.string().min(1), email: z.string().min(3) }).strict(),
    }),
    operators: z
      .array(
        z
          .object({
            userName: iamName,
            account: accountRef,
            profile: z.string().regex(/^[\w.-]+$/),
            description: z.string().optional(),
            policy: policyDocument,
          })
          .strict(),
      )
      .min(1),
    roles: z.array(
      z
        .object({
          account: accountRef,
          name: iamName,
          description: z.string().optional(),
          trustPolicy: policyDocument,
          inlinePolicies: z.record(z.string(), policyDocument).default({}),
          instanceProfile: iamName.optional(),
        })
        .strict(),
    ),
    buckets: z.array(
      z
        .object({
          account: accountRef,
          name: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'an S3 bucket name'),
          objects: z.array(z.object({ key: z.string().min(1), body: z.string() }).strict()).default([]),
        })
        .strict(),
    ),
    instances: z.array(
      z
        .object({
          account: accountRef,
          name: z.string().min(1),
          state: z.enum(['running', 'stopped']),
          hostsSecureAgent: z.boolean().default(false),
          instanceProfile: iamName.optional(),
        })
        .strict(),
    ),
    sso: z
      .object({
        startUrl: z.url(),
        region: z.string(),
        userName: z.string().min(1),
        profile: z.string().regex(/^[\w.-]+$/),
        permissionSets: z.array(z.object({ name: iamName, accounts: z.array(accountRef).min(1), policy: policyDocument }).strict()).min(1),
      })
      .strict(),
  })
  .strict()
  .superRefine((seed, issues) => {
    if (seed.accounts.agent.id === seed.accounts.bucket.id) issues.addIssue({ code: 'custom', path: ['accounts'], message: 'the agent and bucket accounts must differ' });
    const profiles = new Set(seed.roles.flatMap((role) => (role.instanceProfile !== undefined ? [role.instanceProfile] : [])));
    seed.instances.forEach((instance, index) => {
      if (instance.instanceProfile !== undefined && !profiles.has(instance.instanceProfile)) {
        issues.addIssue({ code: 'custom', path: ['instances', index, 'instanceProfile'], message: `no seeded role has instance profile ${instance.instanceProfile}` });
      }
    });
  });

export type Seed = z.infer<typeof seedSchema>;
export type AccountRef = z.infer<typeof accountRef>;

export function parseSeed(value: unknown, source: string): Seed {
  const parsed = seedSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new KeylessFailure({
    code: 'INVALID_SANDBOX_SEED',
    message: `The sandbox seed ${source} is not valid: ${first.join('; ')}.`,
    nextStep: 'Fix the seed file; electron/core/sandbox/seed/default-seed.json shows every field.',
  });
}

export function defaultSandboxSeed(): Seed {
  return parseSeed(defaultSeed, 'default-seed.json');
}

export async function loadSeedFile(path: string): Promise<Seed> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new KeylessFailure({
      code: 'INVALID_SANDBOX_SEED_FILE',
      message: `Cannot read the seed file ${path}: ${error instanceof Error ? error.message : String(error)}.`,
      nextStep: 'Check the path passed to --seed.',
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new KeylessFailure({
      code: 'INVALID_SANDBOX_SEED',
      message: `The seed file ${path} is not JSON: ${error instanceof Error ? error.message : String(error)}.`,
      nextStep: 'Fix the JSON syntax of the seed file.',
    });
  }
  return parseSeed(value, path);
}

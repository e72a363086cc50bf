import { z } from 'zod';

/**
 * What the guided setup and `keyless plan|apply` ask for (DESIGN §2). Profiles are names only:
 * credentials never enter the plan. The existing-profile choice has no default, because each
 * option changes who can reach the bucket (the seed's warning).
 */
export const EXISTING_PROFILE_CHOICES = ['assumeConnectorRole', 'extendExistingRole', 'replaceAssociation'] as const;
export const ExistingProfileChoice = z.enum(EXISTING_PROFILE_CHOICES);
export type ExistingProfileChoice = z.infer<typeof ExistingProfileChoice>;

export const SetupKindSchema = z.enum(['instanceRole', 'assumeConnectorRole', 'crossAccount']);

export const ProvisionNames = z
  .object({
    role: z.string(),
    policy: z.string(),
    instanceProfile: z.string(),
    connectorRole: z.string(),
    assumePolicy: z.string(),
  })
  .strict();
export type ProvisionNames = z.infer<typeof ProvisionNames>;

export const ProvisionInput = z
  .object({
    setup: SetupKindSchema,
    /** The agent account's profile (all of A and B; the instance side of C). */
    profile: z.string().min(1),
    /** C: the bucket account's profile. */
    bucketProfile: z.string().min(1).optional(),
    region: z.string().min(1),
    bucket: z.string(),
    folder: z.string().optional(),
    access: z.enum(['read', 'write']),
    advancedMode: z.boolean(),
    kmsKeyArn: z.string().optional(),
    instanceId: z.string(),
    names: ProvisionNames,
    path: z.string(),
    permissionsBoundaryArn: z.string().optional(),
    tags: z.array(z.object({ key: z.string(), value: z.string() }).strict()),
    externalId: z.string().optional(),
    existingProfileChoice: ExistingProfileChoice.optional(),
  })
  .strict();
export type ProvisionInput = z.infer<typeof ProvisionInput>;

/** Who the caller of each account turned out to be (GetCallerIdentity), read before planning. */
export interface AccountIdentity {
  readonly accountId: string;
  readonly partition: 'aws' | 'aws-cn' | 'aws-us-gov';
  readonly callerArn: string;
}

export interface PlanIdentities {
  readonly agent: AccountIdentity;
  /** C only. */
  readonly bucket?: AccountIdentity;
}

import { z } from 'zod';
import { ExistingProfileChoice, ProvisionInput, SetupKindSchema } from './provision-input';

/**
 * The plan (DESIGN §5): data the UI, `keyless plan` and the exports render and the engine
 * applies. Every API call is written out with its exact parameters, so what is shown is what is
 * sent; steps name the steps they wait for, which makes the plan a dependency graph.
 */

export const AccountRole = z.enum(['agent', 'bucket']);
export type AccountRole = z.infer<typeof AccountRole>;

export const OPERATIONS = [
  'CreateRole',
  'UpdateAssumeRolePolicy',
  'CreatePolicy',
  'DeletePolicyVersion',
  'CreatePolicyVersion',
  'AttachRolePolicy',
  'CreateInstanceProfile',
  'AddRoleToInstanceProfile',
  'AssociateIamInstanceProfile',
  'ReplaceIamInstanceProfileAssociation',
] as const;
export const Operation = z.enum(OPERATIONS);
export type Operation = z.infer<typeof Operation>;

export const ResourceKind = z.enum(['role', 'trustPolicy', 'managedPolicy', 'policyVersion', 'attachment', 'instanceProfile', 'roleInProfile', 'association']);
export type ResourceKind = z.infer<typeof ResourceKind>;

export const ChangeAction = z.enum(['create', 'update', 'keep', 'replace']);
export type ChangeAction = z.infer<typeof ChangeAction>;

const JsonParams = z.record(z.string(), z.unknown());

export const PlanStep = z
  .object({
    id: z.string(),
    /** Key of the resource this step changes. */
    resource: z.string(),
    account: AccountRole,
    service: z.enum(['iam', 'ec2']),
    operation: Operation,
    /** The SDK command input, exactly as sent (policy documents as JSON text). */
    params: JsonParams,
    /** The ARN IAM/EC2 authorises this call against (for preflight). */
    resourceArn: z.string(),
    /** Association calls also need iam:PassRole on the role in the profile. */
    passRoleArn: z.string().optional(),
    dependsOn: z.array(z.string()),
    /** Facts that are not sent but that resume and rollback need (e.g. what a replaced thing was). */
    context: z.record(z.string(), z.string()).optional(),
    summary: z.string(),
  })
  .strict();
export type PlanStep = z.infer<typeof PlanStep>;

export const DocumentDiff = z
  .object({
    /** Normalised JSON (null when there is no current document). */
    before: z.unknown().nullable(),
    after: z.unknown(),
    changed: z.boolean(),
  })
  .strict();
export type DocumentDiff = z.infer<typeof DocumentDiff>;

export const PlanResource = z
  .object({
    key: z.string(),
    kind: ResourceKind,
    account: AccountRole,
    name: z.string(),
    arn: z.string().optional(),
    action: ChangeAction,
    /** One sentence: why this action. */
    reason: z.string(),
    diff: DocumentDiff.optional(),
    steps: z.array(z.string()),
  })
  .strict();
export type PlanResource = z.infer<typeof PlanResource>;

export const ChoiceOption = z
  .object({
    choice: ExistingProfileChoice,
    title: z.string(),
    consequence: z.string(),
    recommended: z.boolean(),
  })
  .strict();
export type ChoiceOption = z.infer<typeof ChoiceOption>;

export const PlanIssue = z
  .object({
    code: z.string(),
    message: z.string(),
    nextStep: z.string(),
    options: z.array(ChoiceOption).optional(),
  })
  .strict();
export type PlanIssue = z.infer<typeof PlanIssue>;

export const ConnectionSettings = z
  .object({
    /** "IAM Role ARN" (B and C); absent for A, where the connection carries no role. */
    iamRoleArn: z.string().optional(),
    useEc2RoleToAssumeRole: z.boolean(),
    externalId: z.string().optional(),
  })
  .strict();

export const Plan = z
  .object({
    formatVersion: z.literal(1),
    runId: z.string(),
    createdAt: z.string(),
    input: ProvisionInput,
    /** The setup actually planned: choice (1) turns A into B around the existing role. */
    effectiveSetup: SetupKindSchema,
    region: z.string(),
    accounts: z.object({ agent: z.string(), bucket: z.string().optional() }).strict(),
    partition: z.enum(['aws', 'aws-cn', 'aws-us-gov']),
    resources: z.array(PlanResource),
    steps: z.array(PlanStep),
    warnings: z.array(PlanIssue),
    blockers: z.array(PlanIssue),
    connection: ConnectionSettings,
  })
  .strict();
export type Plan = z.infer<typeof Plan>;

export function planHasChanges(plan: Plan): boolean {
  return plan.steps.length > 0;
}

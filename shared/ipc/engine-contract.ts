import { z } from 'zod';
import { AccountRole, ConnectionSettings, Plan } from '../plan/plan-model';

/**
 * Wire shapes of the guided setup's engine operations (issue 6): instances to pick from, the
 * plan with its preflight, apply, runs and rollback. Names, ARNs, documents and statuses only;
 * the router parses every answer through these strict schemas, so nothing else crosses.
 */

const ProfileName = z.string().min(1).max(256);
const Region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as us-east-1');
const RunId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'a run id as `keyless runs` lists it');

export const InstancesRequest = z.object({ profile: ProfileName, region: Region }).strict();

export const InstanceSummary = z
  .object({
    instanceId: z.string(),
    name: z.string().optional(),
    state: z.string(),
    privateDnsName: z.string().optional(),
    privateIpAddress: z.string().optional(),
    /** The instance profile associated now (associated or associating), if any. */
    instanceProfileArn: z.string().optional(),
    /** Why Keyless thinks a Secure Agent runs here (a tag or the Name); absent when nothing hints at it. */
    secureAgentHint: z.string().optional(),
  })
  .strict();
export type InstanceSummary = z.infer<typeof InstanceSummary>;

export const InstanceListing = z.object({ region: z.string(), instances: z.array(InstanceSummary) }).strict();
export type InstanceListing = z.infer<typeof InstanceListing>;

export const PermissionCheckSummary = z
  .object({
    account: AccountRole,
    action: z.string(),
    resource: z.string(),
    decision: z.enum(['allowed', 'explicitDeny', 'implicitDeny', 'unknown']),
    purpose: z.string().optional(),
  })
  .strict();

export const PreflightSummary = z
  .object({
    ok: z.boolean(),
    checked: z.number().int().nonnegative(),
    callers: z.array(z.object({ account: AccountRole, arn: z.string(), simulatedArn: z.string().optional(), note: z.string().optional() }).strict()),
    missing: z.array(PermissionCheckSummary),
    /** The minimal operator policy per account, as JSON text ready to copy. */
    operatorPolicies: z.array(z.object({ account: AccountRole, callerArn: z.string(), policyJson: z.string() }).strict()),
  })
  .strict();
export type PreflightSummary = z.infer<typeof PreflightSummary>;

export const PlanReview = z
  .object({
    plan: Plan,
    /** Absent when preflight did not run: the plan is blocked or changes nothing. */
    preflight: PreflightSummary.optional(),
    /** Changes, no blockers, preflight passed: main will apply this run id. */
    applicable: z.boolean(),
  })
  .strict();
export type PlanReview = z.infer<typeof PlanReview>;

export const RunRequest = z.object({ runId: RunId }).strict();

const StepFailure = z.object({ stepId: z.string(), message: z.string(), nextStep: z.string(), requestId: z.string().optional() }).strict();

export const ChainLink = z
  .object({
    id: z.string(),
    title: z.string(),
    status: z.enum(['ok', 'broken', 'unknown']),
    reason: z.string(),
    fix: z.object({ summary: z.string(), command: z.string().optional() }).strict().optional(),
  })
  .strict();
export const ChainReportShape = z.object({ subject: z.string(), links: z.array(ChainLink) }).strict();
export type ChainReportShape = z.infer<typeof ChainReportShape>;

export const ApplyResult = z
  .object({
    runId: z.string(),
    status: z.enum(['complete', 'failed']),
    stepsDone: z.number().int().nonnegative(),
    steps: z.number().int().nonnegative(),
    failures: z.array(StepFailure),
    notStarted: z.array(z.string()),
    durationMs: z.number().nonnegative(),
    connection: ConnectionSettings,
    /** Absent when the run did not complete (there is nothing whole to verify). */
    verify: ChainReportShape.optional(),
  })
  .strict();
export type ApplyResult = z.infer<typeof ApplyResult>;

export const RunSummary = z
  .object({
    runId: z.string(),
    status: z.enum(['planned', 'interrupted', 'failed', 'complete', 'rolledBack', 'rollbackFailed']),
    setup: z.string(),
    instanceId: z.string(),
    account: z.string(),
    stepsDone: z.number().int().nonnegative(),
    steps: z.number().int().nonnegative(),
    startedAt: z.string(),
    lastEntryAt: z.string(),
  })
  .strict();
export const RunListing = z.object({ runs: z.array(RunSummary) }).strict();
export type RunListing = z.infer<typeof RunListing>;

export const RollbackResult = z.object({ runId: z.string(), status: z.enum(['complete', 'failed']), undone: z.number().int().nonnegative(), failures: z.array(StepFailure) }).strict();
export type RollbackResult = z.infer<typeof RollbackResult>;

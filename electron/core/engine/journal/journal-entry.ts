import { z } from 'zod';
import { Plan } from '../../../../shared/plan/plan-model';

/**
 * One line of a run's journal. Outcomes hold ids, ARNs and request ids only: the engine never
 * has secrets in hand at this level, and nothing from a credential provider is written.
 */
export const StepOutcome = z
  .object({
    arn: z.string().optional(),
    id: z.string().optional(),
    associationId: z.string().optional(),
    versionId: z.string().optional(),
    previousDefaultVersionId: z.string().optional(),
    requestId: z.string().optional(),
    /** Found already done (resume, or a retried create that had gone through) rather than done now. */
    adopted: z.boolean().optional(),
    /** Rollback: why nothing was done (already gone, not created by this run, ...). */
    skipped: z.string().optional(),
  })
  .strict();
export type StepOutcome = z.infer<typeof StepOutcome>;

const ErrorDetail = z.object({ code: z.string(), message: z.string(), nextStep: z.string(), requestId: z.string().optional() }).strict();

export const JournalEntry = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('plan'), at: z.string(), plan: Plan }).strict(),
  z.object({ kind: z.literal('intent'), at: z.string(), stepId: z.string() }).strict(),
  z.object({ kind: z.literal('outcome'), at: z.string(), stepId: z.string(), outcome: StepOutcome }).strict(),
  z.object({ kind: z.literal('failure'), at: z.string(), stepId: z.string(), error: ErrorDetail }).strict(),
  z.object({ kind: z.literal('finished'), at: z.string(), status: z.enum(['complete', 'failed']) }).strict(),
  z.object({ kind: z.literal('undoIntent'), at: z.string(), stepId: z.string() }).strict(),
  z.object({ kind: z.literal('undoOutcome'), at: z.string(), stepId: z.string(), outcome: StepOutcome }).strict(),
  z.object({ kind: z.literal('undoFailure'), at: z.string(), stepId: z.string(), error: ErrorDetail }).strict(),
  z.object({ kind: z.literal('rolledBack'), at: z.string(), status: z.enum(['complete', 'failed']) }).strict(),
]);
export type JournalEntry = z.infer<typeof JournalEntry>;

import { z } from 'zod';

/**
 * The one typed event channel: long work (apply, SSO sign-in, sandbox start) streams progress
 * here, tagged with the id of the task that emitted it so a screen can follow its own work.
 */
export const ProgressEvent = z.object({
  kind: z.literal('progress'),
  taskId: z.string(),
  stepId: z.string(),
  status: z.enum(['started', 'waiting', 'retried', 'done', 'failed', 'info']),
  message: z.string(),
  elapsedMs: z.number().nonnegative().optional(),
  at: z.string(),
});
export type ProgressEvent = z.infer<typeof ProgressEvent>;

export const KeylessEvent = z.discriminatedUnion('kind', [ProgressEvent]);
export type KeylessEvent = z.infer<typeof KeylessEvent>;

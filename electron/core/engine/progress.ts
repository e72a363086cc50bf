import type { ProgressEvent } from '../../../shared/ipc/events';

/**
 * What the engine reports per step; maps 1:1 onto the IPC ProgressEvent (taskId = run id), so
 * main forwards it unchanged and the CLI renders the same stream.
 */
export type StepStatus = 'started' | 'waiting' | 'retried' | 'done' | 'failed' | 'info';

export interface EngineProgress {
  readonly runId: string;
  readonly stepId: string;
  readonly status: StepStatus;
  readonly message: string;
  readonly elapsedMs?: number;
  readonly at: string;
}

export type ProgressListener = (event: EngineProgress) => void;

export function toProgressEvent(event: EngineProgress): ProgressEvent {
  return {
    kind: 'progress',
    taskId: event.runId,
    stepId: event.stepId,
    status: event.status,
    message: event.message,
    ...(event.elapsedMs !== undefined ? { elapsedMs: event.elapsedMs } : {}),
    at: event.at,
  };
}

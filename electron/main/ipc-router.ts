import type { z } from 'zod';
import { contract, isOperationName } from '../../shared/ipc/contract';
import type { Contract, OperationName, ResponseOf } from '../../shared/ipc/contract';
import { fail, KeylessFailure, ok } from '../../shared/errors';
import type { Result } from '../../shared/errors';

/**
 * The IPC router: the only gate between the renderer and core services. It is free of
 * Electron so the Chromium suite and unit tests drive the very same code that main.ts binds
 * to `ipcMain.handle`.
 */

export type ServiceTable = {
  readonly [Op in OperationName]: (request: z.output<Contract[Op]['request']>) => Promise<ResponseOf<Op>>;
};

export interface SenderInfo {
  /** URL of the frame that sent the message (`event.senderFrame.url`). */
  readonly url: string | undefined;
  readonly isMainFrame: boolean;
}

export interface IpcRouterOptions {
  readonly services: ServiceTable;
  readonly isTrustedSender: (sender: SenderInfo) => boolean;
  /** Where failures that are not KeylessFailures are reported; never receives request payloads. */
  readonly onInternalError?: (op: OperationName, error: unknown) => void;
}

export interface IpcRouter {
  handle(op: string, sender: SenderInfo, payload: unknown): Promise<Result<unknown>>;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  // Paths and messages only: the offending values may be secrets and are never echoed.
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(request)'}: ${issue.message}`)
    .join('; ');
}

export function createIpcRouter(options: IpcRouterOptions): IpcRouter {
  return {
    async handle(op, sender, payload) {
      if (!options.isTrustedSender(sender)) {
        return fail(
          'IPC_FOREIGN_SENDER',
          `Refused "${op}": the request did not come from Keyless's own window.`,
          'Only the Keyless window may call the app; reload the window if this persists.',
        );
      }
      if (!isOperationName(op)) {
        return fail('IPC_UNKNOWN_OPERATION', `Refused "${op}": there is no such operation.`, 'Update Keyless so the window and the app match.');
      }
      const spec = contract[op];
      const parsed = spec.request.safeParse(payload);
      if (!parsed.success) {
        return fail(
          'IPC_INVALID_REQUEST',
          `Refused "${op}": the request is malformed (${describeIssues(parsed.error.issues)}).`,
          'Correct the highlighted input and try again.',
        );
      }
      try {
        const service = options.services[op] as (request: unknown) => Promise<unknown>;
        const value = await service(parsed.data);
        // Parsing the response strips any field the contract does not name, so nothing a
        // service holds (a secret, say) can reach the renderer by accident.
        return ok(spec.response.parse(value));
      } catch (error) {
        if (error instanceof KeylessFailure) return { ok: false, error: error.detail };
        options.onInternalError?.(op, error);
        return fail(
          'INTERNAL',
          `"${op}" failed unexpectedly.`,
          'Try again; if it keeps failing, report it with the log from Help → Show logs.',
        );
      }
    },
  };
}

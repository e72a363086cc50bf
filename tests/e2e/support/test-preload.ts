import { buildKeylessApi } from '../../../shared/ipc/api';
import type { Result } from '../../../shared/errors';
import type { KeylessEvent } from '../../../shared/ipc/events';

/**
 * The page-side half of the Chromium suite's preload: the same API builder as
 * electron/preload, with Playwright bindings as the transport instead of ipcRenderer.
 */
interface TestBridge {
  __keylessInvoke(op: string, request: unknown): Promise<Result<unknown>>;
  __keylessDispatch?: (event: KeylessEvent) => void;
}

const bridge = window as unknown as TestBridge & Window;
const listeners = new Set<(event: KeylessEvent) => void>();
bridge.__keylessDispatch = (event) => {
  for (const listener of listeners) listener(event);
};

Object.defineProperty(window, 'keyless', {
  value: buildKeylessApi(
    (op, request) => bridge.__keylessInvoke(op, request),
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  ),
  enumerable: true,
});

import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { buildKeylessApi } from '../../shared/ipc/api';
import { EVENT_CHANNEL, invokeChannel } from '../../shared/ipc/channels';
import type { Result } from '../../shared/errors';
import type { KeylessEvent } from '../../shared/ipc/events';

/**
 * Exposes `window.keyless`, built from the IPC contract: one function per operation, plus the
 * event subscription. Nothing else of Electron or Node crosses into the page.
 */
const api = buildKeylessApi(
  (op, request) => ipcRenderer.invoke(invokeChannel(op), request) as Promise<Result<unknown>>,
  (listener) => {
    const handler = (_event: IpcRendererEvent, payload: KeylessEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
);

contextBridge.exposeInMainWorld('keyless', api);

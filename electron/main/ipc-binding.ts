import { ipcMain } from 'electron';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { operationNames } from '../../shared/ipc/contract';
import { EVENT_CHANNEL, invokeChannel } from '../../shared/ipc/channels';
import type { KeylessEvent } from '../../shared/ipc/events';
import type { IpcRouter, SenderInfo } from './ipc-router';

/** The only place ipcMain is touched: one handler per contract operation, all through the router. */
export function bindIpcRouter(router: IpcRouter): void {
  for (const op of operationNames) {
    ipcMain.handle(invokeChannel(op), (event: IpcMainInvokeEvent, payload: unknown) => router.handle(op, senderOf(event), payload));
  }
}

function senderOf(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return { url: frame?.url, isMainFrame: frame !== null && frame === event.sender.mainFrame };
}

export function sendEvent(window: BrowserWindow | undefined, event: KeylessEvent): void {
  if (window !== undefined && !window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
}

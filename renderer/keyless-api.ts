import type { KeylessApi } from '../shared/ipc/api';

declare global {
  interface Window {
    readonly keyless?: KeylessApi;
  }
}

/**
 * The preload's API. Absent only when the page is opened outside Keyless (e.g. in a plain
 * browser), which the shell reports instead of failing obscurely.
 */
export function keylessApi(): KeylessApi | undefined {
  return window.keyless;
}

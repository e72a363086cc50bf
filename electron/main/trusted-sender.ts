import type { SenderInfo } from './ipc-router';

/**
 * A sender is trusted when it is the main frame of a page served from the app's own origin.
 * In a packaged app that is `app://keyless`; during `electron-vite dev` it is the dev server's
 * origin, passed in explicitly. Custom schemes have an opaque WHATWG origin ("null"), so the
 * comparison is on scheme and host (with port).
 */
function originKey(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return undefined;
  }
}

export function trustedSenderFor(appOrigin: string): (sender: SenderInfo) => boolean {
  const expected = originKey(appOrigin);
  if (expected === undefined) throw new Error(`Not a URL: ${appOrigin}`);
  return (sender) => sender.isMainFrame && sender.url !== undefined && originKey(sender.url) === expected;
}

/**
 * The renderer's Content Security Policy. No remote content and no inline script: every script
 * and style comes from the app's own bundle. The renderer reaches main only through the
 * preload API, so it needs no network at all (`connect-src 'none'`).
 *
 * The same string is written into renderer/index.html at build time and sent as a response
 * header by the app protocol, so a page can never run under a weaker policy.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "worker-src 'none'",
  "manifest-src 'none'",
].join('; ');

/**
 * `electron-vite dev` serves modules over HTTP with hot reload, which needs inline preamble
 * scripts and a websocket; this looser policy exists only in dev builds.
 */
export function devContentSecurityPolicy(devServerOrigin: string): string {
  const ws = devServerOrigin.replace(/^http/, 'ws');
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
    .replace("connect-src 'none'", `connect-src 'self' ${ws}`);
}

import { isAllowedExternalUrl } from './external-links';
import type { ExternalLinkPolicy } from './external-links';

/**
 * The app is a single page: it never navigates, never opens windows, never embeds others'
 * pages. A link to allow-listed documentation opens in the user's browser instead.
 */
export type WindowOpenDecision = { readonly action: 'deny'; readonly openExternally: boolean };

export function decideWindowOpen(url: string, policy: ExternalLinkPolicy): WindowOpenDecision {
  return { action: 'deny', openExternally: isAllowedExternalUrl(url, policy) };
}

/** In-window navigation is allowed only as a reload of the app's own page. */
export function isNavigationAllowed(targetUrl: string, currentUrl: string): boolean {
  return targetUrl === currentUrl;
}

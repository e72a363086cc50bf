import { z } from 'zod';

/**
 * An SSO access token with what refreshing it needs, in the field names of the AWS CLI's token
 * cache (reference/aws.md §3.3) so one parser reads both that cache and the vault's copy.
 * This is secret material: it stays in core and is never part of a returned shape.
 */
export const ssoTokenSchema = z.object({
  startUrl: z.string().optional(),
  region: z.string().optional(),
  accessToken: z.string().min(1),
  expiresAt: z.string().min(1),
  refreshToken: z.string().optional(),
  clientId: z.string().optional(),
  clientSecret: z.string().optional(),
  registrationExpiresAt: z.string().optional(),
});
export type SsoToken = z.infer<typeof ssoTokenSchema>;

/** Where an SSO sign-in comes from: a `[sso-session]` (named) or a legacy profile's start URL. */
export interface SsoSessionRef {
  readonly startUrl: string;
  readonly region: string;
  /** The sso-session name; the AWS CLI keys its cache by it when present, else by the start URL. */
  readonly sessionName?: string;
  readonly scopes?: readonly string[];
}

/** Refresh or sign in again this long before expiry, as the SDK's token provider does. */
export const EXPIRY_WINDOW_MS = 5 * 60 * 1000;

export function expiresAtMs(token: Pick<SsoToken, 'expiresAt'>): number {
  const ms = Date.parse(token.expiresAt);
  return Number.isNaN(ms) ? 0 : ms;
}

export function isFresh(token: Pick<SsoToken, 'expiresAt'>, now: number): boolean {
  return expiresAtMs(token) - now > EXPIRY_WINDOW_MS;
}

export function isUsable(token: Pick<SsoToken, 'expiresAt'>, now: number): boolean {
  return expiresAtMs(token) > now;
}

export function canRefresh(token: SsoToken, now: number): boolean {
  if (token.refreshToken === undefined || token.clientId === undefined || token.clientSecret === undefined) return false;
  if (token.registrationExpiresAt === undefined) return true;
  const registrationEnds = Date.parse(token.registrationExpiresAt);
  return Number.isNaN(registrationEnds) || registrationEnds > now;
}

export function parseSsoToken(text: string): SsoToken | undefined {
  try {
    const parsed = ssoTokenSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

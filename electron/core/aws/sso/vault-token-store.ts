import { z } from 'zod';
import type { Vault } from '../../vault/vault';
import { parseSsoToken } from './sso-token';
import type { SsoToken } from './sso-token';

/** Vault names (electron/core/vault/vault.ts): one token per start URL, one OIDC client per region. */
export const ssoTokenSecretName = (startUrl: string): string => `sso-token:${startUrl}`;
export const ssoClientSecretName = (region: string): string => `sso-client:${region}`;

export async function readVaultToken(vault: Vault, startUrl: string): Promise<SsoToken | undefined> {
  const text = await vault.get(ssoTokenSecretName(startUrl));
  return text === undefined ? undefined : parseSsoToken(text);
}

export async function saveVaultToken(vault: Vault, token: SsoToken & { startUrl: string }): Promise<void> {
  await vault.set(ssoTokenSecretName(token.startUrl), JSON.stringify(token));
}

const registrationSchema = z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1), expiresAt: z.string() });
export type ClientRegistration = z.infer<typeof registrationSchema>;

/** A registered OIDC client, reused until a day before it expires (about 90 days, aws.md §3.4). */
export async function readRegistration(vault: Vault, region: string, now: number): Promise<ClientRegistration | undefined> {
  const text = await vault.get(ssoClientSecretName(region));
  if (text === undefined) return undefined;
  try {
    const parsed = registrationSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return undefined;
    return Date.parse(parsed.data.expiresAt) - now > 24 * 3600 * 1000 ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export async function saveRegistration(vault: Vault, region: string, registration: ClientRegistration): Promise<void> {
  await vault.set(ssoClientSecretName(region), JSON.stringify(registration));
}

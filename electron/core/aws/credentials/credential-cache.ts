import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Vault } from '../../vault/vault';
import type { SharedConfig } from '../profiles/shared-config';
import type { SourceChain } from '../profiles/source-chain';
import type { AwsCredentials } from './aws-credentials';

/** Temporary credentials are renewed this long before they expire, so a call never starts with a dying key. */
export const REFRESH_BEFORE_EXPIRY_MS = 5 * 60 * 1000;

export const credentialsSecretName = (cacheKey: string): string => `aws-credentials:${cacheKey}`;

const cachedSchema = z.object({
  fingerprint: z.string(),
  accessKeyId: z.string().min(1),
  secretAccessKey: z.string().min(1),
  sessionToken: z.string().optional(),
  expiration: z.string(),
});

/**
 * A digest of every setting that decides which credentials a profile yields (the profile and
 * each source in its chain), so cached credentials are dropped when the profile is edited to
 * point elsewhere instead of silently answering for the old role.
 */
export function profileFingerprint(chain: SourceChain, config: SharedConfig): string {
  const sections = chain.links.map((link) => [link.profile, config.profiles.get(link.profile)?.settings ?? {}]);
  const sessions = chain.links.map((link) => config.profiles.get(link.profile)?.settings.sso_session).filter((name) => name !== undefined);
  const material = JSON.stringify({ sections, ssoSessions: sessions.map((name) => [name, config.ssoSessions[name] ?? {}]) });
  return createHash('sha256').update(material).digest('hex');
}

export interface CachedCredentials {
  readonly credentials: AwsCredentials & { readonly expiration: Date };
}

export async function readCachedCredentials(vault: Vault, cacheKey: string, fingerprint: string, now: number): Promise<CachedCredentials | undefined> {
  const text = await vault.get(credentialsSecretName(cacheKey));
  if (text === undefined) return undefined;
  let parsed: z.infer<typeof cachedSchema>;
  try {
    const result = cachedSchema.safeParse(JSON.parse(text));
    if (!result.success) return undefined;
    parsed = result.data;
  } catch {
    return undefined;
  }
  const expiration = new Date(parsed.expiration);
  if (parsed.fingerprint !== fingerprint || Number.isNaN(expiration.getTime()) || expiration.getTime() - now <= REFRESH_BEFORE_EXPIRY_MS) return undefined;
  return {
    credentials: {
      accessKeyId: parsed.accessKeyId,
      secretAccessKey: parsed.secretAccessKey,
      ...(parsed.sessionToken === undefined ? {} : { sessionToken: parsed.sessionToken }),
      expiration,
    },
  };
}

/** Only temporary credentials are cached: long-term keys already live in the credentials file or the environment. */
export async function saveCachedCredentials(vault: Vault, cacheKey: string, fingerprint: string, credentials: AwsCredentials): Promise<void> {
  if (credentials.expiration === undefined) return;
  const record: z.infer<typeof cachedSchema> = {
    fingerprint,
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    ...(credentials.sessionToken === undefined ? {} : { sessionToken: credentials.sessionToken }),
    expiration: credentials.expiration.toISOString(),
  };
  await vault.set(credentialsSecretName(cacheKey), JSON.stringify(record));
}

export async function forgetCachedCredentials(vault: Vault, cacheKey: string): Promise<void> {
  await vault.delete(credentialsSecretName(cacheKey));
}

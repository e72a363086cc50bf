import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ssoCacheDir } from '../aws-env';
import type { EnvRecord } from '../aws-env';
import { parseSsoToken } from './sso-token';
import type { SsoSessionRef, SsoToken } from './sso-token';

/**
 * The AWS CLI's token cache file for a session: `sha1(sso-session name)` for sso-session
 * profiles, `sha1(start URL)` for legacy ones (aws.md §3.3, the SDK's getSSOTokenFilepath).
 */
export function cliTokenFile(session: SsoSessionRef, env: EnvRecord): string {
  const key = session.sessionName ?? session.startUrl;
  return join(ssoCacheDir(env), `${createHash('sha1').update(key).digest('hex')}.json`);
}

/**
 * Reads the token `aws sso login` left, read-only: Keyless never rewrites the CLI's cache; a
 * token it refreshes from this one goes to the vault. A missing, unreadable or malformed file
 * reads as "no token".
 */
export async function readCliToken(session: SsoSessionRef, env: EnvRecord): Promise<SsoToken | undefined> {
  let text: string;
  try {
    text = await readFile(cliTokenFile(session, env), 'utf8');
  } catch {
    return undefined;
  }
  return parseSsoToken(text);
}

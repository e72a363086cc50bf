/**
 * Runs in a child `node` bound to the test's private Secret Service: opens the Keyless vault
 * the CLI wrote and prints its status and every secret string field (tokens, keys), so the
 * test can look for them in plain text on disk. Test-only: real code never prints secrets.
 */
import { openVault } from '../../../electron/core/vault/vault';

const SECRET_FIELDS = ['accessToken', 'refreshToken', 'clientSecret', 'secretAccessKey', 'sessionToken'];

const vault = await openVault({ appDataDir: process.argv[2] ?? '' });
const names = await vault.names();
const secrets: string[] = [];
for (const name of names) {
  const value = JSON.parse((await vault.get(name)) ?? '{}') as Record<string, unknown>;
  for (const field of SECRET_FIELDS) if (typeof value[field] === 'string') secrets.push(value[field]);
}
process.stdout.write(`${JSON.stringify({ status: vault.status(), names, secrets })}\n`);

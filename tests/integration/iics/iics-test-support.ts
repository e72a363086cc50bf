import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeychainPort } from '../../../electron/core/vault/keychain-port';
import { openVault } from '../../../electron/core/vault/vault';
import type { Vault } from '../../../electron/core/vault/vault';

/**
 * For in-process IICS client tests: a vault that is real — the sealed file in a temporary app
 * data folder — with its data key held by a keychain that lives in this process (the OS keychain
 * needs a child process, see tests/support/secret-service.ts). And a fetch that records what the
 * client put on the wire.
 */

function processKeychain(): KeychainPort {
  const entries = new Map<string, string>();
  return {
    backend: 'test keychain',
    getPassword: (service, account) => Promise.resolve(entries.get(`${service}\n${account}`) ?? null),
    setPassword: (service, account, password) => Promise.resolve(void entries.set(`${service}\n${account}`, password)),
    deletePassword: (service, account) => Promise.resolve(entries.delete(`${service}\n${account}`)),
  };
}

export async function testVault(): Promise<{ vault: Vault; appDataDir: string }> {
  const appDataDir = join(await mkdtemp(join(tmpdir(), 'keyless-iics-')), 'Keyless');
  const vault = await openVault({ appDataDir, keychain: processKeychain(), service: 'keyless-iics-test' });
  return { vault, appDataDir };
}

export interface WireRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
}

export function recordingFetch(): { fetch: typeof fetch; requests: WireRequest[] } {
  const requests: WireRequest[] = [];
  const recorder: typeof fetch = (input, init) => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => {
      headers[name] = value;
    });
    requests.push({ method: init?.method ?? 'GET', url: String(input instanceof Request ? input.url : input), headers, body: typeof init?.body === 'string' ? init.body : undefined });
    return fetch(input, init);
  };
  return { fetch: recorder, requests };
}

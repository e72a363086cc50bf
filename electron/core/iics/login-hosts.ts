import { inputError } from '../../../shared/errors';

/**
 * POD name → login host (iics-api.md §2, from Informatica's v3 Login page). Newer PODs may be
 * missing from the docs' table, so `--login-url` stays the way to reach any other host.
 */
const POD_LOGIN_PREFIXES: ReadonlyArray<readonly [prefix: string, pods: readonly string[]]> = [
  ['dm-us', ['USW1', 'USE2', 'USW3', 'USE4', 'USW5', 'USE6']],
  ['dm1-us', ['USW1-1', 'USW3-1']],
  ['dm2-us', ['USW1-2']],
  ['dm-na', ['CAC1']],
  ['dm-ap', ['APSE1']],
  ['dm1-apse', ['APSE2']],
  ['dm1-ap', ['APNE1']],
  ['dm-apne', ['APNE2']],
  ['dm1-apau', ['APAUC1']],
  ['dm-em', ['EMW1']],
  ['dm1-em', ['EMC1']],
  ['dm-uk', ['UK1']],
];

export const POD_NAMES: readonly string[] = POD_LOGIN_PREFIXES.flatMap(([, pods]) => pods);

export function loginUrlForPod(pod: string): string {
  const wanted = pod.trim().toUpperCase();
  const found = POD_LOGIN_PREFIXES.find(([, pods]) => pods.includes(wanted));
  if (found === undefined) {
    throw inputError(
      'INVALID_IICS_POD',
      `"${pod}" is not a POD Keyless knows (${POD_NAMES.join(', ')}).`,
      'Pass your login host with --login-url instead, e.g. https://dm-us.informaticacloud.com (the host you open Informatica Cloud on).',
    );
  }
  return `https://${found[0]}.informaticacloud.com`;
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/**
 * The login host's origin from what a user pastes (a bare host, or a URL with a path). The
 * password travels to it, so plain http is refused except on this machine (the sandbox).
 */
export function normaliseLoginUrl(value: string): string {
  const text = value.trim();
  const nextStep = 'Use your POD\'s login host, e.g. https://dm-us.informaticacloud.com, or --pod NAME.';
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw inputError('INVALID_IICS_LOGIN_URL', `"${value}" is not a URL.`, nextStep);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw inputError('INVALID_IICS_LOGIN_URL', `The login URL ${url.origin} is not https: the password would travel unencrypted.`, nextStep);
  }
  if (url.username !== '' || url.password !== '') {
    throw inputError('INVALID_IICS_LOGIN_URL', 'The login URL must not carry a user name or password.', nextStep);
  }
  return url.origin;
}

/**
 * Links the app may hand to the default browser: Informatica and AWS documentation, the AWS
 * console, and AWS sign-in pages (SSO device verification). Anything else is refused, so a
 * compromised renderer cannot use the OS to open arbitrary URLs or local files.
 */
const ALLOWED_HOST_SUFFIXES = [
  'docs.informatica.com',
  'network.informatica.com',
  'docs.aws.amazon.com',
  'aws.amazon.com',
  'console.aws.amazon.com',
  'awsapps.com',
  'signin.aws.amazon.com',
  'amazonaws.com',
  'amazonaws.com.cn',
];

export interface ExternalLinkPolicy {
  /** The local sandbox serves its SSO verification page on loopback. */
  readonly allowLoopback: boolean;
}

export function isAllowedExternalUrl(raw: string, policy: ExternalLinkPolicy): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  if (policy.allowLoopback && url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost')) {
    return true;
  }
  if (url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  return ALLOWED_HOST_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}

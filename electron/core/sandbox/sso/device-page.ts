import { escapeXml } from '../gateway/wire-errors';

/**
 * The verification page a person opens from `verificationUriComplete`: it shows the user code
 * and approves it with one button, standing in for the AWS access portal's sign-in and consent.
 */
export function devicePage(userCode: string, outcome?: 'approved' | 'unknown'): string {
  const code = escapeXml(userCode);
  const message =
    outcome === 'approved'
      ? '<p class="ok">Approved. You can close this page and return to Keyless.</p>'
      : outcome === 'unknown'
        ? '<p class="bad">No pending sign-in has this code (it may have expired). Start the sign-in again.</p>'
        : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Keyless sandbox — approve sign-in</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}code{font-size:1.5rem;letter-spacing:.1em}.ok{color:#176d2c}.bad{color:#a11}</style></head>
<body><h1>Sandbox SSO sign-in</h1>
<p>An application asks to sign in to the sandbox's IAM Identity Center with this code:</p>
<p><code>${code}</code></p>
${message}
<form method="post" action="/__keyless/sso/approve"><input type="hidden" name="user_code" value="${code}"><button type="submit">Approve</button></form>
</body></html>`;
}

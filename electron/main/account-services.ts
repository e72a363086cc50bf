import { randomUUID } from 'node:crypto';
import { listProfileListing, listSsoAccountRoles, listSsoAccounts, startSsoLogin, whoami } from '../core/aws';
import type { SsoLogin, SsoLoginProgress } from '../core/aws';
import { openVault } from '../core/vault/vault';
import type { Vault } from '../core/vault/vault';
import { KeylessFailure } from '../../shared/errors';
import type { KeylessEvent } from '../../shared/ipc/events';
import type { ServiceTable } from './ipc-router';

/**
 * The AWS account and vault operations (issue 5). Secrets stay here: the vault is opened in
 * main, SSO tokens go into it, and what crosses to the renderer is identities and statuses.
 */
export interface AccountServiceDeps {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The app's data folder (Electron's userData); the vault file lives there. */
  readonly appDataDir: string;
  /** Opens an (allow-listed) URL in the default browser: the SSO verification page. */
  readonly openExternal: (url: string) => Promise<void>;
  readonly emit: (event: KeylessEvent) => void;
  /** Injected by tests to open an isolated vault. */
  readonly openVault?: () => Promise<Vault>;
}

type AccountOps = 'vault.status' | 'aws.listProfiles' | 'aws.whoami' | 'aws.ssoLogin' | 'aws.ssoCancel' | 'aws.ssoAccounts' | 'aws.ssoAccountRoles';

function describeProgress(progress: SsoLoginProgress): { status: 'waiting' | 'info' | 'done'; message: string } {
  switch (progress.state) {
    case 'authorizationStarted':
      return { status: 'waiting', message: `Waiting for you to approve code ${progress.userCode} in the browser.` };
    case 'browserNotOpened':
      return { status: 'info', message: `The browser did not open (${progress.reason}); open the link shown and enter the code.` };
    case 'pending':
      return { status: 'waiting', message: 'Still waiting for approval in the browser…' };
    case 'slowDown':
      return { status: 'info', message: `AWS asked to poll less often; checking every ${progress.intervalSeconds} s.` };
    case 'signedIn':
      return { status: 'info', message: 'Approved in the browser; storing the session…' };
  }
}

export function createAccountServices(deps: AccountServiceDeps): Pick<ServiceTable, AccountOps> {
  let vault: Promise<Vault> | undefined;
  const vaultOf = (): Promise<Vault> => (vault ??= deps.openVault?.() ?? openVault({ appDataDir: deps.appDataDir }));
  const logins = new Map<string, SsoLogin>();
  const awsDeps = async () => ({ env: deps.env, vault: await vaultOf() });

  const progress = (taskId: string, status: 'started' | 'waiting' | 'info' | 'done' | 'failed', message: string): void =>
    deps.emit({ kind: 'progress', taskId, stepId: 'sso-login', status, message, at: new Date().toISOString() });

  return {
    'vault.status': async () => (await vaultOf()).status(),
    'aws.listProfiles': () => listProfileListing(deps.env),
    'aws.whoami': async (request) => {
      if (!('profile' in request)) return whoami(request, await awsDeps());
      const { mfaCode } = request;
      return whoami(request.profile, { ...(await awsDeps()), ...(mfaCode === undefined ? {} : { mfaCodeProvider: () => Promise.resolve(mfaCode) }) });
    },
    'aws.ssoLogin': async (request) => {
      const taskId = randomUUID();
      const login = await startSsoLogin('profile' in request ? request.profile : request, {
        ...(await awsDeps()),
        openUrl: deps.openExternal,
        onProgress: (p) => {
          const { status, message } = describeProgress(p);
          progress(taskId, status, message);
        },
      });
      logins.set(taskId, login);
      login.done.then(
        (result) => progress(taskId, 'done', `Signed in to ${result.startUrl}; the session lasts until ${result.expiresAt}.`),
        (error: unknown) =>
          progress(taskId, 'failed', error instanceof KeylessFailure ? `${error.detail.message} ${error.detail.nextStep}` : 'The sign-in failed unexpectedly.'),
      ).finally(() => logins.delete(taskId));
      return {
        taskId,
        startUrl: login.startUrl,
        region: login.region,
        userCode: login.userCode,
        verificationUri: login.verificationUri,
        ...(login.verificationUriComplete === undefined ? {} : { verificationUriComplete: login.verificationUriComplete }),
        expiresAt: login.expiresAt,
      };
    },
    'aws.ssoCancel': ({ taskId }) => {
      const login = logins.get(taskId);
      login?.cancel();
      return Promise.resolve({ cancelled: login !== undefined });
    },
    'aws.ssoAccounts': async (request) => listSsoAccounts('profile' in request ? request.profile : request, await awsDeps()),
    'aws.ssoAccountRoles': async (request) =>
      listSsoAccountRoles('profile' in request ? request.profile : { startUrl: request.startUrl, region: request.region }, request.accountId, await awsDeps()),
  };
}

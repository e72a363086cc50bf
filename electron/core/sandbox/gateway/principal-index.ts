import type { MotoSystemAccess } from './moto-system-access';

/**
 * Who is calling, from the access key in the request's credential scope. IAM user keys are looked
 * up in moto (and cached); role-session keys are learned when the gateway issues or forwards them
 * (AssumeRole, SSO GetRoleCredentials), together with their expiry, which moto does not enforce.
 * Secrets are kept only in memory, only for keys the gateway saw issued.
 */

export interface KnownPrincipal {
  /** `arn:aws:iam::A:user/N` or `arn:aws:sts::A:assumed-role/R/S`. */
  readonly arn: string;
  readonly account: string;
  readonly kind: 'user' | 'assumed-role';
  /** User name, or the role name of a session. */
  readonly name: string;
  /** Epoch ms; role sessions only. */
  expiresAt?: number;
}

export class PrincipalIndex {
  private readonly byKey = new Map<string, KnownPrincipal>();
  /** Secrets the gateway has seen issued (seed, CreateAccessKey, AssumeRole, SSO); see s3-query-signature.ts. */
  private readonly secrets = new Map<string, string>();
  private lastRefresh = 0;

  constructor(
    private readonly access: MotoSystemAccess,
    private readonly accounts: () => readonly string[],
  ) {}

  rememberSecret(accessKeyId: string, secretAccessKey: string): void {
    this.secrets.set(accessKeyId, secretAccessKey);
  }

  secretFor(accessKeyId: string): string | undefined {
    return this.secrets.get(accessKeyId);
  }

  rememberSession(accessKeyId: string, assumedRoleArn: string, expiresAt: number, secretAccessKey?: string): void {
    if (secretAccessKey !== undefined) this.rememberSecret(accessKeyId, secretAccessKey);
    const match = /^arn:[^:]+:sts::(\d{12}):assumed-role\/([^/]+)\//.exec(assumedRoleArn);
    if (match === null) return;
    this.byKey.set(accessKeyId, { arn: assumedRoleArn, account: match[1]!, kind: 'assumed-role', name: match[2]!, expiresAt });
  }

  rememberUser(accessKeyId: string, account: string, userName: string): void {
    this.byKey.set(accessKeyId, { arn: `arn:aws:iam::${account}:user/${userName}`, account, kind: 'user', name: userName });
  }

  async identify(accessKeyId: string | undefined): Promise<KnownPrincipal | undefined> {
    if (accessKeyId === undefined) return undefined;
    const known = this.byKey.get(accessKeyId);
    if (known !== undefined || accessKeyId.startsWith('ASIA')) return known;
    // A key created since the last look (CreateAccessKey through the gateway or straight at moto).
    if (Date.now() - this.lastRefresh < 250) return undefined;
    this.lastRefresh = Date.now();
    for (const account of this.accounts()) {
      for (const key of await this.access.accessKeys(account)) this.rememberUser(key.accessKeyId, account, key.userName);
    }
    return this.byKey.get(accessKeyId);
  }

  /** Ends a role session now, so its next call answers ExpiredToken (tests; the admin endpoint). */
  expire(accessKeyId: string): boolean {
    const known = this.byKey.get(accessKeyId);
    if (known?.kind !== 'assumed-role') return false;
    known.expiresAt = Date.now() - 1;
    return true;
  }

  isExpired(accessKeyId: string | undefined): boolean {
    if (accessKeyId === undefined) return false;
    const expiresAt = this.byKey.get(accessKeyId)?.expiresAt;
    return expiresAt !== undefined && expiresAt <= Date.now();
  }
}

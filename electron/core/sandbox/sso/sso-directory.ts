import { randomBytes, randomUUID } from 'node:crypto';

/**
 * IAM Identity Center as the sandbox plays it: OIDC client registrations, device authorizations
 * (RFC 8628 semantics: authorization_pending until approved, slow_down when polled faster than the
 * interval — which then grows — and expired_token after expiry), access and refresh tokens, and
 * the accounts and roles the one sandbox SSO user may use.
 */

export interface SsoAccount {
  readonly accountId: string;
  readonly accountName: string;
  readonly emailAddress: string;
  /** Permission sets as the portal names them, each backed by an IAM role in the account. */
  readonly roles: readonly { readonly roleName: string; readonly iamRoleName: string }[];
}

export interface SsoConfig {
  readonly startUrl: string;
  readonly region: string;
  readonly userName: string;
  readonly accounts: readonly SsoAccount[];
}

export interface SsoTimings {
  deviceCodeTtlSeconds: number;
  pollIntervalSeconds: number;
  slowDownIncrementSeconds: number;
  accessTokenTtlSeconds: number;
}

export const DEFAULT_SSO_TIMINGS: SsoTimings = { deviceCodeTtlSeconds: 600, pollIntervalSeconds: 5, slowDownIncrementSeconds: 5, accessTokenTtlSeconds: 28_800 };

/** A refusal in SSO-OIDC's wire terms: the SDK maps `errorType` to its exception class. */
export class SsoRefusal extends Error {
  constructor(
    readonly errorType: string,
    readonly oauthError: string,
    readonly status: number,
    description: string,
  ) {
    super(description);
  }
}

interface ClientRegistration {
  readonly clientSecret: string;
  readonly expiresAt: number;
}

interface DeviceAuthorization {
  readonly clientId: string;
  readonly userCode: string;
  readonly expiresAt: number;
  intervalSeconds: number;
  lastPollAt?: number;
  approved: boolean;
  consumed: boolean;
}

interface IssuedToken {
  readonly clientId: string;
  readonly expiresAt: number;
}

export interface TokenGrant {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  readonly expiresIn: number;
  readonly refreshToken: string;
}

const token = (prefix: string): string => `${prefix}${randomBytes(24).toString('base64url')}`;

export class SsoDirectory {
  private readonly clients = new Map<string, ClientRegistration>();
  private readonly devices = new Map<string, DeviceAuthorization>();
  private readonly accessTokens = new Map<string, IssuedToken>();
  private readonly refreshTokens = new Map<string, string>();

  constructor(
    readonly config: SsoConfig,
    readonly timings: SsoTimings = { ...DEFAULT_SSO_TIMINGS },
    private readonly now: () => number = Date.now,
  ) {}

  registerClient(clientName: string): { clientId: string; clientSecret: string; clientIdIssuedAt: number; clientSecretExpiresAt: number } {
    if (clientName === '') throw new SsoRefusal('InvalidRequestException', 'invalid_request', 400, 'clientName is required.');
    const clientId = token('kc-');
    const clientSecret = token('kcs-');
    const issuedAt = Math.floor(this.now() / 1000);
    const expiresAt = issuedAt + 90 * 24 * 3600;
    this.clients.set(clientId, { clientSecret, expiresAt: expiresAt * 1000 });
    return { clientId, clientSecret, clientIdIssuedAt: issuedAt, clientSecretExpiresAt: expiresAt };
  }

  startDeviceAuthorization(clientId: string, clientSecret: string, startUrl: string): { deviceCode: string; userCode: string; expiresIn: number; interval: number } {
    this.checkClient(clientId, clientSecret);
    if (startUrl !== this.config.startUrl) {
      throw new SsoRefusal('InvalidRequestException', 'invalid_request', 400, `Unknown start URL ${startUrl}; this sandbox serves ${this.config.startUrl}.`);
    }
    const deviceCode = token('kd-');
    const userCode = `${randomBytes(2).toString('hex')}-${randomBytes(2).toString('hex')}`.toUpperCase();
    this.devices.set(deviceCode, {
      clientId,
      userCode,
      expiresAt: this.now() + this.timings.deviceCodeTtlSeconds * 1000,
      intervalSeconds: this.timings.pollIntervalSeconds,
      approved: false,
      consumed: false,
    });
    return { deviceCode, userCode, expiresIn: this.timings.deviceCodeTtlSeconds, interval: this.timings.pollIntervalSeconds };
  }

  /** What the person at the verification page does. */
  approve(userCode: string): boolean {
    const wanted = userCode.trim().toUpperCase();
    for (const device of this.devices.values()) {
      if (device.userCode === wanted && !device.consumed && device.expiresAt > this.now()) {
        device.approved = true;
        return true;
      }
    }
    return false;
  }

  redeemDeviceCode(clientId: string, clientSecret: string, deviceCode: string): TokenGrant {
    this.checkClient(clientId, clientSecret);
    const device = this.devices.get(deviceCode);
    if (device === undefined || device.clientId !== clientId || device.consumed) {
      throw new SsoRefusal('InvalidGrantException', 'invalid_grant', 400, 'Invalid device code provided');
    }
    const now = this.now();
    if (now >= device.expiresAt) throw new SsoRefusal('ExpiredTokenException', 'expired_token', 400, 'Device code has expired');
    const tooSoon = device.lastPollAt !== undefined && now - device.lastPollAt < device.intervalSeconds * 1000;
    device.lastPollAt = now;
    if (tooSoon) {
      device.intervalSeconds += this.timings.slowDownIncrementSeconds;
      throw new SsoRefusal('SlowDownException', 'slow_down', 400, 'Client is polling too quickly');
    }
    if (!device.approved) throw new SsoRefusal('AuthorizationPendingException', 'authorization_pending', 400, 'Authorization is still pending');
    device.consumed = true;
    return this.issue(clientId);
  }

  redeemRefreshToken(clientId: string, clientSecret: string, refreshToken: string): TokenGrant {
    this.checkClient(clientId, clientSecret);
    const owner = this.refreshTokens.get(refreshToken);
    if (owner !== clientId) throw new SsoRefusal('InvalidGrantException', 'invalid_grant', 400, 'Invalid refresh token provided');
    this.refreshTokens.delete(refreshToken);
    return this.issue(clientId);
  }

  /** True while the access token is valid; the portal answers 401 otherwise. */
  isValidAccessToken(accessToken: string): boolean {
    const issued = this.accessTokens.get(accessToken);
    return issued !== undefined && issued.expiresAt > this.now();
  }

  logout(accessToken: string): void {
    this.accessTokens.delete(accessToken);
  }

  private issue(clientId: string): TokenGrant {
    const accessToken = token('kat-');
    const refreshToken = token('krt-');
    this.accessTokens.set(accessToken, { clientId, expiresAt: this.now() + this.timings.accessTokenTtlSeconds * 1000 });
    this.refreshTokens.set(refreshToken, clientId);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.timings.accessTokenTtlSeconds, refreshToken };
  }

  private checkClient(clientId: string, clientSecret: string): void {
    const client = this.clients.get(clientId);
    if (client === undefined || client.clientSecret !== clientSecret || client.expiresAt <= this.now()) {
      throw new SsoRefusal('InvalidClientException', 'invalid_client', 401, 'Invalid client provided');
    }
  }
}

export const newRequestId = (): string => randomUUID();

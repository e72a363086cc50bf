/**
 * The shapes the AWS account services hand to the app, the CLI and tests. Every one is plain
 * JSON (strings, numbers, booleans, arrays, objects) so it can cross IPC as is, and none carries
 * a secret: no access key secret, session token, SSO access or refresh token, or client secret.
 */

/** How a profile gets its credentials, in the order the SDK's `fromIni` checks them. */
export type ProfileKind =
  | 'static'
  | 'sso'
  | 'legacySso'
  | 'assumeRole'
  | 'process'
  | 'webIdentity'
  | 'login'
  | 'environment'
  | 'instanceRole'
  /** A profile with settings (region, output...) but nothing that yields credentials. */
  | 'noCredentials';

/**
 * Whether the profile can be used now:
 * - `ready`: credentials can be obtained without asking the user anything;
 * - `ssoLoginNeeded`: no valid or refreshable SSO token (sign in with `keyless sso login`);
 * - `mfaNeeded`: the role chain has `mfa_serial`, so a code will be asked for;
 * - `brokenChain`: `source_profile` names a missing profile, or the chain loops;
 * - `incomplete`: a required setting is missing (e.g. a secret without its key id);
 * - `noCredentials`: nothing in the profile yields credentials.
 */
export type ProfileStatus = 'ready' | 'ssoLoginNeeded' | 'mfaNeeded' | 'brokenChain' | 'incomplete' | 'noCredentials';

/** Where a profile's definition came from. */
export type ProfileOrigin = 'config' | 'credentials' | 'both' | 'environment' | 'runtime';

export interface SsoSettings {
  readonly startUrl?: string;
  readonly region?: string;
  /** The `[sso-session NAME]` the profile uses; absent for legacy SSO profiles. */
  readonly session?: string;
  readonly accountId?: string;
  readonly roleName?: string;
}

/** One link of a role chain: the profile and what it contributes. */
export interface ChainLink {
  readonly profile: string;
  readonly kind: ProfileKind;
  readonly roleArn?: string;
  /** `credential_source` of the last link (`Environment`, `Ec2InstanceMetadata`, `EcsContainer`). */
  readonly credentialSource?: string;
  readonly mfaSerial?: string;
}

export interface ProfileSummary {
  readonly name: string;
  readonly kind: ProfileKind;
  readonly origin: ProfileOrigin;
  readonly region?: string;
  readonly status: ProfileStatus;
  /** One sentence on the status, naming what is missing and what to do. */
  readonly statusDetail: string;
  readonly sso?: SsoSettings;
  /** For `assumeRole`: the profile itself first, then each source down to where credentials come from. */
  readonly sourceChain?: readonly ChainLink[];
  readonly roleArn?: string;
  readonly mfaSerial?: string;
  /** True for the entry the SDK would use with no profile named: @environment when AWS_ACCESS_KEY_ID is set, else AWS_PROFILE, else `default`. */
  readonly isDefault: boolean;
}

export interface ProfileListing {
  readonly profiles: readonly ProfileSummary[];
  /** The files and variables read, for "where we looked" messages. */
  readonly configFile: string;
  readonly credentialsFile: string;
  /** The entry used when no profile is named (see ProfileSummary.isDefault). */
  readonly selectedProfile: string;
}

export type PrincipalType = 'user' | 'assumedRole' | 'root' | 'federatedUser' | 'other';

export interface Identity {
  readonly profile: string;
  readonly kind: ProfileKind;
  readonly account: string;
  readonly arn: string;
  readonly userId: string;
  readonly partition: string;
  readonly principalType: PrincipalType;
  /** The profile's default region (or AWS_REGION), the one later calls use. */
  readonly region: string;
  /** When the credentials used expire (ISO 8601); absent for long-term keys. */
  readonly credentialsExpireAt?: string;
  /** True when the credentials came from the vault's cache rather than a fresh sign-in or AssumeRole. */
  readonly fromCache: boolean;
  readonly requestId?: string;
}

/** An SSO portal sign-in target given without a profile (the admin typed a start URL). */
export interface SsoStartTarget {
  readonly startUrl: string;
  readonly region: string;
}

/** An account and permission set picked in the portal, used without writing a profile. */
export interface SsoRoleTarget extends SsoStartTarget {
  readonly accountId: string;
  readonly roleName: string;
}

export type SsoLoginProgress =
  | {
      readonly state: 'authorizationStarted';
      readonly verificationUri: string;
      readonly verificationUriComplete?: string;
      readonly userCode: string;
      readonly expiresAt: string;
      readonly intervalSeconds: number;
    }
  | { readonly state: 'browserNotOpened'; readonly reason: string }
  | { readonly state: 'pending'; readonly attempt: number }
  | { readonly state: 'slowDown'; readonly intervalSeconds: number }
  | { readonly state: 'signedIn'; readonly expiresAt: string };

export interface SsoLoginResult {
  readonly startUrl: string;
  readonly region: string;
  /** When the access token expires (ISO 8601); the refresh token may extend it. */
  readonly expiresAt: string;
  readonly refreshable: boolean;
}

export interface SsoLogin {
  readonly startUrl: string;
  readonly region: string;
  readonly userCode: string;
  readonly verificationUri: string;
  readonly verificationUriComplete?: string;
  readonly expiresAt: string;
  /** Resolves once the user approved and the token is in the vault; rejects with a KeylessFailure otherwise. */
  readonly done: Promise<SsoLoginResult>;
  /** Stops polling; `done` rejects with SSO_LOGIN_CANCELLED. */
  cancel(): void;
}

/** The part of an SsoLogin that can cross IPC: what the user needs to see, no promise or function. */
export type SsoLoginStarted = Omit<SsoLogin, 'done' | 'cancel'>;

export interface SsoAccountSummary {
  readonly accountId: string;
  readonly accountName?: string;
  readonly emailAddress?: string;
}

export interface SsoAccountRole {
  readonly accountId: string;
  readonly roleName: string;
}

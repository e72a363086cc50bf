import { z } from 'zod';

/**
 * Wire shapes of the AWS account and vault operations (issue 5). They carry names, ARNs and
 * statuses only: the router parses every response through these schemas, so a credential or
 * token a service held by mistake is stripped before it can reach the renderer.
 */

const ProfileKind = z.enum(['static', 'sso', 'legacySso', 'assumeRole', 'process', 'webIdentity', 'login', 'environment', 'instanceRole', 'noCredentials']);
const ProfileStatus = z.enum(['ready', 'ssoLoginNeeded', 'mfaNeeded', 'brokenChain', 'incomplete', 'noCredentials']);

export const ProfileSummary = z.object({
  name: z.string(),
  kind: ProfileKind,
  origin: z.enum(['config', 'credentials', 'both', 'environment', 'runtime']),
  region: z.string().optional(),
  status: ProfileStatus,
  statusDetail: z.string(),
  sso: z
    .object({ startUrl: z.string().optional(), region: z.string().optional(), session: z.string().optional(), accountId: z.string().optional(), roleName: z.string().optional() })
    .optional(),
  sourceChain: z.array(z.object({ profile: z.string(), kind: ProfileKind, roleArn: z.string().optional(), credentialSource: z.string().optional(), mfaSerial: z.string().optional() })).readonly().optional(),
  roleArn: z.string().optional(),
  mfaSerial: z.string().optional(),
  isDefault: z.boolean(),
});
export type ProfileSummary = z.infer<typeof ProfileSummary>;

export const ProfileListing = z.object({
  profiles: z.array(ProfileSummary).readonly(),
  configFile: z.string(),
  credentialsFile: z.string(),
  selectedProfile: z.string(),
});
export type ProfileListing = z.infer<typeof ProfileListing>;

export const Identity = z.object({
  profile: z.string(),
  kind: ProfileKind,
  account: z.string(),
  arn: z.string(),
  userId: z.string(),
  partition: z.string(),
  principalType: z.enum(['user', 'assumedRole', 'root', 'federatedUser', 'other']),
  region: z.string(),
  credentialsExpireAt: z.string().optional(),
  fromCache: z.boolean(),
  requestId: z.string().optional(),
});
export type Identity = z.infer<typeof Identity>;

const ProfileName = z.string().min(1).max(256);
const StartUrl = z.url({ protocol: /^https?$/ }).max(1024);
const Region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as us-east-1');

const AccountId = z.string().regex(/^\d{12}$/, 'a 12-digit AWS account id');

export const SsoTarget = z.union([z.object({ profile: ProfileName }).strict(), z.object({ startUrl: StartUrl, region: Region }).strict()]);
export type SsoTarget = z.infer<typeof SsoTarget>;

export const SsoAccountTarget = z.union([
  z.object({ profile: ProfileName, accountId: AccountId }).strict(),
  z.object({ startUrl: StartUrl, region: Region, accountId: AccountId }).strict(),
]);

export const WhoamiRequest = z.union([
  // The MFA code is typed by the user for a role chain with mfa_serial; main uses it once and keeps nothing.
  z.object({ profile: ProfileName, mfaCode: z.string().regex(/^\d{6}$/, 'the 6-digit code from the MFA device').optional() }).strict(),
  z.object({ startUrl: StartUrl, region: Region, accountId: AccountId, roleName: z.string().min(1).max(128) }).strict(),
]);

export const SsoLoginStarted = z.object({
  taskId: z.string(),
  startUrl: z.string(),
  region: z.string(),
  userCode: z.string(),
  verificationUri: z.string(),
  verificationUriComplete: z.string().optional(),
  expiresAt: z.string(),
});
export type SsoLoginStarted = z.infer<typeof SsoLoginStarted>;

export const SsoAccounts = z.array(z.object({ accountId: z.string(), accountName: z.string().optional(), emailAddress: z.string().optional() }));
export const SsoAccountRoles = z.array(z.object({ accountId: z.string(), roleName: z.string() }));

const ErrorShape = z.object({ code: z.string(), message: z.string(), nextStep: z.string() });
export const VaultStatus = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('keychain'), backend: z.string(), file: z.string(), warning: ErrorShape.extend({ setAsideFile: z.string() }).optional() }),
  z.object({ mode: z.literal('memory'), reason: z.string(), warning: ErrorShape }),
]);
export type VaultStatus = z.infer<typeof VaultStatus>;

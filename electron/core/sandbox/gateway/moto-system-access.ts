import {
  GetInstanceProfileCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  GetGroupPolicyCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupPoliciesCommand,
  ListGroupsForUserCommand,
  ListRolePoliciesCommand,
  ListUserPoliciesCommand,
  ListUsersCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

/**
 * The gateway's own view of moto's state. moto enforces IAM policies once seeding is done, so the
 * gateway reads through a user of its own in a separate control account: from there it assumes
 * a system role seeded into every sandbox account (reads), or assumes a target role directly
 * (minting credentials after the gateway itself has decided the trust policy allows it — moto
 * checks trust only for roles in the caller's own account, and never cross-account).
 */

export interface AwsCredentialIdentity {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export const CONTROL_ACCOUNT = '999999999999';
export const SYSTEM_ROLE_NAME = 'keyless-sandbox-system';
export const CONTROL_USER_NAME = 'keyless-sandbox-gateway';

/** Where a policy came from, in SimulatePrincipalPolicy's PolicySourceType terms. */
export type PolicySourceType = 'user' | 'group' | 'role' | 'aws-managed' | 'user-managed' | 'resource' | 'none';

export interface StoredPolicy {
  readonly name: string;
  readonly text: string;
  readonly sourceType: PolicySourceType;
}

export interface PrincipalPolicies {
  readonly identity: readonly StoredPolicy[];
  readonly boundary?: StoredPolicy;
}

export interface StoredRole {
  readonly arn: string;
  readonly name: string;
  readonly trustPolicyText: string;
  readonly maxSessionDuration: number;
}

export interface MintedSession {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiration: Date;
  readonly assumedRoleArn: string;
  readonly assumedRoleId: string;
}

/** IAM hands policy documents back URL-encoded (aws.md §0.4). */
export function decodePolicyDocument(text: string): string {
  return text.trimStart().startsWith('%') ? decodeURIComponent(text) : text;
}

export class MotoSystemAccess {
  private readonly accountCredentials = new Map<string, Promise<AwsCredentialIdentity>>();
  private readonly iamClients = new Map<string, IAMClient>();

  constructor(
    private readonly motoEndpoint: string,
    private readonly control: AwsCredentialIdentity,
  ) {}

  iam(account: string): IAMClient {
    let client = this.iamClients.get(account);
    if (client === undefined) {
      client = new IAMClient({ endpoint: this.motoEndpoint, region: 'us-east-1', credentials: () => this.credentialsFor(account), maxAttempts: 1 });
      this.iamClients.set(account, client);
    }
    return client;
  }

  private stsClient: STSClient | undefined;

  private controlSts(): STSClient {
    this.stsClient ??= new STSClient({ endpoint: this.motoEndpoint, region: 'us-east-1', credentials: this.control, maxAttempts: 1 });
    return this.stsClient;
  }

  private credentialsFor(account: string): Promise<AwsCredentialIdentity> {
    let pending = this.accountCredentials.get(account);
    if (pending === undefined) {
      pending = this.mint(`arn:aws:iam::${account}:role/${SYSTEM_ROLE_NAME}`, 'keyless-sandbox', 43_200).then((session) => ({
        accessKeyId: session.accessKeyId,
        secretAccessKey: session.secretAccessKey,
        sessionToken: session.sessionToken,
      }));
      pending.catch(() => this.accountCredentials.delete(account));
      this.accountCredentials.set(account, pending);
    }
    return pending;
  }

  /** Credentials for a role session, issued without moto's own trust check (see the file comment). */
  async mint(roleArn: string, sessionName: string, durationSeconds: number): Promise<MintedSession> {
    const out = await this.controlSts().send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: sessionName, DurationSeconds: durationSeconds }));
    const credentials = out.Credentials;
    if (credentials?.AccessKeyId === undefined || credentials.SecretAccessKey === undefined || credentials.SessionToken === undefined) {
      throw new Error(`moto issued no credentials for ${roleArn}`);
    }
    return {
      accessKeyId: credentials.AccessKeyId,
      secretAccessKey: credentials.SecretAccessKey,
      sessionToken: credentials.SessionToken,
      expiration: credentials.Expiration ?? new Date(Date.now() + durationSeconds * 1000),
      assumedRoleArn: out.AssumedRoleUser?.Arn ?? roleArn,
      assumedRoleId: out.AssumedRoleUser?.AssumedRoleId ?? '',
    };
  }

  /** The role, or undefined when the account has no such role. */
  async role(account: string, roleName: string): Promise<StoredRole | undefined> {
    try {
      const out = await this.iam(account).send(new GetRoleCommand({ RoleName: roleName }));
      const role = out.Role;
      if (role === undefined) return undefined;
      return {
        arn: role.Arn ?? '',
        name: role.RoleName ?? roleName,
        trustPolicyText: decodePolicyDocument(role.AssumeRolePolicyDocument ?? '{}'),
        maxSessionDuration: role.MaxSessionDuration ?? 3600,
      };
    } catch (error) {
      if (isNoSuchEntity(error)) return undefined;
      throw error;
    }
  }

  async rolePolicies(account: string, roleName: string): Promise<PrincipalPolicies | undefined> {
    const iam = this.iam(account);
    let boundaryArn: string | undefined;
    try {
      boundaryArn = (await iam.send(new GetRoleCommand({ RoleName: roleName }))).Role?.PermissionsBoundary?.PermissionsBoundaryArn;
    } catch (error) {
      if (isNoSuchEntity(error)) return undefined;
      throw error;
    }
    const identity: StoredPolicy[] = [];
    for (const name of (await iam.send(new ListRolePoliciesCommand({ RoleName: roleName, MaxItems: 1000 }))).PolicyNames ?? []) {
      const out = await iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: name }));
      identity.push({ name, text: decodePolicyDocument(out.PolicyDocument ?? '{}'), sourceType: 'role' });
    }
    const attached = (await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName, MaxItems: 1000 }))).AttachedPolicies ?? [];
    for (const policy of attached) if (policy.PolicyArn !== undefined) identity.push(await this.managedPolicy(iam, policy.PolicyArn));
    return { identity, ...(boundaryArn !== undefined ? { boundary: await this.managedPolicy(iam, boundaryArn) } : {}) };
  }

  async userPolicies(account: string, userName: string): Promise<PrincipalPolicies | undefined> {
    const iam = this.iam(account);
    let boundaryArn: string | undefined;
    try {
      boundaryArn = (await iam.send(new GetUserCommand({ UserName: userName }))).User?.PermissionsBoundary?.PermissionsBoundaryArn;
    } catch (error) {
      if (isNoSuchEntity(error)) return undefined;
      throw error;
    }
    const identity: StoredPolicy[] = [];
    for (const name of (await iam.send(new ListUserPoliciesCommand({ UserName: userName, MaxItems: 1000 }))).PolicyNames ?? []) {
      const out = await iam.send(new GetUserPolicyCommand({ UserName: userName, PolicyName: name }));
      identity.push({ name, text: decodePolicyDocument(out.PolicyDocument ?? '{}'), sourceType: 'user' });
    }
    const attached = (await iam.send(new ListAttachedUserPoliciesCommand({ UserName: userName, MaxItems: 1000 }))).AttachedPolicies ?? [];
    for (const policy of attached) if (policy.PolicyArn !== undefined) identity.push(await this.managedPolicy(iam, policy.PolicyArn));
    for (const group of (await iam.send(new ListGroupsForUserCommand({ UserName: userName, MaxItems: 1000 }))).Groups ?? []) {
      const groupName = group.GroupName ?? '';
      for (const name of (await iam.send(new ListGroupPoliciesCommand({ GroupName: groupName, MaxItems: 1000 }))).PolicyNames ?? []) {
        const out = await iam.send(new GetGroupPolicyCommand({ GroupName: groupName, PolicyName: name }));
        identity.push({ name, text: decodePolicyDocument(out.PolicyDocument ?? '{}'), sourceType: 'group' });
      }
      const groupAttached = (await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: groupName, MaxItems: 1000 }))).AttachedPolicies ?? [];
      for (const policy of groupAttached) if (policy.PolicyArn !== undefined) identity.push(await this.managedPolicy(iam, policy.PolicyArn));
    }
    return { identity, ...(boundaryArn !== undefined ? { boundary: await this.managedPolicy(iam, boundaryArn) } : {}) };
  }

  /** ARNs of the roles in the instance profile; undefined when there is no such profile. */
  async instanceProfileRoles(account: string, profileName: string): Promise<string[] | undefined> {
    try {
      const out = await this.iam(account).send(new GetInstanceProfileCommand({ InstanceProfileName: profileName }));
      return (out.InstanceProfile?.Roles ?? []).flatMap((role) => (role.Arn !== undefined ? [role.Arn] : []));
    } catch (error) {
      if (isNoSuchEntity(error)) return undefined;
      throw error;
    }
  }

  /** Every IAM user access key of the account, with its owner. */
  async accessKeys(account: string): Promise<{ accessKeyId: string; userName: string }[]> {
    const iam = this.iam(account);
    const keys: { accessKeyId: string; userName: string }[] = [];
    for (const user of (await iam.send(new ListUsersCommand({ MaxItems: 1000 }))).Users ?? []) {
      const userName = user.UserName ?? '';
      for (const key of (await iam.send(new ListAccessKeysCommand({ UserName: userName }))).AccessKeyMetadata ?? []) {
        if (key.AccessKeyId !== undefined) keys.push({ accessKeyId: key.AccessKeyId, userName });
      }
    }
    return keys;
  }

  private async managedPolicy(iam: IAMClient, policyArn: string): Promise<StoredPolicy> {
    const policy = (await iam.send(new GetPolicyCommand({ PolicyArn: policyArn }))).Policy;
    const version = await iam.send(new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: policy?.DefaultVersionId ?? 'v1' }));
    return {
      name: policy?.PolicyName ?? policyArn,
      text: decodePolicyDocument(version.PolicyVersion?.Document ?? '{}'),
      sourceType: policyArn.includes(':iam::aws:policy/') ? 'aws-managed' : 'user-managed',
    };
  }
}

export function isNoSuchEntity(error: unknown): boolean {
  return typeof error === 'object' && error !== null && ((error as { name?: string }).name === 'NoSuchEntityException' || (error as { name?: string }).name === 'NoSuchEntity');
}

import type { IAMClient, ListAttachedRolePoliciesCommandOutput, ListRolePoliciesCommandOutput } from '@aws-sdk/client-iam';
import { AwsClientPool } from './aws-client-pool';
import type { IicsAwsAccess } from './aws-client-pool';

export type { AwsCredentials, IicsAwsAccess } from './aws-client-pool';

/**
 * Reads, through the sandbox's AWS endpoint (moto, usually behind the gateway), the state a
 * Secure Agent's connection test depends on: its EC2 instance, the instance profile, roles and
 * their policies, and the bucket. Read-only: a connection test never changes AWS.
 */

export interface AgentInstance {
  readonly instanceId: string;
  readonly state: string;
  readonly privateDnsName: string;
  readonly privateIpAddress: string;
}

export interface RoleSummary {
  readonly name: string;
  readonly arn: string;
}

export interface InstanceProfileState {
  readonly name: string;
  readonly arn: string;
  readonly roles: readonly RoleSummary[];
}

export interface PolicyText {
  readonly name: string;
  readonly text: string;
}

export interface RoleState {
  readonly name: string;
  readonly arn: string;
  readonly account: string;
  readonly trustPolicy: string;
  readonly inlinePolicies: readonly PolicyText[];
  readonly attachedPolicies: readonly PolicyText[];
  readonly permissionsBoundary: PolicyText | undefined;
}

export interface BucketState {
  readonly name: string;
  readonly region: string;
  /** The owning account when one of the readable accounts owns it. */
  readonly account: string | undefined;
  readonly policy: string | undefined;
}

/** IAM returns policy documents URL-encoded (RFC 3986); moto does too. */
export function decodePolicyDocument(document: string): string {
  return document.trimStart().startsWith('{') ? document : decodeURIComponent(document);
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

/** S3 answers "no location constraint" for us-east-1 and the legacy "EU" for eu-west-1. */
function bucketRegion(locationConstraint: string | undefined): string {
  if (locationConstraint === undefined || locationConstraint === '') return 'us-east-1';
  return locationConstraint === 'EU' ? 'eu-west-1' : locationConstraint;
}

export class AwsStateReader {
  private readonly clients: AwsClientPool;

  constructor(access: IicsAwsAccess) {
    this.clients = new AwsClientPool(access);
  }

  agentAccount(): Promise<string> {
    return this.clients.agentAccount();
  }

  async canRead(account: string): Promise<boolean> {
    return (await this.clients.readableAccounts()).includes(account);
  }

  /** The instance whose private DNS name, its first label, or private IP is `agentHost`. */
  async findInstanceByHost(agentHost: string): Promise<AgentInstance | undefined> {
    const { DescribeInstancesCommand } = await import('@aws-sdk/client-ec2');
    const ec2 = await this.clients.ec2();
    const host = agentHost.trim().toLowerCase();
    let nextToken: string | undefined;
    do {
      const page = await ec2.send(new DescribeInstancesCommand({ NextToken: nextToken }));
      for (const reservation of page.Reservations ?? []) {
        for (const instance of reservation.Instances ?? []) {
          const dns = (instance.PrivateDnsName ?? '').toLowerCase();
          const ip = instance.PrivateIpAddress ?? '';
          if (host === dns || (dns !== '' && host === dns.split('.')[0]) || host === ip) {
            return {
              instanceId: instance.InstanceId ?? '',
              state: instance.State?.Name ?? 'unknown',
              privateDnsName: instance.PrivateDnsName ?? '',
              privateIpAddress: ip,
            };
          }
        }
      }
      nextToken = page.NextToken;
    } while (nextToken !== undefined && nextToken !== '');
    return undefined;
  }

  /** ARN of the instance profile currently associated with the instance, if any. */
  async associatedInstanceProfileArn(instanceId: string): Promise<string | undefined> {
    const { DescribeIamInstanceProfileAssociationsCommand } = await import('@aws-sdk/client-ec2');
    const ec2 = await this.clients.ec2();
    const answer = await ec2.send(
      new DescribeIamInstanceProfileAssociationsCommand({ Filters: [{ Name: 'instance-id', Values: [instanceId] }] }),
    );
    const association = (answer.IamInstanceProfileAssociations ?? []).find(
      (a) => a.InstanceId === instanceId && (a.State === 'associated' || a.State === 'associating'),
    );
    return association?.IamInstanceProfile?.Arn;
  }

  async instanceProfile(name: string): Promise<InstanceProfileState | undefined> {
    const { GetInstanceProfileCommand } = await import('@aws-sdk/client-iam');
    const iam = await this.clients.iam(await this.agentAccount());
    try {
      const { InstanceProfile: profile } = await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: name }));
      return {
        name: profile?.InstanceProfileName ?? name,
        arn: profile?.Arn ?? '',
        roles: (profile?.Roles ?? []).map((r) => ({ name: r.RoleName ?? '', arn: r.Arn ?? '' })),
      };
    } catch (error) {
      if (errorName(error) === 'NoSuchEntityException') return undefined;
      throw error;
    }
  }

  /** The role and every policy that applies to it, or undefined when it does not exist. */
  async role(account: string, roleName: string): Promise<RoleState | undefined> {
    const iamModule = await import('@aws-sdk/client-iam');
    const iam = await this.clients.iam(account);
    let role;
    try {
      role = (await iam.send(new iamModule.GetRoleCommand({ RoleName: roleName }))).Role;
    } catch (error) {
      if (errorName(error) === 'NoSuchEntityException') return undefined;
      throw error;
    }
    const inlineNames: string[] = [];
    let marker: string | undefined;
    do {
      const page: ListRolePoliciesCommandOutput = await iam.send(new iamModule.ListRolePoliciesCommand({ RoleName: roleName, Marker: marker }));
      inlineNames.push(...(page.PolicyNames ?? []));
      marker = page.IsTruncated === true ? page.Marker : undefined;
    } while (marker !== undefined);
    const inlinePolicies = await Promise.all(
      inlineNames.map(async (name) => {
        const answer = await iam.send(new iamModule.GetRolePolicyCommand({ RoleName: roleName, PolicyName: name }));
        return { name, text: decodePolicyDocument(answer.PolicyDocument ?? '') };
      }),
    );
    const attachedArns: string[] = [];
    do {
      const page: ListAttachedRolePoliciesCommandOutput = await iam.send(new iamModule.ListAttachedRolePoliciesCommand({ RoleName: roleName, Marker: marker }));
      attachedArns.push(...(page.AttachedPolicies ?? []).map((p) => p.PolicyArn ?? ''));
      marker = page.IsTruncated === true ? page.Marker : undefined;
    } while (marker !== undefined);
    const attachedPolicies = await Promise.all(attachedArns.map((arn) => this.managedPolicy(iam, arn)));
    const boundaryArn = role?.PermissionsBoundary?.PermissionsBoundaryArn;
    return {
      name: role?.RoleName ?? roleName,
      arn: role?.Arn ?? '',
      account,
      trustPolicy: decodePolicyDocument(role?.AssumeRolePolicyDocument ?? ''),
      inlinePolicies,
      attachedPolicies,
      permissionsBoundary: boundaryArn === undefined ? undefined : await this.managedPolicy(iam, boundaryArn),
    };
  }

  /** The bucket's region, owner (if readable) and policy, or undefined when no such bucket exists. */
  async bucket(name: string): Promise<BucketState | undefined> {
    const s3Module = await import('@aws-sdk/client-s3');
    const agentAccount = await this.agentAccount();
    const s3 = await this.clients.s3(agentAccount);
    let region: string;
    try {
      const location = await s3.send(new s3Module.GetBucketLocationCommand({ Bucket: name }));
      region = bucketRegion(location.LocationConstraint);
    } catch (error) {
      if (errorName(error) === 'NoSuchBucket') return undefined;
      throw error;
    }
    let policy: string | undefined;
    try {
      policy = (await s3.send(new s3Module.GetBucketPolicyCommand({ Bucket: name }))).Policy;
    } catch (error) {
      if (errorName(error) !== 'NoSuchBucketPolicy') throw error;
    }
    let account: string | undefined;
    for (const candidate of await this.clients.readableAccounts()) {
      const listed = await (await this.clients.s3(candidate)).send(new s3Module.ListBucketsCommand({}));
      if ((listed.Buckets ?? []).some((b) => b.Name === name)) {
        account = candidate;
        break;
      }
    }
    return { name, region, account, policy };
  }

  destroy(): void {
    this.clients.destroy();
  }

  private async managedPolicy(iam: IAMClient, arn: string): Promise<PolicyText> {
    const { GetPolicyCommand, GetPolicyVersionCommand } = await import('@aws-sdk/client-iam');
    const policy = (await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy;
    const version = await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: policy?.DefaultVersionId ?? 'v1' }));
    return { name: policy?.PolicyName ?? arn, text: decodePolicyDocument(version.PolicyVersion?.Document ?? '') };
  }
}

import type { Partition } from '../policy/model';

/** ARNs of what the plan names, known before anything exists (IAM ARNs are name + path). */
export function iamArn(partition: Partition, accountId: string, type: 'role' | 'policy' | 'instance-profile', path: string, name: string): string {
  return `arn:${partition}:iam::${accountId}:${type}${path}${name}`;
}

export function instanceArn(partition: Partition, region: string, accountId: string, instanceId: string): string {
  return `arn:${partition}:ec2:${region}:${accountId}:instance/${instanceId}`;
}

/** The name at the end of an IAM ARN (after the path). */
export function nameOfArn(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

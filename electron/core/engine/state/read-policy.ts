import { GetPolicyCommand, GetPolicyVersionCommand, ListPolicyTagsCommand, ListPolicyVersionsCommand, type IAMClient } from '@aws-sdk/client-iam';
import type { ObservedPolicy, ObservedPolicyVersion } from '../../../../shared/plan/observed-state';
import { awsFailure, decodePolicyDocument, isNotFound } from '../aws-errors';
import { tagMap } from './read-role';

export async function readPolicyVersions(iam: IAMClient, policyArn: string): Promise<ObservedPolicyVersion[]> {
  const versions: ObservedPolicyVersion[] = [];
  let marker: string | undefined;
  do {
    const page = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: policyArn, ...(marker ? { Marker: marker } : {}) }));
    for (const version of page.Versions ?? []) {
      if (version.VersionId === undefined) continue;
      versions.push({ versionId: version.VersionId, isDefault: version.IsDefaultVersion === true, createDate: version.CreateDate?.toISOString() ?? '' });
    }
    marker = page.IsTruncated === true ? page.Marker : undefined;
  } while (marker !== undefined);
  return versions;
}

export async function readPolicyDocument(iam: IAMClient, policyArn: string, versionId: string): Promise<unknown> {
  const { PolicyVersion: version } = await iam.send(new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: versionId }));
  return decodePolicyDocument(version?.Document);
}

/** A managed policy: default document, every version (for the five-version limit), tags. */
export async function readPolicy(iam: IAMClient, policyArn: string): Promise<ObservedPolicy | null> {
  try {
    const { Policy: policy } = await iam.send(new GetPolicyCommand({ PolicyArn: policyArn }));
    if (policy?.Arn === undefined || policy.DefaultVersionId === undefined) return null;
    const [document, versions, tags] = await Promise.all([
      readPolicyDocument(iam, policyArn, policy.DefaultVersionId),
      readPolicyVersions(iam, policyArn),
      iam.send(new ListPolicyTagsCommand({ PolicyArn: policyArn })),
    ]);
    return { arn: policy.Arn, name: policy.PolicyName ?? '', defaultVersionId: policy.DefaultVersionId, document, versions, tags: tagMap(tags.Tags) };
  } catch (error) {
    if (isNotFound(error)) return null;
    throw awsFailure(error, `Reading managed policy ${policyArn}`);
  }
}

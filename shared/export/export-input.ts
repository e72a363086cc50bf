import type { Partition, PolicyDocument } from '../policy/model';
import type { ResourceTag } from '../validation/tags';

/**
 * The one model every export format renders (DESIGN §1 job 1, §2 setups):
 * - `instanceRole` (A): one role, trusted by EC2, holds the S3 policy; it sits in the instance
 *   profile of the agent's instance.
 * - `assumeConnectorRole` (B): the instance role holds only sts:AssumeRole on a connector role in
 *   the same account; the connector role trusts the instance role and holds the S3 policy.
 * - `crossAccount` (C): as B, but the connector role lives in the bucket's account and trusts the
 *   agent's account; the export has one part per account.
 */
export type SetupKind = 'instanceRole' | 'assumeConnectorRole' | 'crossAccount';

export type ExportFormat = 'json' | 'terraform' | 'cloudformation' | 'aws-cli';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'terraform', 'cloudformation', 'aws-cli'];

export interface ExportNames {
  /** The role in the instance profile (A: it also holds the S3 policy). */
  readonly role: string;
  /** The managed policy with the S3 (and KMS) permissions. */
  readonly policy: string;
  readonly instanceProfile: string;
  /** B and C: the role the connection's "IAM Role ARN" names. */
  readonly connectorRole?: string;
  /** B and C: the managed policy on the instance role allowing sts:AssumeRole on the connector role. */
  readonly assumePolicy?: string;
}

export interface ExportDocuments {
  readonly permissions: PolicyDocument;
  /** Trust policy of the instance role (the EC2 service). */
  readonly instanceRoleTrust: PolicyDocument;
  /** B and C: trust policy of the connector role. */
  readonly connectorRoleTrust?: PolicyDocument;
  /** B and C: the instance role's permission to assume the connector role. */
  readonly assume?: PolicyDocument;
}

export interface ExportInput {
  readonly setup: SetupKind;
  readonly partition: Partition;
  readonly names: ExportNames;
  /** IAM path for roles, policies and the instance profile. */
  readonly path: string;
  readonly permissionsBoundaryArn?: string;
  readonly tags: readonly ResourceTag[];
  readonly documents: ExportDocuments;
  /** B: the account of both roles; C: the bucket's account (connector role). Scripts check it. */
  readonly accountId?: string;
  /** C: the agent's account (instance role). */
  readonly agentAccountId?: string;
  /** The Secure Agent's EC2 instance; without it the association is left as a next step. */
  readonly instanceId?: string;
  /** Region of the instance, for the EC2 calls; without it the AWS CLI's configured region applies. */
  readonly region?: string;
}

/** One output file: a relative path (may include a folder, e.g. `agent-account/main.tf`) and its text. */
export interface ExportFile {
  readonly name: string;
  readonly content: string;
}

/**
 * A connection test fails at one link of the chain connection → runtime environment → agent →
 * EC2 instance → instance profile → role → [assumed role] → policies → bucket/folder. The code
 * names the link so a test (or the doctor) can tell which one broke; the message names the
 * concrete resources.
 */

export type BrokenLink =
  | 'RUNTIME_ENVIRONMENT_MISSING'
  | 'SERVERLESS_IAM_UNSUPPORTED'
  | 'AUTHENTICATION_NOT_EMULATED'
  | 'IAM_ROLE_ARN_UNUSED'
  | 'AGENT_MISSING'
  | 'AGENT_INACTIVE'
  | 'EC2_INSTANCE_NOT_FOUND'
  | 'EC2_INSTANCE_NOT_RUNNING'
  | 'INSTANCE_PROFILE_MISSING'
  | 'INSTANCE_PROFILE_NOT_FOUND'
  | 'INSTANCE_PROFILE_WITHOUT_ROLE'
  | 'ROLE_NOT_FOUND'
  | 'ROLE_ACCOUNT_UNREADABLE'
  | 'ASSUME_ROLE_NOT_ALLOWED'
  | 'ASSUME_ROLE_TRUST_DENIED'
  | 'POLICY_UNREADABLE'
  | 'FOLDER_PATH_INVALID'
  | 'BUCKET_NOT_FOUND'
  | 'BUCKET_REGION_MISMATCH'
  | 'S3_ACCESS_DENIED'
  | 'AWS_UNREACHABLE';

export class LinkFailure extends Error {
  readonly link: BrokenLink;
  /** 400 for a broken setup; 502 when the sandbox itself could not read AWS. */
  readonly status: number;
  constructor(link: BrokenLink, message: string, status = 400) {
    super(message);
    this.name = 'LinkFailure';
    this.link = link;
    this.status = status;
  }
}

export type ConnectionTestOutcome =
  | { readonly ok: true; readonly description: string }
  | { readonly ok: false; readonly status: number; readonly code: BrokenLink; readonly message: string };

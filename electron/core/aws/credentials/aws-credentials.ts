/**
 * AWS credentials as the SDK's providers return them (structurally the SDK's
 * AwsCredentialIdentity). Secret: never logged, returned across IPC or written in plain text.
 */
export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  /** Absent for long-term keys. */
  readonly expiration?: Date;
}

export type CredentialProvider = () => Promise<AwsCredentials>;

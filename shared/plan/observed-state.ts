/**
 * What the engine read from AWS before planning (issue 6 "read current state first"). Plain
 * JSON; `null` means "looked up and absent", so the planner can tell it from "not looked up".
 * Policy documents are already URL-decoded and JSON-parsed (aws.md §0.4).
 */

export type Tags = Readonly<Record<string, string>>;

export interface ObservedRole {
  readonly name: string;
  readonly arn: string;
  readonly path: string;
  readonly trust: unknown;
  readonly attachedPolicyArns: readonly string[];
  readonly inlinePolicyNames: readonly string[];
  readonly tags: Tags;
  readonly permissionsBoundaryArn?: string;
}

export interface ObservedPolicyVersion {
  readonly versionId: string;
  readonly isDefault: boolean;
  readonly createDate: string;
}

export interface ObservedPolicy {
  readonly arn: string;
  readonly name: string;
  readonly defaultVersionId: string;
  /** The default version's document. */
  readonly document: unknown;
  readonly versions: readonly ObservedPolicyVersion[];
  readonly tags: Tags;
}

export interface ObservedInstanceProfile {
  readonly name: string;
  readonly arn: string;
  readonly roleNames: readonly string[];
  readonly tags: Tags;
}

export interface ObservedAssociation {
  readonly associationId: string;
  readonly profileArn: string;
  readonly profileName: string;
  readonly state: string;
}

export interface ObservedInstance {
  readonly instanceId: string;
  readonly exists: boolean;
  /** `running`, `stopped`, ... */
  readonly state?: string;
  readonly association?: ObservedAssociation;
  /** The profile behind the current association, and the role in it with its policies. */
  readonly associatedProfile?: ObservedInstanceProfile;
  readonly associatedRole?: ObservedRole;
}

export interface AccountObservation {
  readonly roles: Readonly<Record<string, ObservedRole | null>>;
  /** By ARN. */
  readonly policies: Readonly<Record<string, ObservedPolicy | null>>;
  readonly instanceProfiles: Readonly<Record<string, ObservedInstanceProfile | null>>;
  /**
   * Reads the caller was denied, one sentence each. The planner treats those resources as absent
   * and warns; preflight then names the missing read permissions before anything changes.
   */
  readonly unreadable?: readonly string[];
}

export interface ObservedState {
  readonly agent: AccountObservation;
  readonly bucket?: AccountObservation;
  readonly instance: ObservedInstance;
}

/** Which names the planner needs looked up, per account. */
export interface LookupList {
  readonly roles: readonly string[];
  readonly policyArns: readonly string[];
  readonly instanceProfiles: readonly string[];
}

/**
 * The typed model of an IAM policy document. The parser turns AWS's lenient JSON forms
 * (Statement object or array, Action string or array, Principal "*" or map) into this one
 * normalised shape; builders produce it; the linter, evaluator and exporters consume it.
 * Serialising back to JSON is `toPolicyJson`.
 */

export type PolicyVersion = '2012-10-17' | '2008-10-17';
export type Effect = 'Allow' | 'Deny';

/** What kind of document this is: decides quotas and which elements are allowed. */
export type PolicyKind = 'managed' | 'inline' | 'trust' | 'resource' | 'boundary';

export type PrincipalKey = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser';
export type PrincipalMap = Readonly<Partial<Record<PrincipalKey, readonly string[]>>>;
/** `"*"` admits everyone; a map lists principals by kind. */
export type Principal = '*' | PrincipalMap;

/**
 * Condition block: operator (e.g. `StringLike`, `ForAnyValue:StringEquals`, `BoolIfExists`)
 * → condition key → values. Values are kept as strings, as AWS compares them, with booleans
 * and numbers stringified by the parser.
 */
export type ConditionBlock = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

export interface Statement {
  readonly Sid?: string;
  readonly Effect: Effect;
  readonly Principal?: Principal;
  readonly NotPrincipal?: Principal;
  readonly Action?: readonly string[];
  readonly NotAction?: readonly string[];
  readonly Resource?: readonly string[];
  readonly NotResource?: readonly string[];
  readonly Condition?: ConditionBlock;
}

export interface PolicyDocument {
  readonly Version?: PolicyVersion;
  readonly Id?: string;
  readonly Statement: readonly Statement[];
}

/** A policy with the name it is known by (shown when explaining a decision). */
export interface NamedPolicy {
  readonly name: string;
  readonly document: PolicyDocument;
}

export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';
export const PARTITIONS: readonly Partition[] = ['aws', 'aws-cn', 'aws-us-gov'];

export type AccessLevel = 'read' | 'write';

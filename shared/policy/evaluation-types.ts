import type { Effect, NamedPolicy } from './model';

/**
 * The contract of the IAM evaluator (shared/policy/evaluate.ts). The UI's "Ask the policy"
 * box, `keyless policy eval`, the sandbox's SimulatePrincipalPolicy/AssumeRole and the
 * engine's verify step all speak this.
 */

/** Request context values: a single-valued key holds one string, a multivalued key several. */
export type ContextValue = string | readonly string[];

export interface RequestContext {
  /** `service:Action`, e.g. `s3:GetObject`. */
  readonly action: string;
  /** The resource ARN the request targets. */
  readonly resource: string;
  /** The calling principal, needed to match `Principal` in resource and trust policies. */
  readonly principal?: { readonly arn: string; readonly account: string; readonly service?: string };
  /** Condition keys (`aws:username`, `s3:prefix`, `sts:ExternalId`, ...) — case-insensitive names. */
  readonly context?: Readonly<Record<string, ContextValue>>;
}

export interface EvaluationInput {
  readonly request: RequestContext;
  /** Identity-based policies attached to the principal. */
  readonly identityPolicies: readonly NamedPolicy[];
  /** Permissions boundary: when present, an identity allow must also be allowed here. */
  readonly permissionsBoundary?: NamedPolicy;
  /** Resource-based policy (bucket policy, role trust policy). */
  readonly resourcePolicy?: NamedPolicy;
  /** Account that owns the resource; when it differs from the principal's, both sides must allow. */
  readonly resourceAccount?: string;
}

export type Decision = 'allowed' | 'explicitDeny' | 'implicitDeny';

export interface MatchedStatement {
  readonly policy: string;
  readonly statementIndex: number;
  readonly sid?: string;
  readonly effect: Effect;
}

export interface EvaluationResult {
  readonly decision: Decision;
  /** The statements that decided it: the denying ones, or the allowing ones. Empty for implicit deny. */
  readonly matchedStatements: readonly MatchedStatement[];
  /** One sentence a user can read, e.g. "Denied: no statement allows s3:PutObject on ...". */
  readonly reason: string;
}

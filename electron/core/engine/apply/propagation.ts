import { awsErrorFacts } from '../aws-errors';
import type { EngineClock } from '../clock';

/**
 * IAM's eventual consistency (aws.md §1.5): only these known signatures are retried, and only
 * where they can mean "not visible yet". Everything else fails at once; throttling, 5xx and
 * dropped connections are the SDK's standard retry strategy's job, not this one's.
 */
export type PropagationSignature =
  /** EC2 does not see a just-made instance profile yet. */
  | 'ec2InvalidInstanceProfile'
  /** IAM rejects a trust policy naming a principal it does not see yet. */
  | 'iamInvalidPrincipal'
  /** A resource created moments ago is not found yet. */
  | 'noSuchEntityAfterCreate'
  /** STS refuses a role whose trust was just written. */
  | 'assumeRoleDeniedAfterTrust';

export interface PropagationContext {
  /** Something this call depends on was created or changed in this run. */
  readonly justCreated: boolean;
  /** The call is sts:AssumeRole of a role whose trust policy this run just wrote. */
  readonly justTrusted?: boolean;
}

export function propagationSignature(error: unknown, context: PropagationContext): PropagationSignature | undefined {
  const { code, message } = awsErrorFacts(error);
  if (code === 'InvalidParameterValue' && /Invalid IAM Instance Profile/i.test(message)) return 'ec2InvalidInstanceProfile';
  if (code === 'MalformedPolicyDocument' && /Invalid principal/i.test(message)) return 'iamInvalidPrincipal';
  if (code === 'NoSuchEntity' && context.justCreated) return 'noSuchEntityAfterCreate';
  if (code === 'AccessDenied' && context.justTrusted === true) return 'assumeRoleDeniedAfterTrust';
  return undefined;
}

/**
 * Terraform's figure for the total (2 minutes); delays double from 200 ms and are capped at 1 s
 * rather than Terraform's 10 s: the retried call is cheap, and a short cap keeps the wait the
 * user sees close to the real propagation time.
 */
export const PROPAGATION_BACKOFF = { initialDelayMs: 200, factor: 2, maxDelayMs: 1_000, totalMs: 120_000 } as const;

export function backoffDelay(attempt: number): number {
  return Math.min(PROPAGATION_BACKOFF.maxDelayMs, PROPAGATION_BACKOFF.initialDelayMs * PROPAGATION_BACKOFF.factor ** attempt);
}

export interface PropagationHooks {
  /** Before sleeping: how long this step has been waiting so far. */
  readonly onWait?: (elapsedMs: number, signature: PropagationSignature, delayMs: number) => void;
  /** After the wait, before the call is sent again. */
  readonly onRetry?: (attempt: number, signature: PropagationSignature) => void;
}

export async function withPropagationRetry<T>(call: () => Promise<T>, clock: EngineClock, context: PropagationContext, hooks: PropagationHooks = {}): Promise<T> {
  const started = clock.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const signature = propagationSignature(error, context);
      const elapsed = clock.now() - started;
      if (signature === undefined || elapsed >= PROPAGATION_BACKOFF.totalMs) throw error;
      const delay = Math.min(backoffDelay(attempt), PROPAGATION_BACKOFF.totalMs - elapsed);
      hooks.onWait?.(elapsed, signature, delay);
      await clock.sleep(delay);
      hooks.onRetry?.(attempt + 1, signature);
    }
  }
}

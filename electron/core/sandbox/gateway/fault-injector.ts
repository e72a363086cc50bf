import { z } from 'zod';

/**
 * Fault knobs for the sandbox (DESIGN §7): latency on every call, and rules that make chosen
 * calls fail the way AWS fails — throttling bursts, 5xx, dropped connections, AccessDenied.
 * Rules match by service and/or action; a rule with `count` fires that many times, then is spent.
 * Every injection is counted so tests and the admin endpoint can see what happened.
 */

export const faultKindSchema = z.enum(['throttle', 'error', 'drop', 'accessDenied', 'latency']);
export type FaultKind = z.infer<typeof faultKindSchema>;

export const faultRuleInputSchema = z
  .object({
    kind: faultKindSchema,
    /** `iam`, `sts`, `ec2`, `s3`, `sso`, `oidc`; absent = any. */
    service: z.string().min(1).optional(),
    /** `CreateRole`, `AssociateIamInstanceProfile`; absent = any action of the service. */
    action: z.string().min(1).optional(),
    /** How many matching calls it hits; absent = every one until removed. */
    count: z.number().int().positive().optional(),
    /** For `error`. */
    status: z.union([z.literal(500), z.literal(503)]).optional(),
    /** For `latency`. */
    latencyMs: z.number().int().min(0).max(600_000).optional(),
  })
  .strict()
  .refine((rule) => rule.kind !== 'latency' || rule.latencyMs !== undefined, { message: 'a latency rule needs latencyMs' });
export type FaultRuleInput = z.infer<typeof faultRuleInputSchema>;

export const faultSettingsSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(600_000).optional(),
    rules: z.array(faultRuleInputSchema).optional(),
  })
  .strict();
export type FaultSettings = z.infer<typeof faultSettingsSchema>;

export interface FaultRule extends FaultRuleInput {
  readonly id: number;
  /** Calls still to hit, when the rule was given a count. */
  remaining?: number;
  hits: number;
}

export type FaultDecision =
  | { readonly kind: 'none'; readonly latencyMs: number }
  | { readonly kind: 'throttle' | 'drop' | 'accessDenied'; readonly latencyMs: number; readonly ruleId: number }
  | { readonly kind: 'error'; readonly status: 500 | 503; readonly latencyMs: number; readonly ruleId: number };

export interface FaultReport {
  readonly latencyMs: number;
  readonly rules: readonly FaultRule[];
  readonly injected: Readonly<Record<FaultKind, number>>;
  readonly calls: number;
}

export class FaultInjector {
  private latencyMs = 0;
  private rules: FaultRule[] = [];
  private nextId = 1;
  private calls = 0;
  private readonly injected: Record<FaultKind, number> = { throttle: 0, error: 0, drop: 0, accessDenied: 0, latency: 0 };

  constructor(settings: FaultSettings = {}) {
    this.replace(settings);
  }

  replace(settings: FaultSettings): FaultReport {
    this.latencyMs = settings.latencyMs ?? 0;
    this.rules = [];
    for (const rule of settings.rules ?? []) this.add(rule);
    return this.report();
  }

  add(input: FaultRuleInput): FaultRule {
    const rule: FaultRule = { ...input, id: this.nextId++, hits: 0, ...(input.count !== undefined ? { remaining: input.count } : {}) };
    this.rules.push(rule);
    return rule;
  }

  setLatency(latencyMs: number): void {
    this.latencyMs = latencyMs;
  }

  clear(): void {
    this.rules = [];
  }

  /** Decides the fate of one call; consumes one use of the first matching failure rule. */
  decide(service: string, action: string): FaultDecision {
    this.calls++;
    let latencyMs = this.latencyMs;
    for (const rule of this.rules) {
      if (rule.kind !== 'latency' || !matches(rule, service, action)) continue;
      latencyMs += rule.latencyMs ?? 0;
      this.consume(rule);
    }
    const failing = this.rules.find((rule) => rule.kind !== 'latency' && matches(rule, service, action));
    if (failing === undefined) return { kind: 'none', latencyMs };
    this.consume(failing);
    if (failing.kind === 'error') return { kind: 'error', status: failing.status ?? 500, latencyMs, ruleId: failing.id };
    return { kind: failing.kind as 'throttle' | 'drop' | 'accessDenied', latencyMs, ruleId: failing.id };
  }

  report(): FaultReport {
    return { latencyMs: this.latencyMs, rules: this.rules.map((rule) => ({ ...rule })), injected: { ...this.injected }, calls: this.calls };
  }

  private consume(rule: FaultRule): void {
    rule.hits++;
    this.injected[rule.kind]++;
    if (rule.remaining !== undefined) rule.remaining--;
  }
}

/** Spent rules stay listed (with their hits) but no longer match. */
function matches(rule: FaultRule, service: string, action: string): boolean {
  if (rule.remaining !== undefined && rule.remaining <= 0) return false;
  if (rule.service !== undefined && rule.service.toLowerCase() !== service.toLowerCase()) return false;
  if (rule.action !== undefined && rule.action.toLowerCase() !== action.toLowerCase()) return false;
  return true;
}

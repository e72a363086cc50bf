import type { ContextValue, RequestContext } from '../evaluation-types';
import { describeCaller, roleArnOf, type Caller } from './caller';
import type { VariableSource } from './policy-variables';

/**
 * The request as the matchers see it: the action lower-cased once (actions compare
 * case-insensitively), condition keys in a map by lower-cased name (key names are
 * case-insensitive: IAM User Guide, "Policy variables"), and the caller described.
 *
 * Keys the caller implies are added when the request does not carry them, so a policy using
 * `aws:PrincipalArn`, `aws:PrincipalAccount`, `aws:username` or `aws:PrincipalServiceName`
 * works without repeating the principal in the context. For a role session
 * `aws:PrincipalArn` is the role's ARN, as the global condition keys page documents.
 */
export class EvaluationRequest implements VariableSource {
  readonly action: string;
  readonly actionLower: string;
  readonly resource: string;
  private readonly principal: RequestContext['principal'];
  private readonly context: RequestContext['context'];
  private describedCaller: Caller | undefined;
  // Built on first lookup: many requests are decided by Action and Resource alone.
  private keys: Map<string, readonly string[]> | undefined;

  constructor(request: RequestContext) {
    this.action = request.action;
    this.actionLower = request.action.toLowerCase();
    this.resource = request.resource;
    this.principal = request.principal;
    this.context = request.context;
  }

  get caller(): Caller {
    this.describedCaller ??= describeCaller(this.principal);
    return this.describedCaller;
  }

  /** All values of a key, or undefined when the request does not carry it. */
  values(key: string): readonly string[] | undefined {
    return this.keyMap().get(key.toLowerCase());
  }

  singleValue(key: string): string | undefined {
    const values = this.keyMap().get(key);
    // A multivalued key cannot be a policy variable (IAM User Guide, "Single-valued vs. multivalued context keys").
    return values !== undefined && values.length === 1 ? values[0] : undefined;
  }

  private keyMap(): Map<string, readonly string[]> {
    if (this.keys !== undefined) return this.keys;
    const keys = new Map<string, readonly string[]>();
    for (const [key, value] of Object.entries(this.context ?? {})) keys.set(key.toLowerCase(), asList(value));
    this.keys = keys;
    this.addImplied(keys);
    return keys;
  }

  private addImplied(keys: Map<string, readonly string[]>): void {
    const caller = this.caller;
    const imply = (key: string, value: string | undefined): void => {
      if (value !== undefined && !keys.has(key)) keys.set(key, [value]);
    };
    if (caller.kind === 'service') {
      imply('aws:principalservicename', caller.service);
      return;
    }
    imply('aws:principalarn', caller.kind === 'session' ? roleArnOf(caller) : caller.arn);
    imply('aws:principalaccount', caller.account);
    if (caller.kind === 'user' && caller.arn !== undefined) imply('aws:username', caller.arn.slice(caller.arn.lastIndexOf('/') + 1));
  }
}

function asList(value: ContextValue): readonly string[] {
  return typeof value === 'string' ? [value] : value;
}

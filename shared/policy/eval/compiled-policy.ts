import type { Effect, PolicyDocument, Principal } from '../model';
import { compileConditionBlock, type CompiledConditionBlock } from './conditions/condition-block';
import { compileTemplate, type PolicyTemplate } from './policy-variables';
import { compileGlob, type GlobPattern } from './wildcard';

/**
 * A policy document prepared for matching: action patterns lower-cased and compiled,
 * resource templates and condition values parsed. Compiled once per document object (the
 * model is immutable) and kept in a WeakMap, so evaluating the same policies again costs
 * only the matching.
 */

export interface CompiledElement<T> {
  /** True for NotAction / NotResource. */
  readonly negated: boolean;
  readonly patterns: readonly T[];
}

export interface CompiledStatement {
  readonly index: number;
  readonly sid: string | undefined;
  readonly effect: Effect;
  readonly actions: CompiledElement<GlobPattern> | undefined;
  readonly resources: CompiledElement<PolicyTemplate> | undefined;
  readonly principal: Principal | undefined;
  readonly notPrincipal: Principal | undefined;
  readonly conditions: CompiledConditionBlock | undefined;
}

export interface CompiledPolicy {
  readonly statements: readonly CompiledStatement[];
}

const compiledPolicies = new WeakMap<PolicyDocument, CompiledPolicy>();

export function compilePolicy(document: PolicyDocument): CompiledPolicy {
  const cached = compiledPolicies.get(document);
  if (cached !== undefined) return cached;
  // Policy variables exist only in policy language 2012-10-17 (IAM User Guide, "Policy variables").
  const variables = document.Version === '2012-10-17';
  const compiled: CompiledPolicy = {
    statements: document.Statement.map((statement, index) => ({
      index,
      sid: statement.Sid,
      effect: statement.Effect,
      actions: element(statement.Action, statement.NotAction, (action) => compileGlob(action.toLowerCase())),
      resources: element(statement.Resource, statement.NotResource, (resource) => compileTemplate(resource, { wildcards: true, variables })),
      principal: statement.Principal,
      notPrincipal: statement.NotPrincipal,
      conditions: statement.Condition === undefined ? undefined : compileConditionBlock(statement.Condition, variables),
    })),
  };
  compiledPolicies.set(document, compiled);
  return compiled;
}

function element<T>(
  positive: readonly string[] | undefined,
  negative: readonly string[] | undefined,
  compile: (value: string) => T,
): CompiledElement<T> | undefined {
  if (positive !== undefined) return { negated: false, patterns: positive.map(compile) };
  if (negative !== undefined) return { negated: true, patterns: negative.map(compile) };
  return undefined;
}

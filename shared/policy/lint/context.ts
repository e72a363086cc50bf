import type { ServiceInfo } from '../catalogue';
import type { PolicyDocument } from '../model';
import type { LintContext, LintFinding, LintOptions, ServiceLookup } from './types';

/**
 * The linter's view of one document. Catalogue lookups go through here so that a catalogue
 * that cannot be read becomes one finding instead of an exception or silently skipped checks.
 */
export class PolicyLintContext implements LintContext {
  readonly statements;
  private readonly lookups = new Map<string, Promise<ServiceLookup>>();
  private unavailableReason: string | undefined;

  constructor(
    readonly document: PolicyDocument,
    readonly options: LintOptions,
  ) {
    this.statements = document.Statement.map((statement, index) => ({ statement, index, path: ['Statement', index] as const }));
  }

  lookup(prefix: string): Promise<ServiceLookup> {
    const key = prefix.toLowerCase();
    let pending = this.lookups.get(key);
    if (pending === undefined) {
      pending = this.resolve(key);
      this.lookups.set(key, pending);
    }
    return pending;
  }

  async service(prefix: string): Promise<ServiceInfo | undefined> {
    const found = await this.lookup(prefix);
    return found.status === 'known' ? found.service : undefined;
  }

  /** One warning when the catalogue failed: the checks that needed it did not run. */
  catalogueFindings(): LintFinding[] {
    if (this.unavailableReason === undefined) return [];
    return [{
      severity: 'warning',
      code: 'CATALOGUE_UNAVAILABLE',
      message: `The IAM action catalogue could not be read (${this.unavailableReason}), so actions, resource types and ARNs were not checked against it. Reinstall the app or run the lint again.`,
      path: [],
    }];
  }

  private async resolve(prefix: string): Promise<ServiceLookup> {
    try {
      const service = await this.options.catalogue.service(prefix);
      if (service !== undefined) return { status: 'known', service };
      return { status: 'unknown', knownPrefixes: await this.options.catalogue.servicePrefixes() };
    } catch (error) {
      this.unavailableReason ??= error instanceof Error ? error.message : String(error);
      return { status: 'unavailable' };
    }
  }
}

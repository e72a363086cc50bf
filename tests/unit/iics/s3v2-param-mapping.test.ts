import { describe, expect, it } from 'vitest';
import { FALLBACK_PARAM_KEYS } from '../../../electron/core/iics/iics-assumptions';
import { attributesFrom, mapParamKeys } from '../../../electron/core/iics/s3v2-connector';

const attribute = (name: string, label: string, list: string[] = []) => ({ '@type': 'connectorAttribute', name, label, id: 1, isMandatory: false, visible: true, list });

describe('S3 v2 UI labels → connParams keys from connector/metadata', () => {
  it('takes each key from the attribute carrying the documented label, whatever the key looks like', () => {
    const metadata = {
      type: 'TOOLKIT_CCI',
      attributes: [
        attribute('awsAccessKeyId', 'Access Key'),
        attribute('awsSecretKey', 'Secret Key'),
        attribute('roleArn', 'IAM Role ARN'),
        attribute('extId', 'External Id'),
        attribute('useEc2Role', 'Use EC2 Role to Assume Role'),
        attribute('path', 'Folder Path'),
        attribute('region', 'Region Name', ['US East(N. Virginia)', 'EU(Frankfurt)']),
        attribute('kmsKey', 'Customer Master Key ID'),
      ],
    };
    const mapped = mapParamKeys(attributesFrom(metadata));
    expect(mapped.paramKeys).toEqual({
      accessKey: 'awsAccessKeyId',
      secretKey: 'awsSecretKey',
      iamRoleArn: 'roleArn',
      externalId: 'extId',
      useEc2RoleToAssumeRole: 'useEc2Role',
      folderPath: 'path',
      regionName: 'region',
    });
    expect(mapped.assumedKeys).toEqual([]);
    expect(mapped.regionNames).toEqual(['US East(N. Virginia)', 'EU(Frankfurt)']);
  });

  it('matches labels regardless of case and spacing ("External ID", "Use EC2 role to assume role")', () => {
    const mapped = mapParamKeys(attributesFrom({ attributes: [attribute('x1', 'External ID'), attribute('x2', 'Use EC2 role to  assume role'), attribute('x3', 'folder path')] }));
    expect(mapped.paramKeys.externalId).toBe('x1');
    expect(mapped.paramKeys.useEc2RoleToAssumeRole).toBe('x2');
    expect(mapped.paramKeys.folderPath).toBe('x3');
  });

  it('falls back to the assumed keys for labels the metadata lacks, and names them', () => {
    const mapped = mapParamKeys(attributesFrom({ attributes: [attribute('path', 'Folder Path'), attribute('region', 'Region Name')] }));
    expect(mapped.paramKeys.folderPath).toBe('path');
    expect(mapped.paramKeys.iamRoleArn).toBe(FALLBACK_PARAM_KEYS.iamRoleArn);
    expect(mapped.assumedKeys).toEqual(['accessKey', 'secretKey', 'iamRoleArn', 'externalId', 'useEc2RoleToAssumeRole']);
  });

  it('uses the fallback for everything when the metadata has no attribute list, and the fallback is the label without spaces', () => {
    for (const metadata of [undefined, 'oops', { attributes: 'none' }, { attributes: [null, 3, { label: 'Folder Path' }] }]) {
      const mapped = mapParamKeys(attributesFrom(metadata));
      expect(mapped.paramKeys).toEqual(FALLBACK_PARAM_KEYS);
      expect(mapped.assumedKeys).toHaveLength(7);
      expect(mapped.regionNames).toEqual([]);
    }
    expect(FALLBACK_PARAM_KEYS.useEc2RoleToAssumeRole).toBe('Use EC2 Role to Assume Role'.replace(/\s+/g, ''));
  });
});

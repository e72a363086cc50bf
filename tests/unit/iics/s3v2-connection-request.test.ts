import { describe, expect, it } from 'vitest';
import { MASKED_VALUE } from '../../../electron/core/iics/iics-assumptions';
import { diffConnection } from '../../../electron/core/iics/s3v2-connection-diff';
import type { S3v2ConnectionInput } from '../../../electron/core/iics/s3v2-connection-request';
import { checkConnectionInput, createBody, partialUpdateBody, propertyValues, resolveRegionName } from '../../../electron/core/iics/s3v2-connection-request';
import type { S3v2Connector } from '../../../electron/core/iics/s3v2-connector';
import { failureCode } from '../../support/failures';

const connector: S3v2Connector = {
  name: 'Amazon S3 v2',
  type: 'TOOLKIT_CCI',
  paramKeys: { accessKey: 'ak', secretKey: 'sk', iamRoleArn: 'role', externalId: 'ext', useEc2RoleToAssumeRole: 'ec2', folderPath: 'path', regionName: 'region' },
  assumedKeys: [],
  regionNames: ['US East(N. Virginia)', 'EU(Frankfurt)'],
};

const ROLE = 'arn:aws:iam::123456789012:role/informatica-s3';
const setupA: S3v2ConnectionInput = { name: 'S3 landing', runtimeEnvironment: 'aws-ec2-agents', bucket: 'acme-landing', folder: 'sales', regionName: 'us-east-1', settings: { useEc2RoleToAssumeRole: false } };
const setupB: S3v2ConnectionInput = { ...setupA, settings: { iamRoleArn: ROLE, useEc2RoleToAssumeRole: true, externalId: 'keyless-7f3a9c2e' } };


describe('checking the connection input before any call', () => {
  it('joins bucket and folder into "Folder Path" and keeps setup A free of roles', () => {
    expect(checkConnectionInput(setupA)).toMatchObject({ name: 'S3 landing', folderPath: 'acme-landing/sales', iamRoleArn: '', useEc2RoleToAssumeRole: false, externalId: '' });
    expect(checkConnectionInput({ ...setupA, folder: undefined }).folderPath).toBe('acme-landing');
  });

  it('refuses a trailing slash on the folder or the bucket (the seed\'s rule)', () => {
    expect(failureCode(() => checkConnectionInput({ ...setupA, folder: 'sales/' }))).toBe('INVALID_FOLDER_PATH');
    expect(failureCode(() => checkConnectionInput({ ...setupA, bucket: 'acme-landing/', folder: undefined }))).toBe('INVALID_FOLDER_PATH');
    expect(failureCode(() => checkConnectionInput({ ...setupA, folder: '/sales' }))).toBe('INVALID_FOLDER_PATH');
    expect(failureCode(() => checkConnectionInput({ ...setupA, bucket: 'Acme_Landing' }))).toBe('INVALID_BUCKET_NAME');
  });

  it('refuses an IAM Role ARN that is not a role ARN', () => {
    for (const arn of ['arn:aws:iam::123456789012:user/alice', 'arn:aws:iam::123456789012:instance-profile/x', 'informatica-s3', 'arn:aws:iam::12345:role/x']) {
      expect(failureCode(() => checkConnectionInput({ ...setupB, settings: { ...setupB.settings, iamRoleArn: arn } }))).toBe('INVALID_ROLE_ARN');
    }
  });

  it('refuses settings that do not make a keyless connection', () => {
    expect(failureCode(() => checkConnectionInput({ ...setupA, settings: { useEc2RoleToAssumeRole: true } }))).toBe('INVALID_CONNECTION_SETTINGS');
    expect(failureCode(() => checkConnectionInput({ ...setupA, settings: { useEc2RoleToAssumeRole: false, iamRoleArn: ROLE } }))).toBe('INVALID_CONNECTION_SETTINGS');
    expect(failureCode(() => checkConnectionInput({ ...setupA, settings: { useEc2RoleToAssumeRole: false, externalId: 'keyless-1234' } }))).toBe('INVALID_CONNECTION_SETTINGS');
    expect(failureCode(() => checkConnectionInput({ ...setupB, settings: { ...setupB.settings, externalId: 'has space' } }))).toBe('INVALID_EXTERNAL_ID');
    expect(failureCode(() => checkConnectionInput({ ...setupA, name: 'DI Data Preview_1' }))).toBe('INVALID_IICS_CONNECTION_NAME');
    expect(failureCode(() => checkConnectionInput({ ...setupA, name: '  ' }))).toBe('INVALID_IICS_CONNECTION_NAME');
  });
});

describe('Region Name', () => {
  it('takes a picklist value as given, or the picklist name of an AWS region code', () => {
    expect(resolveRegionName('EU(Frankfurt)', connector.regionNames)).toBe('EU(Frankfurt)');
    expect(resolveRegionName('eu(frankfurt)', connector.regionNames)).toBe('EU(Frankfurt)');
    expect(resolveRegionName('eu-central-1', connector.regionNames)).toBe('EU(Frankfurt)');
    expect(resolveRegionName('US-EAST-1', connector.regionNames)).toBe('US East(N. Virginia)');
  });

  it('refuses a region the picklist does not have, listing the values', () => {
    expect(failureCode(() => resolveRegionName('eu-west-1', connector.regionNames))).toBe('INVALID_IICS_REGION_NAME');
  });
});

describe('request bodies', () => {
  it('create: the connector\'s type and name, the runtime environment, keys mapped, both access keys empty', () => {
    const values = checkConnectionInput(setupB);
    const body = createBody(connector, values, '01000325000000000005', propertyValues(values, 'US East(N. Virginia)'));
    expect(body).toEqual({
      '@type': 'connection',
      name: 'S3 landing',
      description: '',
      type: 'TOOLKIT_CCI',
      instanceName: 'Amazon S3 v2',
      runtimeEnvironmentId: '01000325000000000005',
      connParams: { ak: '', sk: '', role: ROLE, ext: 'keyless-7f3a9c2e', ec2: 'true', path: 'acme-landing/sales', region: 'US East(N. Virginia)' },
    });
  });

  it('partial update: @type and only the changed params; never a masked value', () => {
    expect(partialUpdateBody(connector, { folderPath: 'acme-landing/finance' }, undefined)).toEqual({ '@type': 'connection', connParams: { path: 'acme-landing/finance' } });
    expect(partialUpdateBody(connector, {}, 'g2')).toEqual({ '@type': 'connection', runtimeEnvironmentId: 'g2', connParams: {} });
    expect(failureCode(() => partialUpdateBody(connector, { secretKey: MASKED_VALUE }, undefined))).toBe('IICS_MASKED_VALUE');
  });
});

describe('what an update changes', () => {
  const desired = propertyValues(checkConnectionInput(setupB), 'US East(N. Virginia)');
  const current = { ak: '', sk: '', role: ROLE, ext: 'keyless-7f3a9c2e', ec2: 'true', path: 'acme-landing/sales', region: 'US East(N. Virginia)', masterKey: MASKED_VALUE, agentGroupId: 'g' };

  it('nothing when IICS already holds the wanted values (booleans compared as IICS may return them)', () => {
    expect(diffConnection(connector, current, desired).changes).toEqual([]);
    expect(diffConnection(connector, { ...current, ec2: true }, desired).changes).toEqual([]);
  });

  it('only the differing params; a masked access key becomes a change to empty, shown without its mask', () => {
    const diff = diffConnection(connector, { ...current, ak: MASKED_VALUE, sk: MASKED_VALUE, path: 'acme-landing/old' }, desired);
    expect(diff.changed).toEqual({ accessKey: '', secretKey: '', folderPath: 'acme-landing/sales' });
    expect(diff.changes.map((c) => `${c.label}: ${c.from} → ${c.to}`)).toEqual([
      'Access Key: (set) → (empty)',
      'Secret Key: (set) → (empty)',
      'Folder Path: acme-landing/old → acme-landing/sales',
    ]);
    expect(JSON.stringify(partialUpdateBody(connector, diff.changed, undefined))).not.toContain(MASKED_VALUE);
  });
});

import { describe, expect, it } from 'vitest';
import { doctorRequest, EMPTY_DOCTOR_FORM } from '../../../renderer/doctor/doctor-form';
import { DoctorRequest } from '../../../shared/ipc/doctor-contract';

const base = { ...EMPTY_DOCTOR_FORM, profile: 'sandbox-admin', instanceId: ' i-0123456789abcdef0 ', bucket: 'staging', folder: 'inbound' };
const roleArn = 'arn:aws:iam::111111111111:role/connector';

describe('doctor form → engine.doctor request', () => {
  it('sends exactly the typed fields, trimmed, and passes the strict contract', () => {
    const request = doctorRequest(base, '');
    expect(request).toEqual({ profile: 'sandbox-admin', instanceId: 'i-0123456789abcdef0', bucket: 'staging', folder: 'inbound', access: 'read', advancedMode: false, setup: 'a' });
    expect(DoctorRequest.safeParse(request).success).toBe(true);
  });

  it('drops a connector role and bucket profile typed for B/C once setup A is chosen again', () => {
    const request = doctorRequest({ ...base, setup: 'a', connectorRoleArn: roleArn, externalId: 'x-123', bucketProfile: 'data' }, '');
    expect(request).not.toHaveProperty('connectorRoleArn');
    expect(request).not.toHaveProperty('externalId');
    expect(request).not.toHaveProperty('bucketProfile');
    const c = doctorRequest({ ...base, setup: 'c', connectorRoleArn: roleArn, externalId: 'x-123', bucketProfile: 'data' }, '');
    expect(c).toMatchObject({ setup: 'c', connectorRoleArn: roleArn, externalId: 'x-123', bucketProfile: 'data' });
    expect(DoctorRequest.safeParse(c).success).toBe(true);
  });

  it('maps where the agent runs to agentInContainer, leaving it out when unknown', () => {
    expect(doctorRequest(base, '')).not.toHaveProperty('agentInContainer');
    expect(doctorRequest({ ...base, agentPlacement: 'container' }, '').agentInContainer).toBe(true);
    expect(doctorRequest({ ...base, agentPlacement: 'host' }, '').agentInContainer).toBe(false);
  });

  it('starting from IICS sends the login with the password, and the connection\'s role wins over typed ones', () => {
    const form = { ...base, instanceId: '', setup: 'b' as const, connectorRoleArn: roleArn, fromConnection: true, iicsLoginUrl: 'https://dm-us.informaticacloud.com', iicsUsername: 'admin', connectionName: 'Staging S3' };
    const request = doctorRequest(form, 's3cret!');
    expect(request.iics).toEqual({ loginUrl: 'https://dm-us.informaticacloud.com', username: 'admin', password: 's3cret!', connectionName: 'Staging S3' });
    expect(request).not.toHaveProperty('connectorRoleArn');
    expect(request).not.toHaveProperty('instanceId');
    expect(DoctorRequest.safeParse(request).success).toBe(true);
    expect(doctorRequest(base, 'typed but unused')).not.toHaveProperty('iics');
  });

  it('the contract refuses a field it does not name', () => {
    expect(DoctorRequest.safeParse({ ...doctorRequest(base, ''), secretAccessKey: 'x' }).success).toBe(false);
  });
});

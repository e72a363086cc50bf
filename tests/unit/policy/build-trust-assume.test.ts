import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/policy/evaluate';
import { buildAssumeRolePolicy } from '../../../shared/policy/build/assume-role-policy';
import { buildTrustPolicy, type TrustPolicyOptions } from '../../../shared/policy/build/trust-policy';
import { thrownFailure } from '../../support/failures';

const INSTANCE_ROLE = 'arn:aws:iam::111122223333:role/informatica/agent';
const CONNECTOR_ROLE = 'arn:aws:iam::111122223333:role/s3-connector';


describe('buildTrustPolicy', () => {
  it('EC2 service in aws and aws-us-gov: ec2.amazonaws.com', () => {
    for (const partition of ['aws', 'aws-us-gov'] as const) {
      expect(buildTrustPolicy({ trusted: { kind: 'ec2Service' }, partition })).toEqual({
        Version: '2012-10-17',
        Statement: [{ Sid: 'TrustEc2Service', Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com'] }, Action: ['sts:AssumeRole'] }],
      });
    }
  });

  it('EC2 service in aws-cn: ec2.amazonaws.com.cn', () => {
    expect(buildTrustPolicy({ trusted: { kind: 'ec2Service' }, partition: 'aws-cn' }).Statement[0]?.Principal).toEqual({ Service: ['ec2.amazonaws.com.cn'] });
  });

  it('an account: its root principal in the partition', () => {
    expect(buildTrustPolicy({ trusted: { kind: 'account', accountId: '444455556666' }, partition: 'aws-cn' })).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'TrustAccount', Effect: 'Allow', Principal: { AWS: ['arn:aws-cn:iam::444455556666:root'] }, Action: ['sts:AssumeRole'] }],
    });
  });

  it('an account with an External Id: StringEquals sts:ExternalId', () => {
    const document = buildTrustPolicy({ trusted: { kind: 'account', accountId: '444455556666' }, externalId: 'acme-7f3a9c', partition: 'aws' });
    expect(document.Statement[0]?.Condition).toEqual({ StringEquals: { 'sts:ExternalId': ['acme-7f3a9c'] } });
  });

  it('a role (setup B), with and without External Id', () => {
    expect(buildTrustPolicy({ trusted: { kind: 'role', roleArn: INSTANCE_ROLE }, partition: 'aws' }).Statement).toEqual([
      { Sid: 'TrustInstanceRole', Effect: 'Allow', Principal: { AWS: [INSTANCE_ROLE] }, Action: ['sts:AssumeRole'] },
    ]);
    const withId = buildTrustPolicy({ trusted: { kind: 'role', roleArn: INSTANCE_ROLE }, externalId: 'xid-1', partition: 'aws' });
    expect(withId.Statement[0]?.Condition).toEqual({ StringEquals: { 'sts:ExternalId': ['xid-1'] } });
  });

  it('the External Id condition admits only the matching id (evaluator)', () => {
    const trust = buildTrustPolicy({ trusted: { kind: 'role', roleArn: INSTANCE_ROLE }, externalId: 'xid-1', partition: 'aws' });
    const ask = (externalId?: string): string =>
      evaluate({
        request: {
          action: 'sts:AssumeRole',
          resource: CONNECTOR_ROLE,
          principal: { arn: 'arn:aws:sts::111122223333:assumed-role/agent/i-0123456789abcdef0', account: '111122223333' },
          context: {
            'aws:PrincipalArn': INSTANCE_ROLE,
            ...(externalId === undefined ? {} : { 'sts:ExternalId': externalId }),
          },
        },
        identityPolicies: [{ name: 'assume', document: buildAssumeRolePolicy({ connectorRoleArn: CONNECTOR_ROLE }) }],
        resourcePolicy: { name: 'trust', document: trust },
        resourceAccount: '111122223333',
      }).decision;
    expect(ask('xid-1')).toBe('allowed');
    expect(ask('other')).toBe('implicitDeny');
    expect(ask()).toBe('implicitDeny');
  });

  it.each([
    [{ trusted: { kind: 'ec2Service' }, externalId: 'xid-1' }, 'INVALID_EXTERNAL_ID', /EC2 never sends one/],
    [{ trusted: { kind: 'account', accountId: '4444' } }, 'INVALID_ACCOUNT_ID', /12 digits/],
    [{ trusted: { kind: 'role', roleArn: 'arn:aws:iam::111122223333:user/bob' } }, 'INVALID_ROLE_ARN', /not an IAM role ARN/],
    [{ trusted: { kind: 'role', roleArn: INSTANCE_ROLE }, partition: 'aws-cn' }, 'INVALID_ROLE_ARN', /partition "aws" but the policy is for "aws-cn"/],
    [{ trusted: { kind: 'account', accountId: '444455556666' }, externalId: 'x' }, 'INVALID_EXTERNAL_ID', /STS accepts 2 to 1224/],
    [{ trusted: { kind: 'ec2Service' }, partition: 'gcp' }, 'INVALID_PARTITION', /Unknown AWS partition/],
    [{ trusted: { kind: 'user' } }, 'INVALID_TRUSTED_ENTITY', /EC2 service, an AWS account or a role ARN/],
  ])('%j → %s', (override, code, message) => {
    const failure = thrownFailure(() => buildTrustPolicy({ partition: 'aws', ...override } as TrustPolicyOptions));
    expect(failure.detail.code).toBe(code);
    expect(failure.detail.message).toMatch(message);
  });
});

describe('buildAssumeRolePolicy', () => {
  it('sts:AssumeRole on exactly the connector role ARN', () => {
    expect(buildAssumeRolePolicy({ connectorRoleArn: CONNECTOR_ROLE })).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'AssumeConnectorRole', Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: [CONNECTOR_ROLE] }],
    });
  });

  it('grants no other role (evaluator)', () => {
    const document = buildAssumeRolePolicy({ connectorRoleArn: CONNECTOR_ROLE });
    const ask = (resource: string): string =>
      evaluate({ request: { action: 'sts:AssumeRole', resource, principal: { arn: INSTANCE_ROLE, account: '111122223333' } }, identityPolicies: [{ name: 'a', document }] }).decision;
    expect(ask(CONNECTOR_ROLE)).toBe('allowed');
    expect(ask('arn:aws:iam::111122223333:role/s3-connector-admin')).toBe('implicitDeny');
  });

  it('checks the ARN and, when given, its partition', () => {
    expect(thrownFailure(() => buildAssumeRolePolicy({ connectorRoleArn: 's3-connector' })).detail.code).toBe('INVALID_ROLE_ARN');
    expect(thrownFailure(() => buildAssumeRolePolicy({ connectorRoleArn: CONNECTOR_ROLE, partition: 'aws-us-gov' })).detail.message).toMatch(/"aws-us-gov"/);
    expect(buildAssumeRolePolicy({ connectorRoleArn: 'arn:aws-cn:iam::111122223333:role/c', partition: 'aws-cn' }).Statement[0]?.Resource).toEqual([
      'arn:aws-cn:iam::111122223333:role/c',
    ]);
  });
});

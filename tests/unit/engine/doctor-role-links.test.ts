import { describe, expect, it } from 'vitest';
import { assumePermissionLink, connectorTrustLink, ec2TrustLink, evaluateAccess } from '../../../electron/core/engine/verify/role-links';
import type { RoleState } from '../../../electron/core/engine/verify/role-state';
import { connectorAccessQuestions } from '../../../electron/core/engine/verify/connector-access';
import { buildAssumeRolePolicy, buildPermissionsPolicy, buildTrustPolicy } from '../../../shared/policy/build';
import type { PolicyDocument } from '../../../shared/policy/model';

function role(arn: string, trust: PolicyDocument, identity: PolicyDocument[] = []): RoleState {
  return {
    name: arn.slice(arn.lastIndexOf('/') + 1),
    arn,
    trust: { name: 'trust', document: trust },
    identityPolicies: identity.map((document, index) => ({ name: `policy-${String(index)}`, document })),
    unreadable: [],
  };
}

const ec2Trust = (partition: 'aws' | 'aws-cn'): PolicyDocument => buildTrustPolicy({ trusted: { kind: 'ec2Service' }, partition });
const INSTANCE_ROLE = 'arn:aws:iam::111111111111:role/agent-role';
const CONNECTOR_ROLE = 'arn:aws:iam::111111111111:role/connector-role';

describe('trust links, judged locally', () => {
  it('an instance role must trust the EC2 service of its own partition', () => {
    expect(ec2TrustLink(role(INSTANCE_ROLE, ec2Trust('aws'))).status).toBe('ok');
    const china = ec2TrustLink(role('arn:aws-cn:iam::111111111111:role/agent-role', ec2Trust('aws')));
    expect(china.status).toBe('broken');
    expect(china.title).toContain('ec2.amazonaws.com.cn');
    expect(china.reason).toMatch(/names ec2\.amazonaws\.com, which is the global form; this role is in partition aws-cn/);
    expect(china.fix?.command).toContain('ec2.amazonaws.com.cn');
    expect(ec2TrustLink(role('arn:aws-cn:iam::111111111111:role/agent-role', ec2Trust('aws-cn'))).status).toBe('ok');
    const accountTrust = buildTrustPolicy({ trusted: { kind: 'account', accountId: '111111111111' }, partition: 'aws' });
    expect(ec2TrustLink(role(INSTANCE_ROLE, accountTrust)).status).toBe('broken');
  });

  it('the connector role\'s trust must admit the instance role with the same External Id', () => {
    const instance = role(INSTANCE_ROLE, ec2Trust('aws'), [buildAssumeRolePolicy({ connectorRoleArn: CONNECTOR_ROLE })]);
    const connector = role(CONNECTOR_ROLE, buildTrustPolicy({ trusted: { kind: 'role', roleArn: INSTANCE_ROLE }, externalId: 'abc-123', partition: 'aws' }));
    expect(connectorTrustLink(connector, instance, 'i-0abc', 'abc-123').status).toBe('ok');
    expect(connectorTrustLink(connector, instance, 'i-0abc', 'abc-124').reason).toMatch(/different External Id/);
    expect(connectorTrustLink(connector, instance, 'i-0abc', undefined).reason).toMatch(/requires an External Id, and none is given/);
    const otherRole = role('arn:aws:iam::111111111111:role/someone-else', ec2Trust('aws'));
    const notTrusted = connectorTrustLink(connector, otherRole, 'i-0abc', 'abc-123');
    expect(notTrusted.status).toBe('broken');
    expect(notTrusted.fix?.command).toContain('someone-else');
  });

  it('the instance role needs its own allow for sts:AssumeRole on exactly the connector role', () => {
    const allowed = role(INSTANCE_ROLE, ec2Trust('aws'), [buildAssumeRolePolicy({ connectorRoleArn: CONNECTOR_ROLE })]);
    expect(assumePermissionLink(allowed, CONNECTOR_ROLE, 'i-0abc').status).toBe('ok');
    expect(assumePermissionLink(allowed, 'arn:aws:iam::111111111111:role/other', 'i-0abc').status).toBe('broken');
    const crossAccount = role(INSTANCE_ROLE, ec2Trust('aws'), [buildAssumeRolePolicy({ connectorRoleArn: 'arn:aws:iam::222222222222:role/connector' })]);
    expect(assumePermissionLink(crossAccount, 'arn:aws:iam::222222222222:role/connector', 'i-0abc').status).toBe('ok');
  });
});

describe('connector access, judged locally', () => {
  it('the least-privilege policy allows every connector action on the folder and none on a sibling folder', () => {
    const target = { bucket: 'acme-data', folder: 'sales/2026', access: 'write' as const, advancedMode: true, partition: 'aws' as const };
    const acting = role(CONNECTOR_ROLE, ec2Trust('aws'), [buildPermissionsPolicy(target)]);
    for (const question of connectorAccessQuestions(target)) expect(evaluateAccess(acting, 's', question.request).decision, question.id).toBe('allowed');
    for (const question of connectorAccessQuestions({ ...target, folder: 'finance' })) {
      if (question.id === 's3:ListBucketMultipartUploads') continue;
      expect(evaluateAccess(acting, 's', question.request).decision, question.id).toBe('implicitDeny');
    }
  });
});

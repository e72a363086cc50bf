import { describe, expect, it } from 'vitest';
import { asEc2Answer, unauthorizedOperation } from '../../../electron/core/sandbox/gateway/ec2-authorization';
import { errorResponse } from '../../../electron/core/sandbox/gateway/wire-errors';
import { xmlValue } from '../../../electron/core/sandbox/gateway/proxy';

describe('EC2 refusals in EC2 terms', () => {
  it('UnauthorizedOperation is HTTP 403 in EC2 XML with the reason in plain words', () => {
    const answer = unauthorizedOperation('User: arn:aws:iam::111111111111:user/dev is not authorized to perform: iam:PassRole', 'req-1');
    expect(answer.status).toBe(403);
    const body = answer.body.toString();
    expect(body).toContain('<Response><Errors><Error><Code>UnauthorizedOperation</Code>');
    expect(xmlValue(body, 'Message')).toBe('You are not authorized to perform this operation. User: arn:aws:iam::111111111111:user/dev is not authorized to perform: iam:PassRole');
  });

  it("moto's IAM-style AccessDenied for an EC2 call becomes EC2's UnauthorizedOperation, keeping moto's reason", () => {
    const fromMoto = errorResponse('query', 'iam', { code: 'AccessDenied', message: 'User: dev is not authorized to perform: ec2:RunInstances', status: 403 }, 'moto-req');
    const answer = asEc2Answer({ status: 403, headers: {}, body: Buffer.from(fromMoto.body) }, 'req-2');
    expect(answer.status).toBe(403);
    expect(xmlValue(answer.body.toString(), 'Code')).toBe('UnauthorizedOperation');
    expect(xmlValue(answer.body.toString(), 'Message')).toContain('ec2:RunInstances');
    expect(xmlValue(answer.body.toString(), 'RequestID')).toBe('req-2');
  });

  it('any other answer from moto passes as it is', () => {
    const ok = { status: 200, headers: {}, body: Buffer.from('<DescribeInstancesResponse/>') };
    expect(asEc2Answer(ok, 'req-3')).toBe(ok);
    const otherRefusal = { status: 403, headers: {}, body: Buffer.from('<Response><Errors><Error><Code>AuthFailure</Code></Error></Errors></Response>') };
    expect(asEc2Answer(otherRefusal, 'req-4')).toBe(otherRefusal);
  });
});

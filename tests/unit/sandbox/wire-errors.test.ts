import { describe, expect, it } from 'vitest';
import { accessDeniedError, errorResponse, escapeXml, serverError, throttlingError } from '../../../electron/core/sandbox/gateway/wire-errors';
import { xmlValue } from '../../../electron/core/sandbox/gateway/proxy';

const REQUEST_ID = 'req-1234';

describe('sandbox error answers in each service wire format', () => {
  it('an EC2 throttle answers RequestLimitExceeded with HTTP 503 in EC2 XML (Response/Errors/Error, RequestID)', () => {
    const answer = errorResponse('ec2', 'ec2', throttlingError('ec2'), REQUEST_ID);
    expect(answer.status).toBe(503);
    expect(answer.headers['content-type']).toBe('text/xml');
    expect(answer.body).toMatch(/<Response><Errors><Error><Code>RequestLimitExceeded<\/Code><Message>[^<]+<\/Message><\/Error><\/Errors><RequestID>req-1234<\/RequestID><\/Response>$/);
    expect(answer.body).not.toContain('<Type>');
  });

  it('an IAM throttle answers Throttling with HTTP 400 in IAM query XML, namespaced, typed Sender', () => {
    const answer = errorResponse('query', 'iam', throttlingError('query'), REQUEST_ID);
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">');
    expect(xmlValue(answer.body, 'Type')).toBe('Sender');
    expect(xmlValue(answer.body, 'Code')).toBe('Throttling');
    expect(xmlValue(answer.body, 'RequestId')).toBe(REQUEST_ID);
    expect(answer.headers['x-amzn-requestid']).toBe(REQUEST_ID);
  });

  it('an STS error uses the STS namespace, and a server fault is typed Receiver', () => {
    const answer = errorResponse('query', 'sts', serverError('query', 500), REQUEST_ID);
    expect(answer.status).toBe(500);
    expect(answer.body).toContain('<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">');
    expect(xmlValue(answer.body, 'Type')).toBe('Receiver');
    expect(xmlValue(answer.body, 'Code')).toBe('ServiceFailure');
  });

  it('a query error from a service without a known namespace has a bare ErrorResponse', () => {
    const answer = errorResponse('query', 'sns', throttlingError('query'), REQUEST_ID);
    expect(answer.body).toContain('<ErrorResponse><Error>');
  });

  it('an S3 throttle answers SlowDown with HTTP 503 in S3 XML (a bare Error element) with both request-id headers', () => {
    const answer = errorResponse('s3', 's3', throttlingError('s3'), REQUEST_ID);
    expect(answer.status).toBe(503);
    expect(answer.body).toMatch(/\n<Error><Code>SlowDown<\/Code><Message>[^<]+<\/Message><RequestId>req-1234<\/RequestId><\/Error>$/);
    expect(answer.headers).toEqual({ 'content-type': 'application/xml', 'x-amzn-requestid': REQUEST_ID, 'x-amz-request-id': REQUEST_ID });
  });

  it('JSON protocols answer a JSON body with __type and the x-amzn-errortype header', () => {
    const answer = errorResponse('restJson', 'sso', throttlingError('restJson'), REQUEST_ID);
    expect(answer.status).toBe(429);
    expect(answer.headers['x-amzn-errortype']).toBe('TooManyRequestsException');
    expect(JSON.parse(answer.body)).toEqual({ __type: 'TooManyRequestsException', message: 'Rate exceeded' });
    const json = errorResponse('json', 'logs', throttlingError('json'), REQUEST_ID);
    expect(json.status).toBe(400);
    expect(JSON.parse(json.body)).toMatchObject({ __type: 'ThrottlingException' });
  });

  it('a message with XML special characters is escaped, so the body stays parseable', () => {
    const answer = errorResponse('query', 'iam', { code: 'MalformedPolicyDocument', message: 'Bad <Principal> & "quotes"', status: 400 }, REQUEST_ID);
    expect(answer.body).toContain('<Message>Bad &lt;Principal&gt; &amp; &quot;quotes&quot;</Message>');
    expect(escapeXml(`a'b`)).toBe('a&apos;b');
  });
});

describe('sandbox error codes per protocol', () => {
  it('a 503 is Unavailable on EC2, ServiceUnavailable on IAM/STS, ServiceUnavailableException elsewhere', () => {
    expect(serverError('ec2', 503)).toMatchObject({ code: 'Unavailable', status: 503 });
    expect(serverError('query', 503)).toMatchObject({ code: 'ServiceUnavailable', status: 503 });
    expect(serverError('restJson', 503)).toMatchObject({ code: 'ServiceUnavailableException', status: 503 });
  });

  it('a 500 is InternalError on EC2 and InternalFailure on JSON services', () => {
    expect(serverError('ec2', 500)).toMatchObject({ code: 'InternalError', status: 500 });
    expect(serverError('json', 500)).toMatchObject({ code: 'InternalFailure', status: 500 });
  });

  it('access denied is UnauthorizedOperation on EC2 and AccessDenied naming caller and action on IAM', () => {
    expect(accessDeniedError('ec2', 'RunInstances', 'ec2', 'arn:aws:iam::111111111111:user/dev')).toMatchObject({ code: 'UnauthorizedOperation', status: 403 });
    const iam = accessDeniedError('query', 'CreateRole', 'iam', 'arn:aws:iam::111111111111:user/dev');
    expect(iam.code).toBe('AccessDenied');
    expect(iam.status).toBe(403);
    expect(iam.message).toContain('User: arn:aws:iam::111111111111:user/dev is not authorized to perform: iam:CreateRole');
  });

  it('S3 says only "Access Denied"; JSON services raise AccessDeniedException; an unknown caller is "the caller"', () => {
    expect(accessDeniedError('s3', 'GetObject', 's3', 'arn:aws:iam::111111111111:user/dev')).toEqual({ code: 'AccessDenied', message: 'Access Denied', status: 403 });
    const sso = accessDeniedError('restJson', 'GetRoleCredentials', 'sso', undefined);
    expect(sso.code).toBe('AccessDeniedException');
    expect(sso.message).toMatch(/^User: the caller is not authorized/);
  });
});

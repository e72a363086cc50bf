import type { WireProtocol } from './aws-request';

/**
 * Error answers in each protocol's own wire format, so the real SDKs parse them into the same
 * exceptions AWS would raise (reference/aws.md §2.3 for the XML shapes, §2.4 for restJson).
 */

export interface WireResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface WireError {
  readonly code: string;
  readonly message: string;
  readonly status: number;
  /** IAM/STS `<Type>`: Sender for client faults, Receiver for server faults. */
  readonly type?: 'Sender' | 'Receiver';
}

const QUERY_NAMESPACES: Readonly<Record<string, string>> = {
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
};

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function errorResponse(protocol: WireProtocol, service: string, error: WireError, requestId: string): WireResponse {
  const type = error.type ?? (error.status >= 500 ? 'Receiver' : 'Sender');
  switch (protocol) {
    case 'query': {
      const ns = QUERY_NAMESPACES[service];
      const open = ns === undefined ? '<ErrorResponse>' : `<ErrorResponse xmlns="${ns}">`;
      const body = `<?xml version="1.0" encoding="UTF-8"?>\n${open}<Error><Type>${type}</Type><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
      return xml(error.status, body, requestId);
    }
    case 'ec2': {
      const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`;
      return xml(error.status, body, requestId);
    }
    case 's3': {
      const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message><RequestId>${requestId}</RequestId></Error>`;
      return { ...xml(error.status, body, requestId), headers: { 'content-type': 'application/xml', 'x-amzn-requestid': requestId, 'x-amz-request-id': requestId } };
    }
    case 'json':
    case 'restJson':
      return {
        status: error.status,
        headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId, 'x-amzn-errortype': error.code },
        body: JSON.stringify({ __type: error.code, message: error.message }),
      };
  }
}

function xml(status: number, body: string, requestId: string): WireResponse {
  return { status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
}

/** The throttling error each protocol's service really sends; all are retried by the SDKs. */
export function throttlingError(protocol: WireProtocol): WireError {
  switch (protocol) {
    case 'ec2':
      return { code: 'RequestLimitExceeded', message: 'Request limit exceeded.', status: 503 };
    case 's3':
      return { code: 'SlowDown', message: 'Please reduce your request rate.', status: 503 };
    case 'restJson':
      return { code: 'TooManyRequestsException', message: 'Rate exceeded', status: 429 };
    case 'json':
      return { code: 'ThrottlingException', message: 'Rate exceeded', status: 400 };
    case 'query':
      return { code: 'Throttling', message: 'Rate exceeded', status: 400 };
  }
}

export function serverError(protocol: WireProtocol, status: 500 | 503): WireError {
  if (status === 503) {
    const code = protocol === 'ec2' ? 'Unavailable' : protocol === 'query' ? 'ServiceUnavailable' : 'ServiceUnavailableException';
    return { code, message: 'The service is unavailable. Please try again shortly.', status };
  }
  const code = protocol === 'ec2' ? 'InternalError' : protocol === 'query' ? 'ServiceFailure' : 'InternalFailure';
  return { code, message: 'An internal error has occurred. Please try again.', status };
}

export function accessDeniedError(protocol: WireProtocol, action: string, service: string, caller: string | undefined): WireError {
  if (protocol === 'ec2') return { code: 'UnauthorizedOperation', message: 'You are not authorized to perform this operation.', status: 403 };
  const who = caller ?? 'the caller';
  const message = `User: ${who} is not authorized to perform: ${service}:${action} because no identity-based policy allows the ${service}:${action} action`;
  if (protocol === 'restJson' || protocol === 'json') return { code: 'AccessDeniedException', message, status: 403 };
  return { code: 'AccessDenied', message: protocol === 's3' ? 'Access Denied' : message, status: 403 };
}

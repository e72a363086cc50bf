import { Agent, request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { WireResponse } from './wire-errors';

/**
 * Forwarding to moto. Requests keep their headers (Host included: it is part of the SigV4
 * signature moto verifies) and their bytes; bodies stream unless the gateway had to read them.
 */

export interface BufferedResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function forwardRequest(moto: URL, incoming: IncomingMessage) {
  return httpRequest({
    agent,
    host: moto.hostname,
    port: moto.port,
    method: incoming.method,
    path: incoming.url,
    headers: incoming.headers,
  });
}

/** Streams the request to moto and moto's answer back, adding the request id header AWS always sends. */
export function forwardStreaming(moto: URL, incoming: IncomingMessage, outgoing: ServerResponse, requestId: string, body?: Buffer): void {
  const upstream = forwardRequest(moto, incoming);
  upstream.on('response', (answer) => {
    const headers: IncomingHttpHeaders = { ...answer.headers };
    if (headers['x-amzn-requestid'] === undefined) headers['x-amzn-requestid'] = requestId;
    outgoing.writeHead(answer.statusCode ?? 502, headers);
    answer.pipe(outgoing);
  });
  upstream.on('error', (error) => failUpstream(outgoing, requestId, error));
  if (body !== undefined) upstream.end(body);
  else incoming.pipe(upstream);
}

export function forwardBuffered(moto: URL, incoming: IncomingMessage, body: Buffer): Promise<BufferedResponse> {
  return new Promise((resolve, reject) => {
    const upstream = forwardRequest(moto, incoming);
    upstream.on('response', (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(chunks) }));
      answer.on('error', reject);
    });
    upstream.on('error', reject);
    upstream.end(body);
  });
}

export function sendBuffered(outgoing: ServerResponse, response: BufferedResponse, requestId: string): void {
  const headers: IncomingHttpHeaders = { ...response.headers, 'content-length': String(response.body.length) };
  delete headers['transfer-encoding'];
  if (headers['x-amzn-requestid'] === undefined) headers['x-amzn-requestid'] = requestId;
  outgoing.writeHead(response.status, headers);
  outgoing.end(response.body);
}

export function sendWire(outgoing: ServerResponse, response: WireResponse): void {
  const body = Buffer.from(response.body, 'utf8');
  outgoing.writeHead(response.status, { ...response.headers, 'content-length': String(body.length) });
  outgoing.end(body);
}

export function readBody(incoming: IncomingMessage, limitBytes = 16 * 1024 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        reject(new Error(`request body larger than ${String(limitBytes)} bytes`));
        incoming.destroy();
        return;
      }
      chunks.push(chunk);
    });
    incoming.on('end', () => resolve(Buffer.concat(chunks)));
    incoming.on('error', reject);
  });
}

function failUpstream(outgoing: ServerResponse, requestId: string, error: Error): void {
  if (outgoing.headersSent) {
    outgoing.destroy(error);
    return;
  }
  const body = `moto is not answering: ${error.message}`;
  outgoing.writeHead(502, { 'content-type': 'text/plain', 'x-amzn-requestid': requestId, 'content-length': String(Buffer.byteLength(body)) });
  outgoing.end(body);
}

/** First text content of `<tag>` in an XML answer; moto's answers are flat enough for this. */
export function xmlValue(xml: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml);
  return match === null ? undefined : decodeXmlText(match[1]!);
}

function decodeXmlText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, '&');
}

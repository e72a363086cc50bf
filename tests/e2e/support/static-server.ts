import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { mimeTypeFor } from '../../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/content-security-policy';
import { join, normalize, sep } from 'node:path';

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** Serves a folder on 127.0.0.1 with the app's CSP header, as the app:// protocol does. */
export async function serveFolder(folder: string, options: { csp?: boolean } = {}): Promise<StaticServer> {
  const root = normalize(folder);
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = normalize(join(root, path === '/' ? 'index.html' : decodeURIComponent(path)));
    if (!file.startsWith(root + sep)) {
      response.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => {
        const headers: Record<string, string> = { 'content-type': mimeTypeFor(file) };
        if (options.csp !== false) headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
        response.writeHead(200, headers).end(body);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    // The browser keeps connections alive; close them, or close() waits for them until the test times out.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JSONWebKeySet } from 'jose';

export const JWKS_PATH = '/.well-known/jwks.json';
export const OPENID_CONFIGURATION_PATH = '/.well-known/openid-configuration';

export interface RunningJwksServer {
  /** Base URL, e.g. http://127.0.0.1:3999 */
  url: string;
  close(): Promise<void>;
}

/** What the server publishes; read on every request so the issuer may be settled after the port is known. */
export interface PublishedIssuer {
  jwks(): JSONWebKeySet;
  issuer(baseUrl: string): string;
  algorithms(): string[];
}

/** A minimal OIDC discovery endpoint: enough for services to find and fetch the test issuer's keys. */
export async function serveJwks(published: PublishedIssuer, port: number, host: string): Promise<RunningJwksServer> {
  let baseUrl = '';
  const server = createServer((request, response) => respond(request, response, published, baseUrl));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  baseUrl = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  return {
    url: baseUrl,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Verifiers keep connections alive; without this close() would wait for them to time out.
        server.closeAllConnections();
      }),
  };
}

function respond(request: IncomingMessage, response: ServerResponse, published: PublishedIssuer, baseUrl: string) {
  const path = new URL(request.url ?? '/', baseUrl).pathname;
  if (request.method !== 'GET') return send(response, 405, { error: 'method not allowed' });
  if (path === JWKS_PATH) return send(response, 200, published.jwks());
  if (path === OPENID_CONFIGURATION_PATH) {
    return send(response, 200, {
      issuer: published.issuer(baseUrl),
      jwks_uri: `${baseUrl}${JWKS_PATH}`,
      id_token_signing_alg_values_supported: published.algorithms(),
      subject_types_supported: ['public'],
    });
  }
  return send(response, 404, { error: 'not found' });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

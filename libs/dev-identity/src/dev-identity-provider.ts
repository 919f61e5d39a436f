// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- oidc-provider ships no types; this declares what Baton uses
/// <reference path="./oidc-provider.d.ts" />
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
// The package's own in-memory storage, created here so that it outlives the provider instances a key rotation replaces.
import { createMemoryAdapter } from 'oidc-provider/lib/adapters/memory_adapter.js';
import type { JSONWebKeySet } from 'jose';
import { defaultTenantConfigDir, TenantDirectory } from '@baton/tenancy';
import { agencySystemClients, peopleOf } from './people.js';
import type { DevPerson, SystemClient } from './people.js';
import { DEFAULT_LIFETIMES, JWKS_ROUTE, batonClaims, longestSignedLifetime } from './provider-configuration.js';
import type { AccessTokenClaims, TokenLifetimes } from './provider-configuration.js';
import { batonWebClient, tokenScriptClient } from './sign-in-client.js';
import type { SignInClient } from './sign-in-client.js';
import { handleInteraction } from './interactions.js';
import { RotatingProvider } from './rotating-provider.js';
import { SigningKeys } from './signing-keys.js';

export const DEFAULT_PORT = 3999;

/** `<repo>/.baton/dev-identity`, found from this file (`libs/dev-identity/src` or `dist`). */
export function defaultKeysDirectory(): string {
  return fileURLToPath(new URL('../../../.baton/dev-identity', import.meta.url));
}

export interface DevIdentityProviderOptions {
  /** Default 3999; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The issuer identifier tokens carry; default `http://<host>:<port>` as listened on. */
  issuer?: string;
  /** The audience (resource indicator) of access tokens; default `baton`. */
  audience?: string;
  /** The people the sign-in page lists; default every person of the tenant files (TENANT_CONFIG_DIR). */
  people?: DevPerson[];
  /** Where the signing keys persist; default `<repo>/.baton/dev-identity`. */
  keysDirectory?: string;
  /** Clients people sign in through; default Baton's web service (`baton-web`, {@link batonWebClient}) and `npm run token`. */
  signInClients?: SignInClient[];
  /** Agencies' systems using client credentials; default one per agency of the tenant files. */
  systemClients?: SystemClient[];
  /** What access tokens carry; default Baton's own claim names. Tests shape tokens like other providers here. */
  accessTokenClaims?: AccessTokenClaims;
  lifetimes?: Partial<TokenLifetimes>;
}

export interface RunningDevIdentityProvider {
  /** The issuer identifier, e.g. http://127.0.0.1:3999 */
  issuer: string;
  /** Where it listens, e.g. http://127.0.0.1:3999 (differs from issuer only when one was given). */
  url: string;
  /** The people the sign-in page lists. */
  people: readonly DevPerson[];
  /** The published key set, as /.well-known/jwks.json serves it. */
  jwks(): JSONWebKeySet;
  /** A new key signs from now on; the old one stays published until the tokens it signed have expired. */
  rotateKeys(): Promise<{ kid: string }>;
  close(): Promise<void>;
}

/**
 * Baton's development OpenID Provider, built on `oidc-provider`: discovery, JWKS, authorization code with
 * PKCE (S256), refresh tokens, RP-initiated logout and client credentials; access tokens are JWTs for
 * Baton. Its sign-in page lists the invented people of the tenant files.
 */
export async function startDevIdentityProvider(
  options: DevIdentityProviderOptions = {},
): Promise<RunningDevIdentityProvider> {
  const tenants = options.people && options.systemClients ? undefined : loadTenants();
  const people = options.people ?? peopleOf(tenants as TenantDirectory);
  const systemClients = options.systemClients ?? agencySystemClients(tenants as TenantDirectory);
  const lifetimes = { ...DEFAULT_LIFETIMES, ...options.lifetimes };
  const keysDirectory = options.keysDirectory ?? defaultKeysDirectory();
  const keys = await SigningKeys.open(keysDirectory, longestSignedLifetime(lifetimes) * 1000);

  const peopleById = indexPeople(people);
  const started: { provider?: RotatingProvider } = {};
  const server = createServer((request, response) => {
    const { provider } = started;
    if (!provider) {
      response.writeHead(503).end();
      return;
    }
    const path = new URL(request.url ?? '/', 'http://provider.invalid').pathname;
    if (path.startsWith('/interaction/')) {
      void handleInteraction(provider.current, request, response, path, peopleById);
      return;
    }
    provider.handle(request, response);
  });
  await listen(server, options.port ?? DEFAULT_PORT, options.host ?? '127.0.0.1');
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  const issuer = options.issuer ?? url;
  const provider = new RotatingProvider(issuer, keys, keysDirectory, {
    audience: options.audience ?? 'baton',
    people: peopleById,
    signInClients: options.signInClients ?? [batonWebClient(), tokenScriptClient()],
    systemClients: new Map(systemClients.map((client) => [client.clientId, client])),
    cookieKeys: [randomBytes(32).toString('base64url')],
    lifetimes,
    accessTokenClaims: options.accessTokenClaims ?? batonClaims,
    adapter: createMemoryAdapter(),
  });
  started.provider = provider;

  return {
    issuer,
    url,
    people,
    jwks: () => ({
      keys: keys.privateJwks().map(({ kty, n, e, kid, alg, use }) => ({ kty, n, e, kid, alg, use })),
    }),
    rotateKeys: async () => ({ kid: await provider.rotate() }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        provider.close();
        server.close((error) => (error ? reject(error) : resolve()));
        // Verifiers and browsers keep connections alive; without this close() would wait for them.
        server.closeAllConnections();
      }),
  };
}

export { JWKS_ROUTE };

/**
 * Rotates the signing keys kept in keysDirectory from outside a running provider, which takes the change up:
 * the next key signs from now on, the old one stays published until its tokens have expired.
 */
export async function rotateSigningKeys(
  keysDirectory = defaultKeysDirectory(),
  lifetimes: Partial<TokenLifetimes> = {},
): Promise<{ kid: string }> {
  const keys = await SigningKeys.open(
    keysDirectory,
    longestSignedLifetime({ ...DEFAULT_LIFETIMES, ...lifetimes }) * 1000,
  );
  return { kid: await keys.rotate() };
}

function loadTenants(): TenantDirectory {
  return TenantDirectory.load(process.env.TENANT_CONFIG_DIR || defaultTenantConfigDir());
}

/** Accounts are found by person id, so a person id may appear in one tenant only. */
function indexPeople(people: DevPerson[]): Map<string, DevPerson> {
  const index = new Map<string, DevPerson>();
  for (const person of people) {
    const earlier = index.get(person.personId);
    if (earlier) {
      throw new Error(
        `person ${person.personId} is listed in tenants ${earlier.tenant} and ${person.tenant}: the development identity provider needs person ids unique across tenants`,
      );
    }
    index.set(person.personId, person);
  }
  return index;
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

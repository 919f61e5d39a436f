import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, Module } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { base64url, generateKeyPair, importJWK, SignJWT } from 'jose';
import type { CryptoKey, JWK, JWTPayload } from 'jose';
import * as oidc from 'openid-client';
import {
  batonClaims,
  batonWebClient,
  discoverClient,
  signInAs,
  startDevIdentityProvider,
  SIGNING_KEYS_FILE,
} from '@baton/dev-identity';
import type { AccessTokenClaims, RunningDevIdentityProvider } from '@baton/dev-identity';
import { TenantDirectory } from '@baton/tenancy';
import type { AuthOptions } from './auth-options.js';
import { AuthModule } from './auth.module.js';
import type { Caller } from './caller.js';
import { CurrentCaller } from './current-caller.decorator.js';
import { Roles } from './roles.js';

@Controller('v1')
class ExampleController {
  @Get('me')
  me(@CurrentCaller() caller: Caller): Caller {
    return caller;
  }

  @Roles('triager')
  @Get('triage/queue')
  queue(): { items: unknown[] } {
    return { items: [] };
  }
}

async function startApp(options: AuthOptions): Promise<{ url: string; close(): Promise<void> }> {
  @Module({ imports: [AuthModule.forRoot(options)], controllers: [ExampleController] })
  class ExampleApp {}
  const moduleRef = await Test.createTestingModule({ imports: [ExampleApp] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
  await app.listen(0, '127.0.0.1');
  return { url: await app.getUrl(), close: () => app.close() };
}

const WEB = batonWebClient({ baseUrl: 'http://web.test.invalid', clientSecret: 'test-web-secret' });
const tenants = TenantDirectory.load();

/** A provider whose access tokens the test shapes (Baton's own claims, Keycloak's, Entra ID's). */
async function startProvider(
  keysDirectory: string,
  options: { audience?: string; shape: () => AccessTokenClaims },
): Promise<RunningDevIdentityProvider> {
  return startDevIdentityProvider({
    port: 0,
    keysDirectory,
    audience: options.audience,
    signInClients: [WEB],
    accessTokenClaims: (subject) => options.shape()(subject),
  });
}

const signIn = async (provider: RunningDevIdentityProvider, personId: string) =>
  signInAs({
    issuer: provider.issuer,
    clientId: WEB.clientId,
    clientSecret: WEB.clientSecret,
    redirectUri: WEB.redirectUris[0],
    personId,
  });

const call = (url: string, token: string, path = '/v1/me') =>
  fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });

async function refusalOf(response: Response): Promise<string> {
  expect(response.status).toBe(401);
  const challenge = response.headers.get('www-authenticate') ?? '';
  return /error_description="([^"]*)"/.exec(challenge)?.[1] ?? `no description in ${challenge}`;
}

describe('services accept tokens from a real OpenID Provider, found by discovery', () => {
  let keysDirectory: string;
  let provider: RunningDevIdentityProvider;
  let shape: AccessTokenClaims = batonClaims;
  let api: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    keysDirectory = await mkdtemp(join(tmpdir(), 'baton-auth-oidc-'));
    provider = await startProvider(keysDirectory, { shape: () => shape });
    api = await startApp({ issuer: provider.issuer, audience: 'baton', tenants });
  });

  afterEach(() => {
    shape = batonClaims;
  });

  afterAll(async () => {
    await api?.close();
    await provider?.close();
    await rm(keysDirectory, { recursive: true, force: true });
  });

  it('accepts the access token of a person signed in with code and PKCE by openid-client', async () => {
    const { tokens } = await signIn(provider, 'hub-triager');
    const response = await call(api.url, tokens.access_token);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      personId: 'hub-triager',
      agencyId: 'demo-early-help-hub',
      roles: ['triager', 'practitioner'],
      tenant: 'demo',
    });
    expect((await call(api.url, tokens.access_token, '/v1/triage/queue')).status).toBe(200);
  });

  it("accepts an agency system's client credentials token as a caller of its agency", async () => {
    const config = await discoverClient(provider.issuer, 'demo.demo-yot.system', 'agency-system-development-secret');
    const { access_token } = await oidc.clientCredentialsGrant(config);
    const response = await call(api.url, access_token);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      personId: 'demo.demo-yot.system',
      agencyId: 'demo-yot',
      roles: ['practitioner'],
    });
  });

  it('accepts the access token a refresh gives', async () => {
    const { config, tokens } = await signIn(provider, 'yot-manager');
    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token as string);
    const response = await call(api.url, refreshed.access_token);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ personId: 'yot-manager', roles: ['manager'] });
  });

  it('accepts tokens signed before and after a key rotation', async () => {
    const warmUp = await signIn(provider, 'school-dsl');
    expect((await call(api.url, warmUp.tokens.access_token)).status).toBe(200);
    const before = await signIn(provider, 'health-visitor');
    await provider.rotateKeys();
    const after = await signIn(provider, 'health-visitor');
    expect((await call(api.url, before.tokens.access_token)).status).toBe(200);
    expect((await call(api.url, after.tokens.access_token)).status).toBe(200);
  });

  describe('refuses each bad token saying what failed', () => {
    let real: string;
    let signingKey: CryptoKey;
    let kid: string;
    let publicJwk: JWK;

    beforeAll(async () => {
      real = (await signIn(provider, 'csc-duty')).tokens.access_token;
      const stored = JSON.parse(await readFile(join(keysDirectory, SIGNING_KEYS_FILE), 'utf8')) as {
        keys: { jwk: JWK & { kid: string }; next?: boolean; retiredAt?: string }[];
      };
      const current = stored.keys.find((key) => !key.next && !key.retiredAt) as { jwk: JWK & { kid: string } };
      kid = current.jwk.kid;
      signingKey = (await importJWK(current.jwk, 'RS256')) as CryptoKey;
      publicJwk = provider.jwks().keys.find((key) => key.kid === kid) as JWK;
    });

    const payloadOf = (token: string): JWTPayload =>
      JSON.parse(new TextDecoder().decode(base64url.decode(token.split('.')[1])));

    const signedWithProviderKey = (payload: JWTPayload, header: Record<string, unknown> = {}) =>
      new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid, typ: 'at+jwt', ...header }).sign(signingKey);

    it('alg none', async () => {
      const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'at+jwt' }));
      const unsigned = `${header}.${real.split('.')[1]}.`;
      expect(await refusalOf(await call(api.url, unsigned))).toBe(
        'algorithm not allowed (allowed: RS256, PS256, ES256, EdDSA)',
      );
    });

    it('HS256 signed with the public key', async () => {
      const forged = await new SignJWT(payloadOf(real))
        .setProtectedHeader({ alg: 'HS256', kid, typ: 'at+jwt' })
        .sign(new TextEncoder().encode(JSON.stringify(publicJwk)));
      expect(await refusalOf(await call(api.url, forged))).toBe(
        'algorithm not allowed (allowed: RS256, PS256, ES256, EdDSA)',
      );
    });

    it('expired', async () => {
      const now = Math.floor(Date.now() / 1000);
      const token = await signedWithProviderKey({ ...payloadOf(real), iat: now - 7200, exp: now - 3600 });
      expect(await refusalOf(await call(api.url, token))).toBe('token expired');
    });

    it('not yet valid', async () => {
      const now = Math.floor(Date.now() / 1000);
      const token = await signedWithProviderKey({ ...payloadOf(real), nbf: now + 600, exp: now + 1200 });
      expect(await refusalOf(await call(api.url, token))).toBe('token not yet valid');
    });

    it('wrong issuer', async () => {
      const token = await signedWithProviderKey({ ...payloadOf(real), iss: 'https://elsewhere.test.invalid' });
      expect(await refusalOf(await call(api.url, token))).toBe('issuer mismatch');
    });

    it('wrong audience', async () => {
      const token = await signedWithProviderKey({ ...payloadOf(real), aud: 'another-api' });
      expect(await refusalOf(await call(api.url, token))).toBe('audience mismatch');
    });

    it('a foreign key under the provider key id', async () => {
      const { privateKey } = await generateKeyPair('RS256');
      const token = await new SignJWT(payloadOf(real))
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'at+jwt' })
        .sign(privateKey);
      expect(await refusalOf(await call(api.url, token))).toBe('signature verification failed');
    });

    it('a tampered payload', async () => {
      const [header, , signature] = real.split('.');
      const promoted = base64url.encode(JSON.stringify({ ...payloadOf(real), roles: ['auditor'] }));
      expect(await refusalOf(await call(api.url, `${header}.${promoted}.${signature}`))).toBe(
        'signature verification failed',
      );
    });

    it('an unknown tenant, on every route', async () => {
      shape = (subject) => ({ ...batonClaims(subject), tenant: 'elsewhere' });
      const { tokens } = await signIn(provider, 'hub-triager');
      for (const path of ['/v1/me', '/v1/triage/queue']) {
        expect(await refusalOf(await call(api.url, tokens.access_token, path))).toBe(
          'tenant claim names a tenant Baton does not serve: elsewhere',
        );
      }
    });

    it('an agency the tenant does not have, on every route', async () => {
      shape = (subject) => ({ ...batonClaims(subject), agency_id: 'demo-nowhere' });
      const { tokens } = await signIn(provider, 'hub-triager');
      for (const path of ['/v1/me', '/v1/triage/queue']) {
        expect(await refusalOf(await call(api.url, tokens.access_token, path))).toBe(
          'agency_id claim names an agency tenant demo does not have: demo-nowhere',
        );
      }
    });

    it('a token without the agency claim', async () => {
      shape = (subject) => ({ ...batonClaims(subject), agency_id: undefined });
      const { tokens } = await signIn(provider, 'hub-triager');
      expect(await refusalOf(await call(api.url, tokens.access_token))).toBe('missing agency_id claim');
    });
  });
});

describe('a service started before its identity provider', () => {
  it('answers 503 while the provider is down, then finds its keys by discovery once it is up', async () => {
    const keysDirectory = await mkdtemp(join(tmpdir(), 'baton-auth-late-'));
    // Learn a free port, then free it: the service is configured for a provider not yet listening there.
    const first = await startDevIdentityProvider({ port: 0, keysDirectory, signInClients: [WEB] });
    const { issuer } = first;
    const token = (await signIn(first, 'hub-triager')).tokens.access_token;
    await first.close();
    const api = await startApp({ issuer, audience: 'baton', tenants });
    let provider: RunningDevIdentityProvider | undefined;
    try {
      const early = await call(api.url, token);
      expect(early.status).toBe(503);
      expect(early.headers.get('www-authenticate')).toBeNull();
      provider = await startDevIdentityProvider({
        port: Number(new URL(issuer).port),
        keysDirectory,
        signInClients: [WEB],
      });
      // Discovery is tried again at most every five seconds after a failure.
      let status = 503;
      for (let waited = 0; status === 503 && waited < 8000; waited += 500) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        status = (await call(api.url, token)).status;
      }
      expect(status).toBe(200);
    } finally {
      await api.close();
      await provider?.close();
      await rm(keysDirectory, { recursive: true, force: true });
    }
  });
});

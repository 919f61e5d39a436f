import { Controller, Get, Module } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { AuthModule } from './auth.module.js';
import type { Caller } from './caller.js';
import { CurrentCaller } from './current-caller.decorator.js';
import { TestIssuer, type RunningJwksServer, type TestTokenClaims } from '@baton/testing';
import { Public } from './public.js';
import { Roles } from './roles.js';
import { TokenVerifier } from './token-verifier.js';

@Controller('v1')
class ExampleController {
  @Public()
  @Get('status')
  status(): { status: string } {
    return { status: 'ok' };
  }

  @Get('me')
  me(@CurrentCaller() caller: Caller): Caller {
    return caller;
  }

  @Roles('manager', 'auditor')
  @Get('reports')
  reports(@CurrentCaller() caller: Caller): { requestedBy: string } {
    return { requestedBy: caller.personId };
  }
}

@Public()
@Controller('open')
class OpenController {
  @Get()
  open(): { open: boolean } {
    return { open: true };
  }
}

const jo: TestTokenClaims = {
  sub: 'person-0003',
  name: 'Jo Placeholder',
  agency_id: 'agency-east',
  roles: ['practitioner'],
  tenant: 'demo',
};

async function startApp(module: ReturnType<typeof AuthModule.forRoot>): Promise<NestFastifyApplication> {
  @Module({ imports: [module], controllers: [ExampleController, OpenController] })
  class ExampleApp {}
  const moduleRef = await Test.createTestingModule({ imports: [ExampleApp] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
  await app.listen(0, '127.0.0.1');
  return app;
}

describe('AuthModule on Fastify with keys fetched from the issuer over HTTP', () => {
  let issuer: TestIssuer;
  let jwksServer: RunningJwksServer;
  let app: NestFastifyApplication;
  let baseUrl: string;

  beforeAll(async () => {
    issuer = await TestIssuer.ephemeral({ audience: 'baton' });
    jwksServer = await issuer.listen(0);
    const discovery = (await (await fetch(`${jwksServer.url}/.well-known/openid-configuration`)).json()) as {
      issuer: string;
      jwks_uri: string;
    };
    app = await startApp(
      AuthModule.forRoot({ issuer: discovery.issuer, audience: 'baton', jwksUrl: discovery.jwks_uri }),
    );
    baseUrl = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    await jwksServer?.close();
  });

  const get = async (path: string, token?: string) =>
    fetch(`${baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('refuses a request without a token, challenging for one', async () => {
    const response = await get('/v1/me');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      'Bearer error="invalid_token", error_description="missing bearer token"',
    );
  });

  it('refuses a token that is not a bearer token', async () => {
    const response = await fetch(`${baseUrl}/v1/me`, { headers: { authorization: 'Basic am86c2VjcmV0' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('missing bearer token');
  });

  it('says why a token was refused', async () => {
    const response = await get('/v1/me', await issuer.sign(jo, { expiresIn: -60 }));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      'Bearer error="invalid_token", error_description="token expired"',
    );
  });

  it('hands the verified caller to the route', async () => {
    const response = await get('/v1/me', await issuer.sign(jo));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      personId: 'person-0003',
      name: 'Jo Placeholder',
      agencyId: 'agency-east',
      roles: ['practitioner'],
      tenant: 'demo',
    });
  });

  it('forbids a caller without the roles a route requires, naming them', async () => {
    const response = await get('/v1/reports', await issuer.sign(jo));
    expect(response.status).toBe(403);
    expect(((await response.json()) as { message: string }).message).toBe(
      'requires one of the roles: manager, auditor',
    );
  });

  it('serves a caller holding one of the required roles', async () => {
    const response = await get('/v1/reports', await issuer.sign({ ...jo, roles: ['auditor'] }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ requestedBy: 'person-0003' });
  });

  it('serves public routes and public controllers without a token', async () => {
    expect((await get('/v1/status')).status).toBe(200);
    expect((await get('/open')).status).toBe(200);
  });

  it('offers the verifier to code outside HTTP', async () => {
    const verifier = app.get(TokenVerifier);
    await expect(verifier.verify(await issuer.sign(jo))).resolves.toMatchObject({ agencyId: 'agency-east' });
  });
});

describe('AuthModule when the issuer cannot be reached', () => {
  it('answers 503 rather than blaming the token', async () => {
    const issuer = await TestIssuer.ephemeral({ audience: 'baton' });
    const jwksServer = await issuer.listen(0);
    const token = await issuer.sign(jo);
    await jwksServer.close();
    const app = await startApp(
      AuthModule.forRoot({
        issuer: issuer.issuer,
        audience: 'baton',
        jwksUrl: `${jwksServer.url}/.well-known/jwks.json`,
      }),
    );
    try {
      const response = await fetch(`${await app.getUrl()}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(503);
      expect(response.headers.get('www-authenticate')).toBeNull();
    } finally {
      await app.close();
    }
  });
});

describe('AuthModule.forRootAsync', () => {
  it('guards routes with options built by a factory', async () => {
    const issuer = await TestIssuer.ephemeral({ issuer: 'http://issuer.test.invalid', audience: 'baton' });
    const app = await startApp(
      AuthModule.forRootAsync({
        useFactory: () => ({ issuer: issuer.issuer, audience: 'baton', jwks: issuer.jwks() }),
      }),
    );
    try {
      const url = `${await app.getUrl()}/v1/me`;
      expect((await fetch(url)).status).toBe(401);
      const response = await fetch(url, { headers: { authorization: `Bearer ${await issuer.sign(jo)}` } });
      expect(response.status).toBe(200);
    } finally {
      await app.close();
    }
  });
});

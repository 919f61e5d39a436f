import 'reflect-metadata';
import { Controller, Get, Module, Param } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuthModule, CurrentCaller, type Caller } from '@baton/auth';
import { TestIssuer, type RunningJwksServer } from '@baton/testing';
import { createHttpApp, type HttpAppOptions } from './app/create-http-app.js';

@Controller('v1/families')
class FamiliesController {
  @Get(':id')
  read(@CurrentCaller() caller: Caller, @Param('id') id: string): { id: string; readBy: string } {
    return { id, readBy: caller.personId };
  }
}

describe('defences of every Baton API', () => {
  let issuer: TestIssuer;
  let jwks: RunningJwksServer;
  const apps: NestFastifyApplication[] = [];

  beforeAll(async () => {
    issuer = await TestIssuer.ephemeral({ audience: 'baton' });
    jwks = await issuer.listen(0);
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await jwks.close();
  });

  async function start(options: Partial<HttpAppOptions> = {}): Promise<string> {
    @Module({
      imports: [
        AuthModule.forRoot({ issuer: issuer.issuer, audience: 'baton', jwksUrl: `${jwks.url}/.well-known/jwks.json` }),
      ],
      controllers: [FamiliesController],
    })
    class FamiliesModule {}
    const app = await createHttpApp(FamiliesModule, {
      service: 'families',
      description: 'test',
      logLevels: ['fatal'],
      ...options,
    });
    apps.push(app);
    await app.listen(0, '127.0.0.1');
    return app.getUrl();
  }

  const tokenOf = (sub: string) =>
    issuer.sign({ sub, name: sub, agency_id: 'agency-east', roles: ['practitioner'], tenant: 'demo' });

  async function get(url: string, token?: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(url, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
  }

  describe('security headers', () => {
    let url: string;
    beforeAll(async () => {
      url = await start();
    });

    it.each([
      ['a record', '/v1/families/f1', true, 200],
      ['a refusal without a token', '/v1/families/f1', false, 401],
      ['an unknown route', '/v1/nowhere', true, 404],
      ['an over-long path parameter', `/v1/families/${'f'.repeat(300)}`, true, 414],
    ])('are on %s', async (_what, path, withToken, status) => {
      const response = await get(`${url}${path}`, withToken ? await tokenOf('p1') : undefined);
      expect(response.status).toBe(status);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cache-control')).toBe('no-store');
      if (status !== 414) {
        expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
        expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
        expect(response.headers.get('x-frame-options')).toBe('DENY');
        expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      }
      expect(response.headers.get('strict-transport-security')).toBeNull();
    });

    it('add HSTS when the trusted proxy in front says the request came over TLS', async () => {
      const response = await get(`${url}/v1/families/f1`, await tokenOf('p1'), { 'x-forwarded-proto': 'https' });
      expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    });

    it('serve no OpenAPI document or Swagger UI unless asked to', async () => {
      expect((await get(`${url}/docs/json`)).status).toBe(404);
      expect((await get(`${url}/docs`)).status).toBe(404);
      const withDocs = await start({ docs: 'json' });
      const document = await get(`${withDocs}/docs/json`);
      expect(document.status).toBe(200);
      expect(((await document.json()) as { paths: object }).paths).toHaveProperty(['/v1/families/{id}']);
    });
  });

  describe('rate limits', () => {
    it('stop one caller past their limit with a 429 problem and Retry-After, and leave others alone', async () => {
      const url = await start({ rateLimits: { perCaller: 5, perAddress: 1000, windowSeconds: 60 } });
      const [busy, other] = [await tokenOf('busy'), await tokenOf('other')];
      for (let i = 0; i < 5; i++) expect((await get(`${url}/v1/families/f1`, busy)).status).toBe(200);
      const refused = await get(`${url}/v1/families/f1`, busy);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({
        status: 429,
        type: expect.stringMatching(/rate-limited$/),
        limit: 5,
      });
      expect((await get(`${url}/v1/families/f1`, other)).status).toBe(200);
    });

    it('stop one address past its limit whatever tokens it sends', async () => {
      const url = await start({ rateLimits: { perCaller: 1000, perAddress: 3, windowSeconds: 60 } });
      const statuses: number[] = [];
      for (const sub of ['a', 'b', 'c', 'd'])
        statuses.push((await get(`${url}/v1/families/f1`, await tokenOf(sub))).status);
      const anonymous = await get(`${url}/v1/families/f1`);
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(anonymous.status).toBe(429);
      expect(anonymous.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    });
  });
});

import 'reflect-metadata';
import { request as httpRequest } from 'node:http';
import { Body, Controller, Get, Module, Param, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Type } from 'class-transformer';
import { IsOptional, IsString, ValidateNested } from 'class-validator';
import pg from 'pg';
import { createHttpApp } from './app/create-http-app.js';

class Person {
  @IsString()
  name: string;
}

class Proposal {
  @ValidateNested()
  @Type(() => Person)
  lead: Person;

  @IsOptional()
  @ValidateNested()
  @Type(() => Person)
  deputy?: Person;
}

@Controller('v1/things')
class ThingsController {
  @Post()
  create(@Body() body: Proposal): { lead: string } {
    return { lead: body.lead.name };
  }

  @Get(':id')
  read(@Param('id') id: string): { id: string } {
    return { id };
  }

  /** What a handler sees when its database refuses connections. */
  @Get(':id/stored')
  async stored(): Promise<never> {
    const client = new pg.Client({ host: '127.0.0.1', port: 1, connectionTimeoutMillis: 2000 });
    await client.connect();
    throw new Error('unreachable');
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

describe('HTTP conventions under hostile input', () => {
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    app = await createHttpApp(ThingsModule, {
      service: 'things',
      description: 'test',
      bodyLimit: 64 * 1024,
      logLevels: ['fatal'],
      swaggerUi: false,
    });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });

  afterAll(() => app.close());

  async function send(path: string, init: RequestInit = {}): Promise<Answer> {
    const response = await fetch(`${url}${path}`, init);
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
  }

  const post = (body: string, contentType = 'application/json') =>
    send('/v1/things', { method: 'POST', headers: { 'content-type': contentType }, body });

  function expectProblem(answer: Answer, status: number) {
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({
      status,
      type: expect.stringMatching(/^https:\/\//),
      title: expect.any(String),
    });
  }

  it('accepts a well-formed body', async () => {
    const answer = await post(JSON.stringify({ lead: { name: 'Ada' } }));
    expect(answer).toMatchObject({ status: 201, body: { lead: 'Ada' } });
  });

  it('refuses a body nested thousands deep with a 400 naming the limit, quickly', async () => {
    const started = Date.now();
    const answer = await post(`${'['.repeat(5000)}${']'.repeat(5000)}`);
    expectProblem(answer, 400);
    expect(answer.body).toMatchObject({
      limit: 32,
      errors: [expect.objectContaining({ field: 'body', rule: 'maxDepth' })],
    });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('counts depth outside strings only, so brackets in text are fine', async () => {
    const answer = await post(JSON.stringify({ lead: { name: '[[[[{{{{'.repeat(100) } }));
    expect(answer.status).toBe(201);
  });

  it('refuses a body over the size limit with a 413 naming it', async () => {
    const answer = await post(JSON.stringify({ lead: { name: 'x'.repeat(70 * 1024) } }));
    expectProblem(answer, 413);
    expect(answer.body).toMatchObject({ limit: 64 * 1024, errors: [expect.objectContaining({ rule: 'maxBytes' })] });
  });

  it('names an absent nested object as required, and leaves an optional one alone', async () => {
    const answer = await post('{}');
    expectProblem(answer, 400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'lead', rule: 'isDefined' })]);
  });

  it('refuses prototype poisoning, malformed JSON and a wrong content type as problems', async () => {
    expectProblem(await post('{"__proto__": {"admin": true}, "lead": {"name": "A"}}'), 400);
    expectProblem(await post('{"lead": '), 400);
    expectProblem(await post('<lead>Ada</lead>', 'application/xml'), 415);
    expectProblem(await post('lead', 'text/plain'), 400);
  });

  it('answers an over-long path parameter with a 414 problem', async () => {
    expectProblem(await send(`/v1/things/${'a'.repeat(500)}`), 414);
  });

  it('answers headers over 16 KiB with a 431 problem', async () => {
    const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = httpRequest(`${url}/v1/things/1`, { headers: { 'x-padding': 'a'.repeat(20 * 1024) } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(answer.status).toBe(431);
    expect(answer.type).toBe('application/problem+json');
    expect(JSON.parse(answer.body)).toMatchObject({ status: 431, title: 'Request header fields too large' });
  });

  it('answers an unknown route with a 404 problem', async () => {
    expectProblem(await send('/v1/nowhere'), 404);
  });

  it('answers a refused database connection with a 503 and Retry-After', async () => {
    const answer = await send('/v1/things/1/stored');
    expectProblem(answer, 503);
    expect(answer.headers.get('retry-after')).toBe('5');
  });
});

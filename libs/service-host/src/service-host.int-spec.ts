import { jest } from '@jest/globals';
import { Controller, Get, Module, type DynamicModule } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@baton/auth';
import { ServiceConfig } from '@baton/config';
import { DataSource } from 'typeorm';
import { messagingMigrations, OutboxRelay } from '@baton/messaging';
import { LogCapture, provisionTestInfra, type TestInfra } from '@baton/testing';
import { ServiceInfrastructure } from './service-infrastructure.module.js';
import { startTestService, type TestService } from './start-test-service.js';

class ExampleConfig extends ServiceConfig {
  override DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/baton_example';
  override PORT: number = 3999;
}

interface Readiness {
  checks: Record<string, { ok: boolean; detail?: { natsConnected?: boolean; outboxPending?: number } }>;
}

@ApiExcludeController()
@Controller('v1/me')
class MeController {
  @Get()
  me(@CurrentCaller() caller: Caller): { agencyId: string } {
    return { agencyId: caller.agencyId };
  }
}

/** A service with nothing of its own but one authenticated route: only what every service stands on. */
@Module({})
class ExampleModule {
  static register(config: ExampleConfig): DynamicModule {
    return {
      module: ExampleModule,
      imports: [ServiceInfrastructure.register({ service: 'example', config, migrations: messagingMigrations })],
      controllers: [MeController],
    };
  }
}

describe('a service on ServiceInfrastructure, started by startTestService', () => {
  let infra: TestInfra;
  let service: TestService<ExampleConfig>;
  const logs = new LogCapture();
  let emitWarning: jest.SpiedFunction<typeof process.emitWarning>;

  beforeAll(async () => {
    emitWarning = jest.spyOn(process, 'emitWarning');
    infra = await provisionTestInfra('service-host');
    service = await startTestService({
      service: 'example',
      config: ExampleConfig,
      infra,
      logLevels: ['fatal', 'error', 'warn', 'log'],
      logDestination: logs,
      module: ({ config }) => ExampleModule.register(config),
    });
  });

  afterAll(async () => {
    emitWarning?.mockRestore();
    await service?.close();
    await infra?.dispose();
  });

  it("runs on the test's own database and stream, with the test issuer", () => {
    expect(service.context.config).toMatchObject({
      DATABASE_URL: infra.databaseUrl,
      NATS_STREAM: infra.streamName,
      NATS_SUBJECT_PREFIX: infra.subjectPrefix,
      AUTH_ISSUER: service.issuer.issuer,
    });
  });

  it('is ready once its database and NATS answer, and says so per check', async () => {
    const response = await fetch(`${service.url}/health/ready`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Readiness;
    expect(body.checks.database).toEqual({ ok: true });
    expect(body.checks.messaging).toMatchObject({ ok: true, detail: { natsConnected: true } });
  });

  it('has migrated the messaging tables into its database', async () => {
    const response = await fetch(`${service.url}/health/ready`);
    const body = (await response.json()) as Readiness;
    // The relay counts pending rows in the outbox table, so the count answers only once it exists.
    expect(body.checks.messaging.detail?.outboxPending).toBe(0);
  });

  it('starts without Fastify warning that its error handler was set twice (FSTWRN004)', () => {
    const codes = emitWarning.mock.calls.map((call) => call.slice(1).flat());
    expect(codes).not.toContainEqual(expect.arrayContaining(['FSTWRN004']));
  });

  it('serves its metrics on the metrics port and not on the API port', async () => {
    expect(new URL(service.metricsUrl).port).not.toBe(new URL(service.url).port);
    const metrics = await fetch(service.metricsUrl);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('http_request_duration_seconds');
    expect((await fetch(`${service.url}/metrics`)).status).toBe(404);
  });

  it('reports the outbox backlog and the age of its oldest event', async () => {
    await service.app.get(OutboxRelay).stop();
    await service.app.get(DataSource).query(
      `INSERT INTO outbox (id, aggregate_id, tenant, type, subject, envelope, created_at)
         VALUES (gen_random_uuid(), 'aggregate-1', 'demo', 'baton.example.happened.v1', 'x', '{}', now() - interval '90 seconds')`,
    );
    const text = await (await fetch(service.metricsUrl)).text();
    expect(text).toMatch(/^baton_outbox_pending_events\{service="example"\} 1$/m);
    const age = Number(/^baton_outbox_oldest_pending_age_seconds\{service="example"\} (\S+)$/m.exec(text)?.[1]);
    expect(age).toBeGreaterThanOrEqual(90);
    expect(age).toBeLessThan(120);
  });

  it("logs each request once with its request id, the caller's person and agency, status and duration", async () => {
    const token = await service.issuer.sign(
      {
        sub: 'school-dsl',
        name: 'Sam Teacher',
        agency_id: 'demo-oakfield-primary',
        roles: ['practitioner'],
        tenant: 'demo',
      },
      { expiresIn: '5m' },
    );
    const response = await fetch(`${service.url}/v1/me?note=hidden`, {
      headers: { authorization: `Bearer ${token}`, 'x-request-id': 'call-centre-8817' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('call-centre-8817');

    const lines = logs.matching({ requestId: 'call-centre-8817' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      service: 'example',
      method: 'GET',
      route: '/v1/me',
      path: '/v1/me',
      status: 200,
      personId: 'school-dsl',
      agencyId: 'demo-oakfield-primary',
      durationMs: expect.any(Number),
    });
    expect(logs.text()).not.toContain('Sam Teacher');
    expect(logs.text()).not.toContain(token);
    expect(logs.text()).not.toContain('hidden');
  });

  it('gives a request without an id of its own a new one, and refuses to echo one that is not an id', async () => {
    const plain = await fetch(`${service.url}/health/live`);
    expect(plain.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const odd = await fetch(`${service.url}/health/live`, { headers: { 'x-request-id': 'a b <script>' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(logs.matching({ requestId: plain.headers.get('x-request-id') })).toHaveLength(1);
  });
});

import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceConfig } from '@baton/config';
import { messagingMigrations } from '@baton/messaging';
import { provisionTestInfra, type TestInfra } from '@baton/testing';
import { ServiceInfrastructure } from './service-infrastructure.module.js';
import { startTestService, type TestService } from './start-test-service.js';

class ExampleConfig extends ServiceConfig {
  override DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/baton_example';
  override PORT: number = 3999;
}

interface Readiness {
  checks: Record<string, { ok: boolean; detail?: { natsConnected?: boolean; outboxPending?: number } }>;
}

/** A service with nothing of its own: only what every service stands on. */
@Module({})
class ExampleModule {
  static register(config: ExampleConfig): DynamicModule {
    return {
      module: ExampleModule,
      imports: [ServiceInfrastructure.register({ service: 'example', config, migrations: messagingMigrations })],
    };
  }
}

describe('a service on ServiceInfrastructure, started by startTestService', () => {
  let infra: TestInfra;
  let service: TestService<ExampleConfig>;

  beforeAll(async () => {
    infra = await provisionTestInfra('service-host');
    service = await startTestService({
      service: 'example',
      config: ExampleConfig,
      infra,
      module: ({ config }) => ExampleModule.register(config),
    });
  });

  afterAll(async () => {
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
});

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DevIssuer } from '@baton/auth';
import { loadConfig } from '@baton/config';
import { subjectFor, type CloudEvent, type EventDefinition } from '@baton/contracts';
import { createHttpApp } from '@baton/http-api';
import { JetStreamServer, NatsBroker } from '@baton/messaging';
import { defaultTenantConfigDir, TenantDirectory } from '@baton/tenancy';
import type { TestInfra } from '@baton/testing';
import { NotificationsModule } from '../app.module.js';
import { NotificationsConfig } from '../config/notifications.config.js';
import { loadRoutingRules } from '../routing/routing-rules.loader.js';

export interface NotificationsTestApp {
  app: NestFastifyApplication;
  url: string;
  issuer: DevIssuer;
  /** Publishes an event on the test's stream as its producing service would (JetStream, msg id = event id). */
  publish(event: CloudEvent): Promise<void>;
  /** Publishes raw bytes on an event subject, e.g. a malformed event. */
  publishRaw(subject: string, text: string): Promise<void>;
  tokenFor(personId: string, tenant?: string): Promise<string>;
  call(
    personId: string,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Reply>;
  close(): Promise<void>;
}

export interface Reply {
  status: number;
  headers: Headers;
  // Tests read whatever JSON the API answered.
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The real notifications service on a test's own database, stream and prefix, with quick retries for tests. */
export async function startNotificationsTestApp(
  infra: TestInfra,
  env: Record<string, string> = {},
): Promise<NotificationsTestApp> {
  const issuer = await DevIssuer.ephemeral({ audience: 'baton' });
  const jwks = await issuer.listen(0);
  const config = loadConfig(NotificationsConfig, {
    DATABASE_URL: infra.databaseUrl,
    NATS_URL: infra.natsUrl,
    NATS_STREAM: infra.streamName,
    NATS_SUBJECT_PREFIX: infra.subjectPrefix,
    AUTH_ISSUER: issuer.issuer,
    AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json`,
    PUBLIC_BASE_URL: 'https://baton.demo-borough.example.org',
    DELIVERY_BACKOFF_BASE_MS: '50',
    DELIVERY_BACKOFF_MAX_MS: '200',
    DELIVERY_MAX_ATTEMPTS: '5',
    DELIVERY_POLL_INTERVAL_MS: '100',
    DELIVERY_TIMEOUT_MS: '2000',
    LOG_LEVEL: 'warn',
    ...env,
  });
  const tenants = TenantDirectory.load(defaultTenantConfigDir());
  const rules = loadRoutingRules(config.NOTIFICATION_RULES_FILE);
  const app = await createHttpApp(NotificationsModule.register({ config, tenants, rules, digestScanIntervalMs: 200 }), {
    service: 'notifications',
    description: 'test',
    logLevels: ['fatal', 'error'],
    swaggerUi: false,
  });
  app.connectMicroservice({ strategy: app.get(JetStreamServer) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  const broker = app.get(NatsBroker);
  const tokenFor = (personId: string, tenant = 'demo'): Promise<string> => {
    const person = tenants.person(tenant, personId);
    if (person === undefined) throw new Error(`No demo person ${personId}`);
    return issuer.sign(
      { sub: person.personId, name: person.name, agency_id: person.agencyId, roles: [...person.roles], tenant },
      { expiresIn: '10m' },
    );
  };
  return {
    app,
    url,
    issuer,
    tokenFor,
    async publish(event) {
      const definition = { aggregate: event.type.split('.')[1], name: event.type.split('.')[2] } as EventDefinition;
      await broker.js.publish(subjectFor(infra.subjectPrefix, event.tenant, definition), JSON.stringify(event), {
        msgID: event.id,
      });
    },
    async publishRaw(subject, text) {
      await broker.js.publish(subject, text);
    },
    async call(personId, method, path, body, headers = {}) {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${await tokenFor(personId)}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
    },
    async close() {
      await app.close();
      await jwks.close();
    },
  };
}

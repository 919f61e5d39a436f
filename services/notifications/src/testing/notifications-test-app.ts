import { randomBytes } from 'node:crypto';
import { subjectFor, type CloudEvent, type EventDefinition } from '@baton/contracts';
import { NatsBroker } from '@baton/messaging';
import { startTestService, type TestService } from '@baton/service-host';
import type { TestInfra } from '@baton/testing';
import { NotificationsModule } from '../app.module.js';
import { NotificationsConfig } from '../config/notifications.config.js';
import { loadRoutingRules } from '../routing/routing-rules.loader.js';
import { notificationsService } from '../notifications.service-definition.js';

export interface NotificationsTestApp extends TestService<NotificationsConfig> {
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
}

export interface Reply {
  status: number;
  headers: Headers;
  // Tests read whatever JSON the API answered.
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The key the test app seals webhook secrets under, made afresh for each test run. */
export const TEST_SECRETS_KEY = randomBytes(32).toString('base64');

/** The real notifications service on a test's own database, stream and prefix, with quick retries for tests. */
export async function startNotificationsTestApp(
  infra: TestInfra,
  env: Record<string, string> = {},
): Promise<NotificationsTestApp> {
  const service = await startTestService({
    service: 'notifications',
    description: notificationsService.description,
    config: NotificationsConfig,
    infra,
    // Quick retries and polls, so tests see a delivery's whole life in seconds.
    env: withoutUnset({
      PUBLIC_BASE_URL: 'https://baton.demo-borough.example.org',
      DELIVERY_BACKOFF_BASE_MS: '50',
      DELIVERY_BACKOFF_MAX_MS: '200',
      DELIVERY_MAX_ATTEMPTS: '5',
      DELIVERY_POLL_INTERVAL_MS: '100',
      DELIVERY_TIMEOUT_MS: '2000',
      // The tests' receivers listen on 127.0.0.1; the refusal of private targets has its own test.
      WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
      // Every delivery test signs with secrets sealed at rest, as production does.
      WEBHOOK_SECRETS_KEY: TEST_SECRETS_KEY,
      ...env,
    }),
    logLevels: ['fatal', 'error'],
    module: ({ config, tenants }) =>
      NotificationsModule.register({
        config,
        tenants,
        rules: loadRoutingRules(config.NOTIFICATION_RULES_FILE),
        digestScanIntervalMs: 200,
      }),
  });
  const { app, url, issuer } = service;
  const tenants = service.context.tenants;
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
    ...service,
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
  };
}

/** A variable given as '' is left unset (the service's default applies), e.g. WEBHOOK_SECRETS_KEY: '' for no key. */
function withoutUnset(env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
}

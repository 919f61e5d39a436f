import { provisionTestInfra, TestIssuer, type RunningJwksServer, type TestInfra } from '@baton/testing';
import { eventually } from '../services/notifications/src/testing/eventually.js';
import { WebhookReceiver } from '../services/notifications/src/testing/webhook-receiver.js';
import { schoolReferral, tokenFor } from '../services/referrals/src/testing/referral-fixtures.js';
import { ServiceProcess } from './support/service-process.js';
import { SpanCollector, type CollectedSpan } from './support/span-collector.js';

const SERVER = 2;
const CLIENT = 3;
const PRODUCER = 4;
const CONSUMER = 5;

// An invented family whose names and details appear nowhere else, so any of them in a log line is a leak.
const FAMILY = {
  children: [{ givenName: 'Wrenfield', familyName: 'Quarrington', dateOfBirth: '2015-09-23' }],
  carers: [{ givenName: 'Odessa', familyName: 'Quarrington', relationship: 'mother', phone: '01632 960417' }],
};
const CONCERN = 'Wrenfield has missed nine mornings since half term.';
const PERSONAL = ['Wrenfield', 'Quarrington', 'Odessa', '01632 960417', '2015-09-23', 'nine mornings'];

/** The notifications service's HTTP call to the receiver (its database calls are client spans too). */
function isWebhookPost(span: CollectedSpan): boolean {
  return span.service === 'baton-notifications' && span.kind === CLIENT && span.name === 'POST';
}

/** True when `span` descends from `ancestor` within `spans`. */
function descends(span: CollectedSpan, ancestor: CollectedSpan, spans: CollectedSpan[]): boolean {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  for (let s: CollectedSpan | undefined = span; s; s = s.parentSpanId ? byId.get(s.parentSpanId) : undefined) {
    if (s.spanId === ancestor.spanId) return true;
  }
  return false;
}

/**
 * Referrals, taf and notifications as separate processes, as they run in production, exporting their spans over OTLP
 * to a collector that keeps them in memory.
 */
describe('an operator follows a referral through logs and one trace', () => {
  let infra: TestInfra;
  let issuer: TestIssuer;
  let jwks: RunningJwksServer;
  let collector: SpanCollector;
  let hubSystem: WebhookReceiver;
  const services: Record<'referrals' | 'taf' | 'notifications', ServiceProcess> = {} as never;

  beforeAll(async () => {
    infra = await provisionTestInfra('e2e-traces');
    issuer = await TestIssuer.ephemeral({ audience: 'baton' });
    jwks = await issuer.listen(0);
    collector = await SpanCollector.start();
    hubSystem = await WebhookReceiver.start();
    const common = {
      NATS_URL: infra.natsUrl,
      NATS_STREAM: infra.streamName,
      NATS_SUBJECT_PREFIX: infra.subjectPrefix,
      AUTH_ISSUER: issuer.issuer,
      AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json`,
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'json',
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '100',
    };
    const [referrals, taf, notifications] = await Promise.all([
      ServiceProcess.start('referrals', { ...common, DATABASE_URL: await infra.createDatabase('referrals') }),
      ServiceProcess.start('taf', { ...common, DATABASE_URL: await infra.createDatabase('taf') }),
      ServiceProcess.start('notifications', {
        ...common,
        DATABASE_URL: await infra.createDatabase('notifications'),
        WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
        DELIVERY_POLL_INTERVAL_MS: '100',
      }),
    ]);
    Object.assign(services, { referrals, taf, notifications });
  }, 180_000);

  afterAll(async () => {
    await Promise.all(Object.values(services).map((s) => s.stop()));
    await Promise.all([collector?.close(), hubSystem?.close(), jwks?.close()]);
    await infra?.dispose();
  });

  async function call(service: ServiceProcess, token: string, method: string, path: string, body?: unknown) {
    return fetch(`${service.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': '"1"' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  it("follows a school's referral in one trace from its POST through the relay to the hub's webhook", async () => {
    const admin = await issuer.sign(
      {
        sub: 'hub-admin',
        name: 'Ada Pennywhistle',
        agency_id: 'demo-early-help-hub',
        roles: ['agency-admin'],
        tenant: 'demo',
      },
      { expiresIn: '10m' },
    );
    const registered = await call(services.notifications, admin, 'POST', '/v1/webhooks', {
      url: hubSystem.url,
      eventTypes: ['baton.referral.received.v1'],
    });
    expect(registered.status).toBe(201);

    const school = await tokenFor(issuer, 'schoolDsl');
    const created = await fetch(`${services.referrals.url}/v1/referrals`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${school}`,
        'content-type': 'application/json',
        'x-request-id': 'school-post-1',
      },
      body: JSON.stringify(
        schoolReferral({ family: FAMILY, concerns: { summary: CONCERN, categories: ['education'] } }),
      ),
    });
    expect(created.status).toBe(201);
    const referral = (await created.json()) as { id: string };

    const hook = await eventually('the webhook at the hub', () =>
      hubSystem.requests.find((r) => r.body.includes(referral.id)),
    );
    // The trace travels on to the receiver too, so an agency's own tracing can join it.
    const traceId = String(hook.headers.traceparent).split('-')[1];
    const spans = await eventually('the trace from every service', () => {
      const found = collector.trace(traceId);
      const published = found.some((s) => s.service === 'baton-referrals' && s.kind === PRODUCER);
      return found.some(isWebhookPost) && published ? found : undefined;
    });

    const post = spans.find((s) => s.service === 'baton-referrals' && s.kind === SERVER);
    expect(post).toMatchObject({ name: 'POST /v1/referrals', parentSpanId: undefined });
    const insert = spans.find(
      (s) =>
        s.service === 'baton-referrals' &&
        /^pg\.query/.test(s.name) &&
        /outbox/i.test(String(s.attributes['db.query.text'] ?? s.attributes['db.statement'] ?? '')),
    );
    const publish = spans.find((s) => s.service === 'baton-referrals' && s.kind === PRODUCER);
    const consume = spans.find((s) => s.service === 'baton-notifications' && s.kind === CONSUMER);
    const deliver = spans.find((s) => s.service === 'baton-notifications' && s.name === 'deliver webhook');
    const webhookPost = spans.find(isWebhookPost);
    expect(insert).toBeDefined();
    expect(publish).toMatchObject({ name: 'publish baton.referral.received.v1' });
    expect(consume).toMatchObject({ name: 'process baton.referral.received.v1' });
    for (const span of [insert, publish, consume, deliver, webhookPost]) {
      expect(span && post && descends(span, post, spans)).toBe(true);
    }
    expect(webhookPost && deliver && descends(webhookPost, deliver, spans)).toBe(true);

    // The request's one log line names its request id and this trace, the caller, status and duration.
    const requestLine = services.referrals
      .logs()
      .filter((l) => l.requestId === 'school-post-1' && l.status !== undefined);
    expect(requestLine).toEqual([
      expect.objectContaining({
        traceId,
        method: 'POST',
        route: '/v1/referrals',
        status: 201,
        personId: 'school-dsl',
        agencyId: 'demo-oakfield-primary',
        durationMs: expect.any(Number),
      }),
    ]);
  });

  it('follows the decision in one trace through taf opening the plan to notifications hearing of it', async () => {
    const school = await tokenFor(issuer, 'schoolDsl');
    const created = await call(services.referrals, school, 'POST', '/v1/referrals', schoolReferral({ family: FAMILY }));
    const referral = (await created.json()) as { id: string };
    const hub = await tokenFor(issuer, 'hubTriager');
    const decided = await call(services.referrals, hub, 'POST', `/v1/referrals/${referral.id}/decision`, {
      outcome: 'accept-early-help',
      levelOfNeed: 3,
      reasons: 'Needs across school and home.',
    });
    expect(decided.status).toBe(200);
    const post = await eventually('the decision request span', () =>
      collector.spans.find((s) => s.kind === SERVER && s.name === 'POST /v1/referrals/:id/decision'),
    );
    const spans = await eventually('notifications hearing of the plan', () => {
      const found = collector.trace(post.traceId);
      // Each service exports its spans on its own schedule: wait for the last hops of both.
      const heard = found.some((s) => s.service === 'baton-notifications' && s.name === 'process baton.plan.opened.v1');
      const sent = found.some((s) => s.service === 'baton-taf' && s.name === 'publish baton.plan.opened.v1');
      return heard && sent ? found : undefined;
    });
    const opened = spans.find((s) => s.service === 'baton-taf' && s.name === 'process baton.referral.decided.v1');
    const tafQuery = spans.find((s) => s.service === 'baton-taf' && /^pg\./.test(s.name));
    const tafPublish = spans.find((s) => s.service === 'baton-taf' && s.name === 'publish baton.plan.opened.v1');
    const heard = spans.find((s) => s.service === 'baton-notifications' && s.name === 'process baton.plan.opened.v1');
    for (const span of [opened, tafQuery, tafPublish, heard]) {
      expect(span && descends(span, post, spans)).toBe(true);
    }
    expect(opened?.attributes['baton.correlation_id']).toEqual(expect.any(String));

    // taf's consumer lines name the event they were handling.
    const consumerLines = services.taf.logs().filter((l) => l.eventType === 'baton.referral.decided.v1');
    expect(consumerLines.length).toBeGreaterThan(0);
    for (const line of consumerLines) {
      expect(line).toMatchObject({
        eventId: expect.any(String),
        correlationId: expect.any(String),
        consumer: expect.any(String),
      });
    }
  });

  it("never writes a family's names or details to any service's log", () => {
    const lines = Object.values(services).flatMap((s) => s.lines);
    expect(lines.length).toBeGreaterThan(50);
    expect(lines.some((line) => line.includes('"requestId"'))).toBe(true);
    for (const personal of PERSONAL) {
      expect(lines.filter((line) => line.includes(personal))).toEqual([]);
    }
  });
});

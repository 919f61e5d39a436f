import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { batonWebClient, startDevIdentityProvider, type RunningDevIdentityProvider } from '@baton/dev-identity';
import { provisionTestInfra, type TestInfra } from '@baton/testing';
import { chromium, type Browser, type Page } from 'playwright-core';
import { eventually } from '../services/notifications/src/testing/eventually.js';
import { freePort, ServiceProcess } from './support/service-process.js';
import { SpanCollector, type CollectedSpan } from './support/span-collector.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVER = 2;
const CLIENT = 3;
const PRODUCER = 4;
const CONSUMER = 5;

/** True when `span` descends from `ancestor` within `spans`. */
function descends(span: CollectedSpan, ancestor: CollectedSpan, spans: CollectedSpan[]): boolean {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  for (let s: CollectedSpan | undefined = span; s; s = s.parentSpanId ? byId.get(s.parentSpanId) : undefined) {
    if (s.spanId === ancestor.spanId) return true;
  }
  return false;
}

/**
 * The web service, referrals and notifications as their own processes, exporting spans over OTLP to a collector that
 * keeps them in memory; a school's designated lead signs in on the development provider and sends a referral from
 * the question pages in Chromium, without JavaScript: one form POST.
 */
describe('an operator follows a referral sent from the screens in one trace', () => {
  let infra: TestInfra;
  let provider: RunningDevIdentityProvider;
  let collector: SpanCollector;
  let browser: Browser;
  const services: ServiceProcess[] = [];
  let web: ServiceProcess;

  beforeAll(async () => {
    infra = await provisionTestInfra('e2e-web-traces');
    collector = await SpanCollector.start();
    const webPort = await freePort();
    const webUrl = `http://127.0.0.1:${webPort}`;
    provider = await startDevIdentityProvider({
      port: 0,
      keysDirectory: join(ROOT, '.baton', 'e2e-web-traces-keys'),
      signInClients: [batonWebClient({ baseUrl: webUrl })],
    });
    const common = {
      NATS_URL: infra.natsUrl,
      NATS_STREAM: infra.streamName,
      NATS_SUBJECT_PREFIX: infra.subjectPrefix,
      AUTH_ISSUER: provider.issuer,
      AUTH_JWKS_URL: `${provider.url}/.well-known/jwks.json`,
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '100',
    };
    const [referrals, notifications] = await Promise.all([
      ServiceProcess.start('referrals', { ...common, DATABASE_URL: await infra.createDatabase('referrals') }),
      ServiceProcess.start('notifications', {
        ...common,
        DATABASE_URL: await infra.createDatabase('notifications'),
      }),
    ]);
    services.push(referrals, notifications);
    web = await ServiceProcess.start('web', {
      ...common,
      PORT: String(webPort),
      DATABASE_URL: await infra.createDatabase('web'),
      WEB_BASE_URL: webUrl,
      REFERRALS_URL: referrals.url,
      NOTIFICATIONS_URL: notifications.url,
    });
    services.push(web);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all(services.map((s) => s.stop()));
    await Promise.all([collector?.close(), provider?.close()]);
    await infra?.dispose();
  });

  it("follows the check-answers form's POST through the web, the referrals service and its relay to notifications", async () => {
    const page = await (await browser.newContext({ javaScriptEnabled: false, baseURL: web.url })).newPage();
    await sendReferral(page);

    const webPost = await eventually('the web service span of the form POST', () =>
      collector.spans.find(
        (s) => s.service === 'baton-web' && s.kind === SERVER && s.name === 'POST /referrals/new/check-answers',
      ),
    );
    const spans = await eventually('the trace on to notifications', () => {
      const found = collector.trace(webPost.traceId);
      const consumed = found.some(
        (s) => s.service === 'baton-notifications' && s.name === 'process baton.referral.received.v1',
      );
      const published = found.some((s) => s.service === 'baton-referrals' && s.kind === PRODUCER);
      return consumed && published ? found : undefined;
    });
    // The browser's POST starts the trace; the web's fetch to the API carries it on in `traceparent`.
    expect(webPost.parentSpanId).toBeUndefined();
    const webFetch = spans.find(
      (s) =>
        s.service === 'baton-web' && s.kind === CLIENT && String(s.attributes['url.full']).endsWith('/v1/referrals'),
    );
    const apiPost = spans.find((s) => s.service === 'baton-referrals' && s.kind === SERVER);
    const publish = spans.find((s) => s.service === 'baton-referrals' && s.kind === PRODUCER);
    const consume = spans.find((s) => s.service === 'baton-notifications' && s.kind === CONSUMER);
    expect(apiPost).toMatchObject({ name: 'POST /v1/referrals', parentSpanId: webFetch?.spanId });
    expect(publish).toMatchObject({ name: 'publish baton.referral.received.v1' });
    expect(consume).toMatchObject({ name: 'process baton.referral.received.v1' });
    for (const span of [webFetch, apiPost, publish, consume]) {
      expect(span && descends(span, webPost, spans)).toBe(true);
    }
  });
});

/** A school's referral on the question pages, as `test/web/referral.journey.ts` makes it, sent at check answers. */
async function sendReferral(page: Page): Promise<void> {
  await page.goto('/referrals/new');
  await page.locator('input[name="person"][value="school-dsl"]').check();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('First name').fill('Alfie');
  await page.getByLabel('Last name').fill('Tracewell');
  await page.getByLabel('Yes', { exact: true }).check();
  await page.locator('#dateOfBirth-day').fill('12');
  await page.locator('#dateOfBirth-month').fill('4');
  await page.locator('#dateOfBirth-year').fill('2016');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('No', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('First name').fill('Jo');
  await page.getByLabel('Last name').fill('Tracewell');
  await page.getByLabel('Relationship to the children').fill('mother');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('No', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Getting a good education (attendance, exclusion)').check();
  await page.getByLabel('Tell us what you are worried about').fill('Attendance has fallen to 78% this term.');
  await page.getByLabel('Routine').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Complex needs (Team Around the Family)').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Yes, the family agreed').check();
  await page
    .getByRole('group', { name: /agreed to information being shared/ })
    .getByLabel('Yes')
    .check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Send referral' }).click();
  await page.getByRole('heading', { name: 'Referral sent' }).waitFor();
}

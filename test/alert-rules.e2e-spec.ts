import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { provisionTestInfra, type TestInfra } from '@baton/testing';
import { startAuditTestApp, type AuditTestApp } from '../services/audit/src/testing/audit-test-app.js';
import { eventually } from '../services/notifications/src/testing/eventually.js';
import {
  startNotificationsTestApp,
  type NotificationsTestApp,
} from '../services/notifications/src/testing/notifications-test-app.js';
import { schoolReferral, tokenFor } from '../services/referrals/src/testing/referral-fixtures.js';
import { startReferralsTestApp, type ReferralsTestApp } from '../services/referrals/src/testing/referrals-test-app.js';

const RULES_FILE = new URL('../deploy/prometheus/baton-alerts.yaml', import.meta.url);

interface Rule {
  alert: string;
  expr: string;
  for?: string;
  labels: { severity: string };
  annotations: { summary: string; description: string };
}

/** The metric names a Prometheus exposition declares, with the series a histogram or summary adds. */
function declaredMetrics(exposition: string): Set<string> {
  const names = new Set<string>();
  for (const [, name, type] of exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    names.add(name);
    if (type === 'histogram') ['_bucket', '_sum', '_count'].forEach((suffix) => names.add(`${name}${suffix}`));
  }
  return names;
}

/** A sample's value, by metric name and labels. */
function sample(exposition: string, name: string, labels: Record<string, string>): number | undefined {
  for (const [, sampleName, labelText, value] of exposition.matchAll(/^(\w+)\{([^}]*)\} (\S+)$/gm)) {
    if (sampleName !== name) continue;
    const found = Object.fromEntries([...labelText.matchAll(/(\w+)="([^"]*)"/g)].map(([, k, v]) => [k, v]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(value);
  }
  return undefined;
}

/** Metric names in a PromQL expression: what is left once strings, label matchers, ranges, groupings and calls go. */
function metricsIn(expr: string): string[] {
  const bare = expr
    .replace(/"[^"]*"/g, '""')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '');
  const operators = new Set(['and', 'or', 'unless', 'bool']);
  return [...bare.matchAll(/([a-zA-Z_:][\w:]*)\s*(\()?/g)]
    .filter(([, word, call]) => call === undefined && !operators.has(word))
    .map(([, word]) => word);
}

const scrape = async (url: string): Promise<string> => (await fetch(url)).text();

describe('the alert rules an operator loads into Prometheus', () => {
  let infra: TestInfra;
  let referrals: ReferralsTestApp;
  let notifications: NotificationsTestApp;
  let audit: AuditTestApp;
  const rules: Rule[] = (parse(readFileSync(RULES_FILE, 'utf8')) as { groups: { rules: Rule[] }[] }).groups.flatMap(
    (g) => g.rules,
  );

  beforeAll(async () => {
    infra = await provisionTestInfra('e2e-alert-rules');
    referrals = await startReferralsTestApp(infra, new Date('2026-11-20T10:00:00Z'));
    notifications = await startNotificationsTestApp({
      ...infra,
      databaseUrl: await infra.createDatabase('notifications'),
    });
    audit = await startAuditTestApp({
      ...infra,
      databaseUrl: await infra.createDatabase('audit'),
      now: new Date('2026-11-20T10:00:00Z'),
    });
  });

  afterAll(async () => {
    await Promise.all([audit?.close(), notifications?.close(), referrals?.close()]);
    await infra?.dispose();
  });

  it('parse, each with an alert name, an expression, a severity, a summary and a description', () => {
    expect(rules.length).toBeGreaterThanOrEqual(10);
    for (const rule of rules) {
      expect(rule).toMatchObject({
        alert: expect.stringMatching(/^Baton[A-Za-z]+$/),
        expr: expect.any(String),
        labels: { severity: expect.stringMatching(/^(warning|critical)$/) },
        annotations: { summary: expect.any(String), description: expect.any(String) },
      });
      if (rule.for !== undefined) expect(rule.for).toMatch(/^\d+[smh]$/);
    }
    expect(new Set(rules.map((r) => r.alert)).size).toBe(rules.length);
  });

  it('cover outbox age, consumer lag, dead letters, failed deliveries and ledger verification', () => {
    const used = new Set(rules.flatMap((r) => metricsIn(r.expr)));
    expect([...used]).toEqual(
      expect.arrayContaining([
        'baton_outbox_oldest_pending_age_seconds',
        'baton_consumer_pending_messages',
        'baton_dead_letters_waiting',
        'baton_deliveries',
        'baton_ledger_last_verification_ok',
      ]),
    );
  });

  it('name only metrics the services export on their metrics ports', async () => {
    const exported = new Set<string>();
    for (const service of [referrals, notifications, audit]) {
      for (const name of declaredMetrics(await scrape(service.metricsUrl))) exported.add(name);
    }
    const missing = rules.flatMap((r) =>
      metricsIn(r.expr)
        .filter((m) => !exported.has(m))
        .map((m) => `${r.alert}: ${m}`),
    );
    expect(missing).toEqual([]);
  });

  it('see a dead letter waiting, and the consumer that kept it, once an event cannot be read', async () => {
    await notifications.publishRaw(`${infra.subjectPrefix}.demo.referral.received`, '{"not": "an event"');
    const consumer = 'notifications-all-events';
    const waiting = await eventually('the dead letter in the metrics', async () => {
      const value = sample(await scrape(notifications.metricsUrl), 'baton_dead_letters_waiting', { consumer });
      return value !== undefined && value > 0 ? value : undefined;
    });
    expect(waiting).toBe(1);
    const text = await scrape(notifications.metricsUrl);
    expect(sample(text, 'baton_consumer_dead_letters_total', { consumer })).toBe(1);
    expect(sample(text, 'baton_consumer_pending_messages', { consumer, service: 'notifications' })).toBe(0);
  });

  it('see entries appended to the ledger, and the ledger intact after a verification', async () => {
    const school = await tokenFor(referrals.issuer, 'schoolDsl');
    const created = await fetch(`${referrals.url}/v1/referrals`, {
      method: 'POST',
      headers: { authorization: `Bearer ${school}`, 'content-type': 'application/json' },
      body: JSON.stringify(schoolReferral()),
    });
    expect(created.status).toBe(201);
    const appended = await eventually('the referral in the ledger', async () => {
      const value = sample(await scrape(audit.metricsUrl), 'baton_ledger_appends_total', { tenant: 'demo' });
      return value !== undefined && value > 0 ? value : undefined;
    });
    expect(appended).toBeGreaterThan(0);

    const token = await audit.tokenFor('audit-officer');
    const report = await fetch(`${audit.url}/v1/ledger/verification`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(report.status).toBe(200);
    const text = await scrape(audit.metricsUrl);
    expect(sample(text, 'baton_ledger_last_verification_ok', { tenant: 'demo' })).toBe(1);
    expect(sample(text, 'baton_ledger_verifications_total', { tenant: 'demo', outcome: 'intact' })).toBe(1);
  });
});

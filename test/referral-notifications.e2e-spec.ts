import { Webhook } from 'standardwebhooks';
import { provisionTestInfra, type TestInfra } from '@baton/testing';
import { eventually } from '../services/notifications/src/testing/eventually.js';
import {
  startNotificationsTestApp,
  type NotificationsTestApp,
} from '../services/notifications/src/testing/notifications-test-app.js';
import { SmtpSink } from '../services/notifications/src/testing/smtp-sink.js';
import { WebhookReceiver } from '../services/notifications/src/testing/webhook-receiver.js';
import { schoolReferral, tokenFor } from '../services/referrals/src/testing/referral-fixtures.js';
import { startReferralsTestApp, type ReferralsTestApp } from '../services/referrals/src/testing/referrals-test-app.js';

// Friday 20 November 2026, 10:00 in London: the triage decision is due by the end of Monday 23rd.
const FRIDAY_MORNING = new Date('2026-11-20T10:00:00Z');

describe('a school refers a family: the hub hears at once, the school hears the outcome', () => {
  let infra: TestInfra;
  let referrals: ReferralsTestApp;
  let notifications: NotificationsTestApp;
  let smtp: SmtpSink;
  let hubSystem: WebhookReceiver;
  let secret: string;

  beforeAll(async () => {
    infra = await provisionTestInfra('e2e-referral-notifications');
    smtp = await SmtpSink.start();
    hubSystem = await WebhookReceiver.start();
    referrals = await startReferralsTestApp(infra, FRIDAY_MORNING);
    // Its own database; the same stream and subject prefix, as two services on one broker.
    notifications = await startNotificationsTestApp(
      { ...infra, databaseUrl: await infra.createDatabase('notifications') },
      { SMTP_URL: smtp.url },
    );
    const registered = await notifications.call('hub-admin', 'POST', '/v1/webhooks', {
      url: hubSystem.url,
      eventTypes: ['baton.referral.received.v1'],
    });
    secret = registered.body.secret;
  });

  afterAll(async () => {
    await notifications?.close();
    await referrals?.close();
    await Promise.all([smtp?.close(), hubSystem?.close()]);
    await infra?.dispose();
  });

  it('carries a referral over HTTP, the outbox and JetStream to the inbox, e-mail and a signed webhook', async () => {
    const school = await tokenFor(referrals.issuer, 'schoolDsl');
    const created = await fetch(`${referrals.url}/v1/referrals`, {
      method: 'POST',
      headers: { authorization: `Bearer ${school}`, 'content-type': 'application/json' },
      body: JSON.stringify(schoolReferral()),
    });
    expect(created.status).toBe(201);
    const referral = (await created.json()) as { id: string };

    const item = await eventually('the triager inbox item', async () => {
      const page = await notifications.call('hub-triager', 'GET', '/v1/inbox');
      return page.body.items.find((i: { event: { subject: string } }) => i.event.subject === referral.id);
    });
    expect(item.title).toBe('New referral awaiting triage');
    expect(item.event.data.children[0].givenName).toBe('Alfie');

    const hook = await eventually('the signed webhook', () =>
      hubSystem.accepted().find((r) => r.body.includes(referral.id)),
    );
    const verified = new Webhook(secret).verify(hook.body, hook.headers as Record<string, string>);
    expect(verified).toMatchObject({ type: 'baton.referral.received.v1', subject: referral.id });

    const mail = await eventually('the triager e-mail', () =>
      smtp.to('tamsin.quillfeather@demo-borough.example.org').find((m) => m.text.includes(referral.id)),
    );
    expect(mail.subject).not.toMatch(/Alfie|Testcase|attendance/i);

    const hub = await tokenFor(referrals.issuer, 'hubTriager');
    const decided = await fetch(`${referrals.url}/v1/referrals/${referral.id}/decision`, {
      method: 'POST',
      headers: { authorization: `Bearer ${hub}`, 'content-type': 'application/json', 'if-match': '"1"' },
      body: JSON.stringify({ outcome: 'accept-early-help', levelOfNeed: 3, reasons: 'Needs across school and home.' }),
    });
    expect(decided.status).toBe(200);
    const outcome = await eventually('the outcome for the school', async () => {
      const page = await notifications.call('school-dsl', 'GET', '/v1/inbox');
      return page.body.items.find(
        (i: { event: { subject: string; type: string } }) =>
          i.event.subject === referral.id && i.event.type === 'baton.referral.decided.v1',
      );
    });
    expect(outcome.event.data).toMatchObject({ outcome: 'accept-early-help', levelOfNeed: 3 });
    expect(outcome.event.data).not.toHaveProperty('reasons');
  });
});

import { connect } from '@nats-io/transport-node';
import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import { Webhook } from 'standardwebhooks';
import { provisionTestInfra, type TestInfra } from '@baton/testing';
import { eventually } from '../testing/eventually.js';
import { startNotificationsTestApp, type NotificationsTestApp } from '../testing/notifications-test-app.js';
import {
  newReferralIds,
  referralDecided,
  referralDecisionOverdue,
  referralReceived,
} from '../testing/referral-events.js';
import { SmtpSink } from '../testing/smtp-sink.js';
import { WebhookReceiver } from '../testing/webhook-receiver.js';

describe('a referral reaches every agency and person it concerns, over every channel', () => {
  let infra: TestInfra;
  let service: NotificationsTestApp;
  let smtp: SmtpSink;
  let hubReceiver: WebhookReceiver;
  let schoolReceiver: WebhookReceiver;
  let nc: NatsConnection;
  let hubSubjects: Subscription;
  const hubCopies: { subject: string; body: { id: string; data: Record<string, unknown> } }[] = [];
  let hubSecret: string;

  beforeAll(async () => {
    infra = await provisionTestInfra('notifications-referral');
    smtp = await SmtpSink.start();
    hubReceiver = await WebhookReceiver.start();
    schoolReceiver = await WebhookReceiver.start();
    service = await startNotificationsTestApp(infra, { SMTP_URL: smtp.url });
    nc = await connect({ servers: infra.natsUrl });
    hubSubjects = nc.subscribe(`${infra.subjectPrefix}.demo.agency.demo-early-help-hub.>`);
    void (async () => {
      for await (const m of hubSubjects) hubCopies.push({ subject: m.subject, body: m.json() });
    })();
    const hub = await service.call('hub-admin', 'POST', '/v1/webhooks', {
      url: `${hubReceiver.url}/baton`,
      eventTypes: ['baton.referral.received.v1', 'baton.referral.decision-overdue.v1'],
      description: 'Hub case system',
    });
    expect(hub.status).toBe(201);
    hubSecret = hub.body.secret;
  });

  afterAll(async () => {
    await nc?.close();
    await service?.close();
    await Promise.all([smtp?.close(), hubReceiver?.close(), schoolReceiver?.close()]);
    await infra?.dispose();
  });

  it('tells the receiving hub of a new referral: its triager in the inbox and by e-mail, its system by signed webhook and NATS', async () => {
    const ids = newReferralIds();
    const event = referralReceived(ids);
    await service.publish(event);

    const inbox = await eventually('the triager inbox item', async () => {
      const page = await service.call('hub-triager', 'GET', '/v1/inbox');
      return page.body.items.find((i: { eventId: string }) => i.eventId === event.id);
    });
    expect(inbox).toMatchObject({ title: 'New referral awaiting triage', urgent: false, readAt: null });
    expect(inbox.link).toBe(`https://baton.demo-borough.example.org/referrals/${ids.referralId}`);
    expect(inbox.event.data.children[0].givenName).toBe('Alfie');

    const hook = await eventually('the signed webhook', () =>
      hubReceiver.accepted().find((r) => r.body.includes(event.id)),
    );
    expect(hook.path).toBe('/baton');
    const verified = new Webhook(hubSecret).verify(hook.body, hook.headers as Record<string, string>) as {
      id: string;
      type: string;
      data: Record<string, unknown>;
    };
    expect(verified).toMatchObject({ id: event.id, type: 'baton.referral.received.v1', tenant: 'demo' });
    expect(verified.data).toMatchObject({ referralId: ids.referralId, receivingAgencyId: 'demo-early-help-hub' });

    const triagerMail = await eventually('the triager e-mail', () =>
      smtp.to('tamsin.quillfeather@demo-borough.example.org').find((m) => m.text.includes(ids.referralId)),
    );
    expect(triagerMail.subject).toBe('New referral awaiting triage');
    expect(triagerMail.text).toContain('Dear Tamsin Quillfeather');
    expect(triagerMail.text).toContain('the decision is due by the end of Monday 23 November 2026.');
    expect(triagerMail.text).not.toContain('00:00');
    expect(triagerMail.text).toContain(`https://baton.demo-borough.example.org/referrals/${ids.referralId}`);
    expect(triagerMail.raw).not.toMatch(/Alfie|Testcase/);
    await eventually('the hub mailbox e-mail', () =>
      smtp.to('early-help-hub@demo-borough.example.org').find((m) => m.text.includes(ids.referralId)),
    );

    const copy = await eventually('the NATS copy', () => hubCopies.find((c) => c.body.id === event.id));
    expect(copy.subject).toBe(`${infra.subjectPrefix}.demo.agency.demo-early-help-hub.referral.received`);

    const status = await service.call('school-dsl', 'GET', `/v1/events/${event.id}/deliveries`);
    expect(status.status).toBe(200);
    expect(status.body.summary.dead).toBe(0);
    expect(status.body.deliveries.map((d: { channel: string }) => d.channel).sort()).toEqual(
      expect.arrayContaining(['email', 'inbox', 'nats', 'webhook']),
    );
    expect((await service.call('yot-officer', 'GET', `/v1/events/${event.id}/deliveries`)).status).toBe(404);
  });

  it('tells the referrer the outcome but not the triage reasons, and never batches a step-up to social care', async () => {
    const ids = newReferralIds();
    await service.publish(referralReceived(ids));
    await eventually('the referral to be seen', async () => {
      const page = await service.call('hub-triager', 'GET', '/v1/inbox');
      return page.body.items.find((i: { event: { subject: string } }) => i.event.subject === ids.referralId);
    });
    const decided = referralDecided(ids, 'step-up-social-care');
    await service.publish(decided);

    const forReferrer = await eventually('the referrer inbox item', async () => {
      const page = await service.call('school-dsl', 'GET', '/v1/inbox');
      return page.body.items.find((i: { eventId: string }) => i.eventId === decided.id);
    });
    expect(forReferrer.urgent).toBe(true);
    expect(forReferrer.event.data).toEqual({
      referralId: ids.referralId,
      familyId: ids.familyId,
      outcome: 'step-up-social-care',
      levelOfNeed: 4,
      decidedAt: '2026-11-20T15:00:00.000Z',
      urgent: true,
    });

    const forSocialCare = await eventually('the social care inbox item', async () => {
      const page = await service.call('csc-duty', 'GET', '/v1/inbox');
      return page.body.items.find((i: { eventId: string }) => i.eventId === decided.id);
    });
    expect(forSocialCare.title).toBe('Urgent: Referral decision made');
    expect(forSocialCare.event.data.reasons).toMatch(/Team Around the Family/);

    const put = await service.call(
      'school-dsl',
      'PUT',
      '/v1/preferences/me',
      { email: 'daily-digest' },
      { 'if-match': '"1"' },
    );
    expect(put.status).toBe(200);
    const urgentAgain = referralDecided(newReferralIds(), 'step-up-social-care');
    await service.publish(urgentAgain);
    await eventually('the urgent e-mail despite the digest preference', () =>
      smtp.to('priya.lanternby@oakfield-primary.example.org').find((m) => m.subject.startsWith('Urgent')),
    );
  });

  it("tells the hub's managers when a decision is overdue, and no one outside the hub", async () => {
    const ids = newReferralIds();
    const overdue = referralDecisionOverdue(ids);
    await service.publish(overdue);
    const item = await eventually('the manager inbox item', async () => {
      const page = await service.call('hub-manager', 'GET', '/v1/inbox');
      return page.body.items.find((i: { eventId: string }) => i.eventId === overdue.id);
    });
    expect(item.title).toBe('Referral decision overdue');
    expect(Object.keys(item.event.data).sort()).toEqual(
      ['decisionDueAt', 'detectedAt', 'familyId', 'receivingAgencyId', 'referralId', 'urgency'].sort(),
    );
    const triager = await service.call('hub-triager', 'GET', '/v1/inbox');
    expect(triager.body.items.map((i: { eventId: string }) => i.eventId)).not.toContain(overdue.id);
  });
});

import { Webhook } from 'standardwebhooks';
import { provisionTestInfra, type TestInfra } from '@baton/testing';
import { eventually } from '../testing/eventually.js';
import { startNotificationsTestApp, type NotificationsTestApp } from '../testing/notifications-test-app.js';
import { newReferralIds, referralDecisionOverdue, referralReceived } from '../testing/referral-events.js';
import { WebhookReceiver } from '../testing/webhook-receiver.js';

describe('deliveries are never lost: retries, order per family, dead letters and replay', () => {
  let infra: TestInfra;
  let service: NotificationsTestApp;
  let receiver: WebhookReceiver;
  let secret: string;
  let endpointId: string;

  beforeAll(async () => {
    infra = await provisionTestInfra('notifications-delivery');
    receiver = await WebhookReceiver.start();
    // Five attempts 50–200 ms apart: "down for an hour" in miniature.
    service = await startNotificationsTestApp(infra, { AGENCY_NATS_ENABLED: 'false' });
    const registered = await service.call('hub-admin', 'POST', '/v1/webhooks', {
      url: receiver.url,
      eventTypes: ['baton.referral.received.v1', 'baton.referral.decision-overdue.v1'],
    });
    secret = registered.body.secret;
    endpointId = registered.body.id;
  });

  afterAll(async () => {
    await service?.close();
    await receiver?.close();
    await infra?.dispose();
  });

  function eventIdsReceived(): string[] {
    return receiver.accepted().map((r) => (JSON.parse(r.body) as { id: string }).id);
  }

  it('gives a receiver that was down every delivery once it recovers, each once, in order per family', async () => {
    receiver.goDown();
    const familyA = newReferralIds();
    const familyB = newReferralIds();
    const events = [referralReceived(familyA), referralReceived(familyB), referralDecisionOverdue(familyA)];
    for (const event of events) await service.publish(event);
    // Each family's first event is tried and refused; family A's second waits behind its first.
    await eventually('both families tried and refused', () =>
      events.slice(0, 2).every((e) => receiver.requests.some((r) => r.body.includes(e.id))) ? true : undefined,
    );
    expect(receiver.requests.some((r) => r.body.includes(events[2].id))).toBe(false);
    receiver.recover();

    await eventually('every event accepted', () =>
      events.every((e) => eventIdsReceived().includes(e.id)) ? true : undefined,
    );
    const accepted = eventIdsReceived().filter((id) => events.some((e) => e.id === id));
    expect(accepted).toHaveLength(3);
    expect(accepted.indexOf(events[0].id)).toBeLessThan(accepted.indexOf(events[2].id));
    expect(receiver.requests.filter((r) => r.answered === 500).length).toBeGreaterThanOrEqual(2);
    // A retry carries the same webhook-id, so a receiver can tell a repeat from a new message.
    const firstId = receiver.requests[0].headers['webhook-id'];
    const sameMessage = receiver.requests.filter((r) => r.headers['webhook-id'] === firstId);
    expect(sameMessage.length).toBeGreaterThan(1);
    expect(new Set(sameMessage.map((r) => r.body)).size).toBe(1);

    const status = await service.call('school-dsl', 'GET', `/v1/events/${events[0].id}/deliveries`);
    const webhook = status.body.deliveries.find((d: { channel: string }) => d.channel === 'webhook');
    expect(webhook).toMatchObject({ status: 'delivered' });
  });

  it('dead-letters a delivery after its last attempt, lists it and delivers it on replay', async () => {
    receiver.goDown();
    const event = referralReceived(newReferralIds());
    await service.publish(event);
    const dead = await eventually('the dead delivery', async () => {
      const page = await service.call('hub-admin', 'GET', '/v1/deliveries?status=dead');
      return page.body.items.find(
        (d: { eventId: string; channel: string }) => d.eventId === event.id && d.channel === 'webhook',
      );
    });
    expect(dead).toMatchObject({ attempts: 5, lastError: 'the endpoint answered HTTP 500' });
    expect((await service.call('hub-manager', 'GET', `/v1/events/${event.id}/deliveries`)).body.summary.dead).toBe(1);
    expect((await service.call('yot-manager', 'GET', '/v1/deliveries?status=dead')).body.items).toEqual([]);
    expect((await service.call('yot-manager', 'POST', `/v1/deliveries/${dead.id}/replay`)).status).toBe(404);

    receiver.recover();
    const replayed = await service.call('hub-admin', 'POST', `/v1/deliveries/${dead.id}/replay`);
    expect(replayed.status).toBe(200);
    await eventually('the replayed delivery', () => (eventIdsReceived().includes(event.id) ? true : undefined));
    const again = await service.call('hub-admin', 'POST', `/v1/deliveries/${dead.id}/replay`);
    expect(again.status).toBe(409);
  });

  it('signs with both the new and the previous secret during a rotation overlap', async () => {
    const rotated = await service.call('hub-admin', 'POST', `/v1/webhooks/${endpointId}/secret-rotation`, {
      overlapMinutes: 60,
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secretExpiries).toHaveLength(2);
    const event = referralReceived(newReferralIds());
    await service.publish(event);
    const hook = await eventually('the signed delivery', () =>
      receiver.accepted().find((r) => r.body.includes(event.id)),
    );
    const headers = hook.headers as Record<string, string>;
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(rotated.body.secret).verify(hook.body, headers)).toMatchObject({ id: event.id });
    expect(new Webhook(secret).verify(hook.body, headers)).toMatchObject({ id: event.id });
    expect(() =>
      new Webhook(`whsec_${Buffer.from('not the secret at all!').toString('base64')}`).verify(hook.body, headers),
    ).toThrow();
  });

  it('sends a malformed event to the dead letter without stopping the consumer', async () => {
    const subject = `${infra.subjectPrefix}.demo.referral.received`;
    await service.publishRaw(subject, '{"not": "an event"');
    const broken = { ...referralReceived(newReferralIds()), data: { referralId: 'not-a-uuid' } };
    await service.publishRaw(subject, JSON.stringify(broken));
    const good = referralReceived(newReferralIds());
    await service.publish(good);

    await eventually('the good event after the bad ones', () =>
      eventIdsReceived().includes(good.id) ? true : undefined,
    );
    const letters = await eventually('the dead letters', async () => {
      const page = await service.call('hub-admin', 'GET', '/v1/dead-letters');
      return page.body.items.some((l: { eventId: string }) => l.eventId === broken.id) ? page.body.items : undefined;
    });
    const letter = letters.find((l: { eventId: string }) => l.eventId === broken.id);
    expect(letter.error).toMatch(/data\.referralId/);
    const replay = await service.call('hub-admin', 'POST', `/v1/dead-letters/${letter.id}/replay`);
    expect(replay.status).toBe(422);
    expect(replay.body.detail).toMatch(/still invalid/);
  });
});

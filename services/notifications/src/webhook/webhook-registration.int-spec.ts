import { provisionTestInfra, type TestInfra } from '@baton/testing';
import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { eventually } from '../testing/eventually.js';
import { startNotificationsTestApp, type NotificationsTestApp } from '../testing/notifications-test-app.js';
import { newReferralIds, referralReceived } from '../testing/referral-events.js';
import { WebhookReceiver } from '../testing/webhook-receiver.js';
import { isPrivate } from './webhook-target.js';

describe("registering an agency's webhook endpoints", () => {
  let infra: TestInfra;
  let service: NotificationsTestApp;

  beforeAll(async () => {
    infra = await provisionTestInfra('notifications-webhooks');
    // As in production: no webhook may reach this host or the service's own network.
    service = await startNotificationsTestApp(infra, {
      AGENCY_NATS_ENABLED: 'false',
      WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'false',
    });
  });

  afterAll(async () => {
    await service?.close();
    await infra?.dispose();
  });

  const valid = { url: 'https://hub-system.example.org/baton', eventTypes: ['baton.referral.received.v1'] };

  it("is for the agency's admin only: a practitioner is refused, and anonymous callers are not let in", async () => {
    expect((await service.call('hub-triager', 'POST', '/v1/webhooks', valid)).status).toBe(403);
    const anonymous = await fetch(`${service.url}/v1/webhooks`);
    expect(anonymous.status).toBe(401);
  });

  it('names each bad field and rule, and writes nothing', async () => {
    const bad = await service.call('hub-admin', 'POST', '/v1/webhooks', {
      url: 'ftp://hub-system.example.org',
      eventTypes: ['baton.referral.vanished.v1'],
      colour: 'blue',
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/problem\+json/);
    const fields = bad.body.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`);
    expect(fields).toEqual(expect.arrayContaining(['url:isUrl', 'eventTypes:isIn', 'colour:whitelistValidation']));
    expect((await service.call('hub-admin', 'GET', '/v1/webhooks')).body.items).toEqual([]);
  });

  it("refuses an endpoint on this host or the service's own network, naming the rule, and writes nothing", async () => {
    for (const url of [
      'http://127.0.0.1:9000/hook',
      'http://localhost:9000/hook',
      'http://169.254.169.254/latest/meta-data',
      'https://10.20.30.40/baton',
      'https://[::1]/baton',
      'https://[::ffff:192.168.1.10]/baton',
      // The same loopback address in hex, decimal, octal and short forms, and with a trailing dot.
      'http://0x7f000001/hook',
      'http://2130706433/hook',
      'http://0177.0.0.1/hook',
      'http://127.1/hook',
      'http://localhost./hook',
      'http://0.0.0.0/hook',
      // Carrier-grade NAT, and IPv6: mapped loopback, unique local, link-local, NAT64 of loopback, unspecified.
      'https://100.64.0.1/baton',
      'https://[::ffff:127.0.0.1]/baton',
      'https://[fd00:ec2::254]/baton',
      'https://[fe80::1]/baton',
      'https://[64:ff9b::7f00:1]/baton',
      'https://[::]/baton',
    ]) {
      const refused = await service.call('hub-admin', 'POST', '/v1/webhooks', { ...valid, url });
      expect(refused.headers.get('content-type')).toMatch(/problem\+json/);
      // Refused either as not a URL the validator accepts (400 isUrl) or as a private address (422), never taken.
      const rule = refused.status === 400 ? 'isUrl' : 'isPublicAddress';
      expect({ url, status: refused.status }).toEqual({ url, status: rule === 'isUrl' ? 400 : 422 });
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'url', rule })]);
      if (rule === 'isPublicAddress') {
        expect(refused.body.errors[0].message).toMatch(/^url must reach a public address/);
      }
    }
    expect((await service.call('hub-admin', 'GET', '/v1/webhooks')).body.items).toEqual([]);
  });

  it('refuses a URL carrying a user name or password, whichever side of the @ the address is', async () => {
    for (const url of ['https://hub-system.example.org@10.0.0.5/baton', 'https://user:pass@hub-system.example.org/']) {
      const refused = await service.call('hub-admin', 'POST', '/v1/webhooks', { ...valid, url });
      expect({ url, status: refused.status }).toEqual({ url, status: 422 });
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'url', rule: 'hasNoCredentials' })]);
    }
    expect((await service.call('hub-admin', 'GET', '/v1/webhooks')).body.items).toEqual([]);
  });

  it('refuses at delivery a name that resolves inside the network, sending it nothing', async () => {
    // The machine's own name resolves (hosts file) to an address of this host: fine to register, never reached.
    const name = hostname();
    const [resolved] = await lookup(name, { all: true });
    expect(isPrivate(resolved.address)).toBe(true);
    const receiver = await WebhookReceiver.start();
    try {
      const port = new URL(receiver.url).port;
      const registered = await service.call('hub-admin', 'POST', '/v1/webhooks', {
        url: `http://${name}:${port}/hook`,
        eventTypes: ['baton.referral.received.v1'],
      });
      expect(registered.status).toBe(201);
      const event = referralReceived(newReferralIds());
      await service.publish(event);
      const dead = await eventually('the refused delivery', async () => {
        const page = await service.call('hub-admin', 'GET', '/v1/deliveries?status=dead');
        return page.body.items.find(
          (d: { eventId: string; channel: string }) => d.eventId === event.id && d.channel === 'webhook',
        );
      });
      expect(dead.lastError).toMatch(/resolves to .*which webhooks may not reach/);
      expect(receiver.requests).toEqual([]);
      await service.call('hub-admin', 'DELETE', `/v1/webhooks/${registered.body.id}`);
    } finally {
      await receiver.close();
    }
  });

  it("shows the secret once, lists the agency's own endpoints only, and hides them from other agencies", async () => {
    const created = await service.call('hub-admin', 'POST', '/v1/webhooks', valid);
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(created.headers.get('location')).toBe(`/v1/webhooks/${created.body.id}`);
    const read = await service.call('hub-admin', 'GET', `/v1/webhooks/${created.body.id}`);
    expect(read.body).not.toHaveProperty('secret');
    expect(read.body).not.toHaveProperty('secrets');
    expect(JSON.stringify(read.body)).not.toContain(created.body.secret);

    expect((await service.call('hub-admin', 'GET', '/v1/webhooks/not-a-uuid')).status).toBe(404);
    // The demo tenant's hub admin is the only agency admin; another agency's admin is minted for the test.
    const otherAdmin = await service.issuer.sign(
      { sub: 'yot-admin', name: 'Yusra Admin', agency_id: 'demo-yot', roles: ['agency-admin'], tenant: 'demo' },
      { expiresIn: '10m' },
    );
    const asOther = await fetch(`${service.url}/v1/webhooks/${created.body.id}`, {
      headers: { authorization: `Bearer ${otherAdmin}` },
    });
    expect(asOther.status).toBe(404);

    expect((await service.call('hub-admin', 'DELETE', `/v1/webhooks/${created.body.id}`)).status).toBe(204);
    expect((await service.call('hub-admin', 'GET', `/v1/webhooks/${created.body.id}`)).status).toBe(404);
  });
});

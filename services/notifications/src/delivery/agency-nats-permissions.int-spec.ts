import { fileURLToPath } from 'node:url';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import type { NatsBroker } from '@baton/messaging';
import { eventually } from '../testing/eventually.js';
import { OwnNatsServer } from '../testing/own-nats-server.js';
import type { ClaimedDelivery } from './claimed-delivery.js';
import { agencySubject, NatsAgencyChannel } from './nats-agency.channel.js';

const PERMISSIONS = fileURLToPath(new URL('../../../../docker/nats/agency-permissions.conf', import.meta.url));
const PASSWORDS = {
  BATON_NATS_PASSWORD: 'service-secret-for-tests',
  DEMO_EARLY_HELP_HUB_NATS_PASSWORD: 'hub-secret-for-tests',
  DEMO_YOT_NATS_PASSWORD: 'yot-secret-for-tests',
};

function delivery(subject: string, id: string): ClaimedDelivery {
  return {
    id: '1',
    publicId: id,
    tenant: 'demo',
    eventId: id,
    eventType: 'baton.referral.received.v1',
    channel: 'nats',
    target: subject,
    endpointId: null,
    attempts: 1,
    title: 'New referral awaiting triage',
    body: '',
    link: '',
    payload: JSON.stringify({ id, type: 'baton.referral.received.v1', data: { referralId: id } }),
    endpoint: null,
    traceContext: null,
  };
}

describe("an agency's NATS credentials reach its own subject tree and nothing else (docker/nats/agency-permissions.conf)", () => {
  let server: OwnNatsServer;
  let service: NatsConnection;
  let hub: NatsConnection;
  let channel: NatsAgencyChannel;
  const hubErrors: Error[] = [];

  beforeAll(async () => {
    server = await OwnNatsServer.start(PERMISSIONS, PASSWORDS);
    service = await connect({ servers: server.url, user: 'baton', pass: PASSWORDS.BATON_NATS_PASSWORD });
    await (await jetstreamManager(service)).streams.add({ name: 'BATON', subjects: ['baton.>'] });
    // The channel needs only the broker's JetStream client.
    channel = new NatsAgencyChannel({ js: jetstream(service) } as unknown as NatsBroker);
    hub = await connect({
      servers: server.url,
      user: 'demo-early-help-hub',
      pass: PASSWORDS.DEMO_EARLY_HELP_HUB_NATS_PASSWORD,
      inboxPrefix: '_INBOX_demo-early-help-hub',
    });
    void (async () => {
      for await (const s of hub.status()) if (s.type === 'error') hubErrors.push(s.error);
    })();
  });

  afterAll(async () => {
    await hub?.close();
    await service?.close();
    await server?.stop();
  });

  it("delivers the hub's events to the hub's own credentials", async () => {
    const received: string[] = [];
    const own = hub.subscribe('baton.demo.agency.demo-early-help-hub.>');
    void (async () => {
      for await (const m of own) received.push(m.json<{ id: string }>().id);
    })();
    await hub.flush();
    const subject = agencySubject('baton', 'demo', 'demo-early-help-hub', 'baton.referral.received.v1');
    await channel.send(delivery(subject, '6b3f3a52-8e0f-4f3e-9a55-0d6f1d0c7a01'));
    await eventually('the hub copy', () => (received.length > 0 ? received : undefined));
    expect(received).toEqual(['6b3f3a52-8e0f-4f3e-9a55-0d6f1d0c7a01']);
  });

  it("refuses the hub's credentials another agency's tree, the domain events and the JetStream API", async () => {
    const leaked: string[] = [];
    for (const subject of ['baton.demo.agency.demo-yot.>', 'baton.demo.referral.>', '$JS.API.>']) {
      const sub = hub.subscribe(subject);
      const refusal = (async (): Promise<Error | undefined> => {
        try {
          for await (const m of sub) leaked.push(m.subject);
          return undefined;
        } catch (e) {
          return e as Error;
        }
      })();
      expect((await refusal)?.message).toMatch(/permissions violation for subscription/i);
    }
    await channel.send(
      delivery(
        agencySubject('baton', 'demo', 'demo-yot', 'baton.referral.received.v1'),
        '2d0c4c2e-5a4b-4c55-8f1f-3b7f0a9e6d02',
      ),
    );
    await expect(jetstreamManager(hub, { timeout: 1_000 }).then((m) => m.streams.info('BATON'))).rejects.toThrow();
    expect(leaked).toEqual([]);
    expect(hubErrors.some((e) => /permissions violation/i.test(e.message))).toBe(true);
  });

  it('refuses the hub any publish, so it cannot forge events', async () => {
    hub.publish('baton.demo.referral.received', '{}');
    await hub.flush();
    await eventually('the publish violation', () =>
      hubErrors.some((e) => /publish/i.test(e.message) && /permissions violation/i.test(e.message)) ? true : undefined,
    );
  });
});

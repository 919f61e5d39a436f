import pg from 'pg';
import { EventTap, provisionTestInfra, type TestInfra } from '@baton/testing';
import { eventually } from '../testing/eventually.js';
import { startNotificationsTestApp, type NotificationsTestApp } from '../testing/notifications-test-app.js';
import { newReferralIds, referralDecisionOverdue, referralReceived } from '../testing/referral-events.js';
import { SmtpSink } from '../testing/smtp-sink.js';

/** Reads server-sent events from a real streaming fetch, as an open page would. */
async function openStream(url: string, token: string) {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  const events: { event: string; data: string }[] = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          const field = (name: string): string =>
            lines
              .filter((l) => l.startsWith(`${name}:`))
              .map((l) => l.slice(name.length + 1).trimStart())
              .join('\n');
          events.push({ event: field('event') || 'message', data: field('data') });
        }
      }
    } catch {
      // aborted by the test
    }
  })();
  return { response, events, close: () => controller.abort() };
}

describe('the in-app inbox', () => {
  let infra: TestInfra;
  let service: NotificationsTestApp;
  let smtp: SmtpSink;
  let tap: EventTap;
  let db: pg.Client;

  beforeAll(async () => {
    infra = await provisionTestInfra('notifications-inbox');
    smtp = await SmtpSink.start();
    service = await startNotificationsTestApp(infra, { SMTP_URL: smtp.url, AGENCY_NATS_ENABLED: 'false' });
    tap = await EventTap.open(infra.natsUrl, infra.subjectPrefix);
    db = new pg.Client({ connectionString: infra.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await tap?.close();
    await service?.close();
    await smtp?.close();
    await infra?.dispose();
  });

  it('streams a new item to an open page at once, then lists, counts and marks it read', async () => {
    const stream = await openStream(`${service.url}/v1/inbox/stream`, await service.tokenFor('hub-triager'));
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const before = (await service.call('hub-triager', 'GET', '/v1/inbox/unread-count')).body.unread;

    const event = referralReceived(newReferralIds());
    await service.publish(event);
    const pushed = await eventually('the pushed item', () => stream.events.find((e) => e.event === 'inbox-item'));
    stream.close();
    const { id } = JSON.parse(pushed.data) as { id: string };

    const item = await service.call('hub-triager', 'GET', `/v1/inbox/${id}`);
    expect(item.body).toMatchObject({ id, eventId: event.id, readAt: null });
    expect((await service.call('hub-triager', 'GET', '/v1/inbox/unread-count')).body.unread).toBe(before + 1);
    const unread = await service.call('hub-triager', 'GET', '/v1/inbox?unread=true');
    expect(unread.body.items.map((i: { id: string }) => i.id)).toContain(id);

    const read = await service.call('hub-triager', 'POST', `/v1/inbox/${id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    expect((await service.call('hub-triager', 'GET', '/v1/inbox/unread-count')).body.unread).toBe(before);

    // Every read of a family's notification is recorded for the audit ledger.
    await tap.waitFor((e) => e.type === 'baton.access.recorded.v1' && (e.data.recordIds as string[]).includes(id));
  });

  it("answers 404 for another person's item, and problem+json for a bad query", async () => {
    const event = referralReceived(newReferralIds());
    await service.publish(event);
    const item = await eventually('the item', async () => {
      const page = await service.call('hub-triager', 'GET', '/v1/inbox');
      return page.body.items.find((i: { eventId: string }) => i.eventId === event.id);
    });
    expect((await service.call('school-dsl', 'GET', `/v1/inbox/${item.id}`)).status).toBe(404);
    expect((await service.call('school-dsl', 'POST', `/v1/inbox/${item.id}/read`)).status).toBe(404);

    // A validly signed token with the recipient's person id but another agency is not the recipient.
    const impostor = await service.issuer.sign(
      {
        sub: 'hub-triager',
        name: 'Tamsin Quillfeather',
        agency_id: 'demo-police',
        roles: ['practitioner'],
        tenant: 'demo',
      },
      { expiresIn: '10m' },
    );
    const asImpostor = (path: string, method = 'GET') =>
      fetch(`${service.url}${path}`, { method, headers: { authorization: `Bearer ${impostor}` } });
    expect((await asImpostor(`/v1/inbox/${item.id}`)).status).toBe(404);
    expect((await asImpostor(`/v1/inbox/${item.id}/read`, 'POST')).status).toBe(404);
    const listed = (await (await asImpostor('/v1/inbox')).json()) as { items: unknown[] };
    expect(listed.items).toEqual([]);
    expect(((await (await asImpostor('/v1/inbox/unread-count')).json()) as { unread: number }).unread).toBe(0);
    const bad = await service.call('hub-triager', 'GET', '/v1/inbox?limit=0');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/problem\+json/);
    expect(bad.body.errors[0]).toMatchObject({ field: 'limit', rule: 'min' });
  });

  it('holds routine e-mail for a daily digest when the person chose one, and sends them together', async () => {
    const current = await service.call('hub-manager', 'GET', '/v1/preferences/me');
    expect(current.body).toEqual({ email: 'immediate', version: 1 });
    expect((await service.call('hub-manager', 'PUT', '/v1/preferences/me', { email: 'daily-digest' })).status).toBe(
      428,
    );
    const chosen = await service.call(
      'hub-manager',
      'PUT',
      '/v1/preferences/me',
      { email: 'daily-digest' },
      { 'if-match': '"1"' },
    );
    expect(chosen.body).toEqual({ email: 'daily-digest', version: 2 });

    const events = [referralDecisionOverdue(newReferralIds()), referralDecisionOverdue(newReferralIds())];
    for (const e of events) await service.publish(e);
    await eventually('the manager inbox items', async () => {
      const page = await service.call('hub-manager', 'GET', '/v1/inbox');
      const ids = page.body.items.map((i: { eventId: string }) => i.eventId);
      return events.every((e) => ids.includes(e.id)) ? true : undefined;
    });
    const held = await db.query(
      `SELECT due_at FROM delivery WHERE channel = 'email' AND digest AND target = 'marlowe.brackenridge@demo-borough.example.org'`,
    );
    expect(held.rowCount).toBe(2);
    expect(new Date(held.rows[0].due_at).getUTCHours()).toBe(7);
    expect(smtp.to('marlowe.brackenridge@demo-borough.example.org')).toEqual([]);

    // The digest hour arrives.
    await db.query(`UPDATE delivery SET due_at = now() WHERE digest`);
    const digest = await eventually('the digest', () =>
      smtp.to('marlowe.brackenridge@demo-borough.example.org').find((m) => m.subject.includes('digest')),
    );
    expect(digest.subject).toBe('Your Baton digest: 2 updates');
    expect(digest.text.match(/Referral decision overdue/g)).toHaveLength(2);
    expect(smtp.to('marlowe.brackenridge@demo-borough.example.org')).toHaveLength(1);
  });
});

import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import pg from 'pg';
import { AccessEvents } from '@baton/contracts';
import { EventTap, provisionTestInfra, type TestInfra } from '@baton/testing';
import { startAgencyViewsTestApp, type AgencyViewsTestApp } from '../testing/agency-views-test-app.js';
import { clientFor } from '../testing/http-client.fixture.js';
import {
  aFamily,
  publishEvents,
  referralDecided,
  referralReceived,
  referralWithdrawn,
} from '../testing/view-events.fixture.js';

const MONDAY = new Date('2026-11-23T09:00:00Z');

describe('agency views of families, from referral events', () => {
  let infra: TestInfra;
  let service: AgencyViewsTestApp;
  let nc: NatsConnection;
  let js: JetStreamClient;
  let tap: EventTap;
  let db: pg.Client;
  let call: ReturnType<typeof clientFor>;

  beforeAll(async () => {
    infra = await provisionTestInfra('agency-views');
    service = await startAgencyViewsTestApp(infra, { now: MONDAY });
    nc = await connect({ servers: infra.natsUrl });
    js = jetstream(nc);
    tap = await EventTap.open(infra.natsUrl, infra.subjectPrefix);
    db = new pg.Client({ connectionString: infra.databaseUrl });
    await db.connect();
    call = clientFor(() => service.url, service.issuer);
  });

  afterAll(async () => {
    await db?.end();
    await tap?.close();
    await nc?.close();
    await service?.close();
    await infra?.dispose();
  });

  it('shows a referred family to the referrer and the receiving agency, and to no one else', async () => {
    const family = aFamily();
    const [position] = await publishEvents(js, infra.subjectPrefix, [referralReceived(family)]);

    const school = await call('schoolDsl', `/v1/families/${family.familyId}?minPosition=${position}`);
    expect(school.status).toBe(200);
    expect(school.body).toMatchObject({
      familyId: family.familyId,
      position,
      relationships: ['referrer'],
      children: [{ givenName: 'Alfie', familyName: 'Testcase', dateOfBirth: '2016-04-12' }],
      carers: [{ givenName: 'Jo', familyName: 'Testcase', relationship: 'mother' }],
      levelOfNeed: 3,
      openReferrals: [{ referralId: family.referralId, status: 'received', receivingAgencyId: 'demo-early-help-hub' }],
    });
    expect(Number(school.headers.get('baton-position'))).toBeGreaterThanOrEqual(position);

    const hub = await call('hubTriager', `/v1/families/${family.familyId}`);
    expect(hub.body.relationships).toEqual(['receiving-agency']);

    const yot = await call('yotOfficer', `/v1/families/${family.familyId}`);
    expect(yot.status).toBe(404);
    expect(yot.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('keeps an accepted family in view until a plan takes it on, and drops one with no further action', async () => {
    const accepted = aFamily();
    const closed = aFamily({ child: { ...aFamily().child, givenName: 'Bea' } });
    const positions = await publishEvents(js, infra.subjectPrefix, [
      referralReceived(accepted),
      referralDecided(accepted, 'accept-early-help'),
      referralReceived(closed),
      referralDecided(closed, 'no-further-action'),
    ]);
    const last = positions.at(-1) as number;

    const kept = await call('schoolDsl', `/v1/families/${accepted.familyId}?minPosition=${last}`);
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ relationships: ['referrer'], openReferrals: [] });
    expect((await call('schoolDsl', `/v1/families/${closed.familyId}`)).status).toBe(404);
    expect((await call('hubTriager', `/v1/families/${closed.familyId}`)).status).toBe(404);
  });

  it('applies a redelivered event once', async () => {
    const family = aFamily();
    const received = referralReceived(family);
    const positions = await publishEvents(
      js,
      infra.subjectPrefix,
      [received, received],
      (e) => `${e.id}-${Math.random()}`,
    );
    const view = await call('hubTriager', `/v1/families/${family.familyId}?minPosition=${positions[1]}`);
    expect(view.status).toBe(200);
    expect(view.body.position).toBe(positions[0]);
    const { rows } = await db.query('SELECT count(*)::int AS n FROM family_event WHERE family_id = $1', [
      family.familyId,
    ]);
    expect(rows[0].n).toBe(1);
  });

  it('reaches the same view whichever order the events arrive in', async () => {
    const inOrder = aFamily();
    const reversed = aFamily({ child: inOrder.child, carer: inOrder.carer });
    const positions = await publishEvents(js, infra.subjectPrefix, [
      referralReceived(inOrder),
      referralDecided(inOrder),
      referralDecided(reversed),
      referralReceived(reversed),
    ]);
    const last = positions.at(-1) as number;
    const a = await call('schoolDsl', `/v1/families/${inOrder.familyId}?minPosition=${last}`);
    const b = await call('schoolDsl', `/v1/families/${reversed.familyId}`);
    const { rows } = await db.query('SELECT family_id, document FROM family_view WHERE family_id = ANY($1)', [
      [inOrder.familyId, reversed.familyId],
    ]);
    const documentOf = (id: string) => rows.find((r) => r.family_id === id).document;
    const withoutIds = (d: { familyId: string; referrals: { referralId: string }[] }) => ({
      ...d,
      familyId: undefined,
      referrals: d.referrals.map((r) => ({ ...r, referralId: undefined })),
    });
    expect(withoutIds(documentOf(reversed.familyId))).toEqual(withoutIds(documentOf(inOrder.familyId)));
    expect({ ...b.body, familyId: undefined, position: undefined }).toEqual({
      ...a.body,
      familyId: undefined,
      position: undefined,
    });
    expect(documentOf(reversed.familyId).referrals[0]).toMatchObject({
      status: 'decided',
      receivedAt: expect.any(String),
    });
  });

  it('removes a withdrawn referral’s family from both agencies’ lists in one update', async () => {
    const family = aFamily({ child: { ...aFamily().child, givenName: 'Wren', familyName: 'Withdrawnson' } });
    const [received] = await publishEvents(js, infra.subjectPrefix, [referralReceived(family)]);
    const before = await call('schoolDsl', `/v1/families?name=withdrawnson&minPosition=${received}`);
    expect(before.body.items.map((f: { familyId: string }) => f.familyId)).toEqual([family.familyId]);

    const [withdrawn] = await publishEvents(js, infra.subjectPrefix, [referralWithdrawn(family)]);
    const after = await call('schoolDsl', `/v1/families?name=withdrawnson&minPosition=${withdrawn}`);
    expect(after.body.items).toEqual([]);
    const { rows } = await db.query('SELECT agency_id FROM family_agency WHERE family_id = $1', [family.familyId]);
    expect(rows).toEqual([]);
  });

  it('searches by name prefix and by child date of birth, a page at a time', async () => {
    const names = ['Ana', 'Ben', 'Cas'];
    const families = names.map((givenName, i) =>
      aFamily({
        child: { ...aFamily().child, givenName, familyName: 'Pagewood', dateOfBirth: `2019-0${i + 1}-15` },
      }),
    );
    const positions = await publishEvents(
      js,
      infra.subjectPrefix,
      families.map((f) => referralReceived(f)),
    );
    const last = positions.at(-1) as number;

    const first = await call('hubTriager', `/v1/families?name=page&limit=2&minPosition=${last}`);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    const second = await call('hubTriager', `/v1/families?name=page&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeUndefined();
    const all = [...first.body.items, ...second.body.items].map((f: { familyId: string }) => f.familyId);
    expect(new Set(all)).toEqual(new Set(families.map((f) => f.familyId)));

    const byDob = await call('hubTriager', '/v1/families?childDateOfBirth=2019-02-15');
    expect(byDob.body.items.map((f: { familyId: string }) => f.familyId)).toEqual([families[1].familyId]);
    const twoWords = await call('hubTriager', '/v1/families?name=cas%20pagew');
    expect(twoWords.body.items.map((f: { familyId: string }) => f.familyId)).toEqual([families[2].familyId]);
    const byLevel = await call('hubTriager', '/v1/families?name=pagewood&levelOfNeed=2');
    expect(byLevel.body.items).toEqual([]);
  });

  it('finds by search every name the intake takes, digits and full stops included (one name rule)', async () => {
    const family = aFamily({ child: { ...aFamily().child, givenName: 'Twin 2', familyName: 'St. Clair-Ng' } });
    const [received] = await publishEvents(js, infra.subjectPrefix, [referralReceived(family)]);
    const byNumber = await call('hubTriager', `/v1/families?name=twin%202&minPosition=${received}`);
    expect(byNumber.status).toBe(200);
    expect(byNumber.body.items.map((f: { familyId: string }) => f.familyId)).toEqual([family.familyId]);
    const byStop = await call('hubTriager', '/v1/families?name=st.%20clair');
    expect(byStop.body.items.map((f: { familyId: string }) => f.familyId)).toEqual([family.familyId]);
    const markup = await call('hubTriager', '/v1/families?name=%3Cb%3E');
    expect(markup.status).toBe(400);
    expect(markup.body.errors).toEqual([expect.objectContaining({ field: 'name', rule: 'isPersonNameSearch' })]);
  });

  it('refuses bad filters with a problem naming the field and rule', async () => {
    const bad = await call('hubTriager', '/v1/families?childDateOfBirth=2019-13-45&levelOfNeed=7&surprise=1');
    expect(bad.status).toBe(400);
    const fields = bad.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['childDateOfBirth', 'levelOfNeed', 'surprise']);
    const notUuid = await call('hubTriager', '/v1/families/not-a-uuid');
    expect(notUuid.status).toBe(400);
    expect(notUuid.body.errors).toEqual([expect.objectContaining({ field: 'familyId', rule: 'isUuid' })]);
    const badCursor = await call('hubTriager', '/v1/families?cursor=nonsense');
    expect(badCursor.status).toBe(400);
  });

  it('refuses callers without a practitioner, triager or manager role', async () => {
    expect((await call('auditOfficer', '/v1/families')).status).toBe(403);
  });

  it('records every read and list as an access event', async () => {
    const family = aFamily();
    const [position] = await publishEvents(js, infra.subjectPrefix, [referralReceived(family)]);
    await call('hubTriager', `/v1/families/${family.familyId}?minPosition=${position}`);
    const read = await tap.waitFor(
      (e) => e.type === AccessEvents.recorded.type && e.familyid === family.familyId && e.data.action === 'read',
    );
    expect(read.data).toMatchObject({
      service: 'agency-views',
      recordType: 'family-view',
      familyIds: [family.familyId],
      accessor: { personId: 'hub-triager', agencyId: 'demo-early-help-hub' },
    });
    await call('hubTriager', `/v1/families?childDateOfBirth=${family.child.dateOfBirth}`);
    await tap.waitFor(
      (e) =>
        e.type === AccessEvents.recorded.type &&
        e.data.action === 'list' &&
        (e.data.familyIds as string[]).includes(family.familyId),
    );
  });

  it('waits for a position not yet applied, and says so when it is not reached in time', async () => {
    const jsm = await jetstreamManager(nc);
    const last = (await jsm.streams.info(infra.streamName)).state.last_seq;
    const early = await call('hubTriager', `/v1/families?minPosition=${last + 1000}&waitMs=200`);
    expect(early.status).toBe(503);
    expect(early.body).toMatchObject({ minPosition: last + 1000, appliedPosition: expect.any(Number) });

    const waiting = call('hubTriager', `/v1/families?minPosition=${last + 1}&waitMs=10000`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await publishEvents(js, infra.subjectPrefix, [referralReceived(aFamily())]);
    const answer = await waiting;
    expect(answer.status).toBe(200);
    expect(Number(answer.headers.get('baton-position'))).toBeGreaterThanOrEqual(last + 1);
  });
});

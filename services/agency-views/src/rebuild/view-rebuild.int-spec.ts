import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { CloudEvent } from '@baton/contracts';
import { messagingEntities, messagingMigrations } from '@baton/messaging';
import { openDatabase } from '@baton/persistence';
import { provisionTestInfra, type TestInfra } from '@baton/testing';
import { FamilyProjection } from '../projection/family-projection.js';
import { startAgencyViewsTestApp, type AgencyViewsTestApp } from '../testing/agency-views-test-app.js';
import { clientFor } from '../testing/http-client.fixture.js';
import { OrderScript } from '../testing/parenting-events.fixture.js';
import { PlanScript, PROFESSIONALS } from '../testing/plan-events.fixture.js';
import {
  aFamily,
  publishEvents,
  referralDecided,
  referralReceived,
  referralWithdrawn,
} from '../testing/view-events.fixture.js';
import { FamilyViewStore } from '../view-store/family-view-store.js';
import { ViewRebuild } from './view-rebuild.js';

const MONDAY = new Date('2026-11-23T09:00:00Z');

/** Families in every shape the views know, with events out of order and one delivered twice. */
function mixedHistory(): CloudEvent[] {
  const events: CloudEvent[] = [];
  for (let i = 0; i < 12; i += 1) {
    const family = aFamily({ child: { ...aFamily().child, givenName: `Child${'abcdefghijkl'[i]}` } });
    const plan = new PlanScript(family, PROFESSIONALS.adultWorker, [PROFESSIONALS.schoolDsl]);
    const order = new OrderScript(family);
    const lifecycles = [
      [referralReceived(family)],
      [referralReceived(family), referralWithdrawn(family)],
      [referralDecided(family), referralReceived(family)],
      [referralReceived(family), referralDecided(family), plan.opened(), plan.memberJoined(PROFESSIONALS.yotOfficer)],
      [plan.opened(), plan.leadChanged(PROFESSIONALS.yotOfficer), plan.actionAdded('demo-yot', '2026-11-01')],
      [plan.opened(), order.made(), plan.memberLeft('demo-oakfield-primary')],
    ];
    const [first, ...rest] = lifecycles[i % lifecycles.length];
    events.push(...rest.reverse(), first);
  }
  return events;
}

describe('rebuilding the views', () => {
  let infra: TestInfra;
  let service: AgencyViewsTestApp;
  let nc: NatsConnection;
  let js: JetStreamClient;
  let jsm: JetStreamManager;
  let db: pg.Client;
  let rebuildDataSource: DataSource;
  let call: ReturnType<typeof clientFor>;

  beforeAll(async () => {
    infra = await provisionTestInfra('agency-views-rebuild');
    service = await startAgencyViewsTestApp(infra, { now: MONDAY });
    nc = await connect({ servers: infra.natsUrl });
    js = jetstream(nc);
    jsm = await jetstreamManager(nc);
    db = new pg.Client({ connectionString: infra.databaseUrl });
    await db.connect();
    rebuildDataSource = await openDatabase({ url: infra.databaseUrl, entities: messagingEntities, migrations: [] });
    call = clientFor(() => service.url, service.issuer);
  });

  afterAll(async () => {
    await rebuildDataSource?.destroy();
    await db?.end();
    await nc?.close();
    await service?.close();
    await infra?.dispose();
  });

  const rebuild = (retainedOutboxUrls: string[] = []) => {
    const store = new FamilyViewStore();
    return new ViewRebuild(rebuildDataSource, new FamilyProjection(store), store).run({
      stream: infra.streamName,
      subjectPrefix: infra.subjectPrefix,
      js,
      jsm,
      retainedOutboxUrls,
    });
  };

  /** Everything a reader can see, in a fixed order; not when rows were written. */
  async function views() {
    const families = await db.query('SELECT tenant, family_id, document, position FROM family_view ORDER BY 1, 2');
    const agencies = await db.query(
      `SELECT tenant, agency_id, family_id, relationships, sort_name, search_text, child_dobs::text[], level_of_need,
         next_review_due::text, open_action_due::text[], earliest_action_due::text, has_order, position
       FROM family_agency ORDER BY 1, 2, 3`,
    );
    return { families: families.rows, agencies: agencies.rows };
  }

  async function settled(position: number): Promise<void> {
    const answer = await call('hubTriager', `/v1/families?minPosition=${position}&waitMs=10000`);
    expect(answer.status).toBe(200);
  }

  it('produces exactly the views that incremental processing produced, while the service keeps serving', async () => {
    const history = mixedHistory();
    await publishEvents(js, infra.subjectPrefix, history);
    // One event delivered twice more, past the broker's dedupe, as redeliveries would arrive.
    const positions = await publishEvents(
      js,
      infra.subjectPrefix,
      [history[0], history[0]],
      (e) => `${e.id}-${Math.random()}`,
    );
    await settled(positions.at(-1) as number);
    const incremental = await views();
    expect(incremental.families.length).toBeGreaterThan(10);
    expect(incremental.agencies.length).toBeGreaterThan(10);

    const family = incremental.agencies.find((a) => a.agency_id === 'demo-adult-services');
    // What a projection bug would leave behind; the rebuild must not carry it over.
    const damaged = incremental.agencies.find((a) => a.family_id !== family.family_id);
    await db.query(`UPDATE family_view SET document = '{}' WHERE family_id = $1`, [damaged.family_id]);
    await db.query('DELETE FROM family_agency WHERE family_id = $1', [damaged.family_id]);
    expect(await views()).not.toEqual(incremental);
    const reads: number[] = [];
    let reading = true;
    const reader = (async () => {
      while (reading) reads.push((await call('adultWorker', `/v1/families/${family.family_id}`)).status);
    })();
    const report = await rebuild();
    reading = false;
    await reader;

    expect(await views()).toEqual(incremental);
    expect(report).toMatchObject({ streamFirstSeq: 1, families: expect.any(Number), skippedMessages: 0 });
    expect(reads.length).toBeGreaterThan(0);
    expect(new Set(reads)).toEqual(new Set([200]));

    const later = aFamily();
    const [position] = await publishEvents(js, infra.subjectPrefix, [referralReceived(later)]);
    const seen = await call('hubTriager', `/v1/families/${later.familyId}?minPosition=${position}`);
    expect(seen.status).toBe(200);
  });

  it('keeps one family when a duplicate referral joins a plan, live and rebuilt, and merges a family already split', async () => {
    const planFamily = aFamily({ child: { ...aFamily().child, givenName: 'Maisie', familyName: 'Splitwood' } });
    // The same child, referred again by health visiting and filed by referrals under a family of its own.
    const duplicate = aFamily({ child: { ...planFamily.child }, referrerAgencyId: 'demo-health-visiting' });
    const plan = new PlanScript(planFamily, PROFESSIONALS.adultWorker, []);
    const opened = plan.opened();
    const joined = plan.concernJoined(duplicate);
    // The referral's later events arrive after the merge, as another consumer's may.
    const positions = await publishEvents(js, infra.subjectPrefix, [
      referralReceived(duplicate),
      opened,
      joined,
      referralDecided(duplicate),
    ]);
    await settled(positions.at(-1) as number);
    // No lead-less copy is left for the front door: the plan has taken the referral on.
    const hub = await call('hubTriager', '/v1/families?name=splitwood');
    expect(hub.body.items).toEqual([]);
    const adults = await call('adultWorker', '/v1/families?name=splitwood');
    expect(adults.body.items.map((f: { familyId: string }) => f.familyId)).toEqual([planFamily.familyId]);
    const live = await views();
    const documentOf = (v: typeof live, id: string) => v.families.find((f) => f.family_id === id)?.document;
    expect(documentOf(live, duplicate.familyId)).toBeUndefined();
    expect(documentOf(live, planFamily.familyId).referrals.map((r: { referralId: string }) => r.referralId)).toEqual([
      duplicate.referralId,
    ]);

    // As a version before merging left it: the duplicate family split off, with a view of its own.
    await db.query('DELETE FROM family_alias');
    await db.query('UPDATE family_event SET family_id = $1 WHERE aggregate_id = $2', [
      duplicate.familyId,
      duplicate.referralId,
    ]);
    await db.query(
      `INSERT INTO family_view (tenant, family_id, document, position) SELECT tenant, $1, document, position
         FROM family_view WHERE family_id = $2`,
      [duplicate.familyId, planFamily.familyId],
    );
    await rebuild();
    expect(await views()).toEqual(live);
  });

  it('refuses to rebuild from a trimmed stream alone, and rebuilds it from the producers’ retained outboxes', async () => {
    const history = mixedHistory();
    const positions = await publishEvents(js, infra.subjectPrefix, history);
    await settled(positions.at(-1) as number);
    const before = await views();

    const producer = await infra.createDatabase('producer');
    const outbox = await openDatabase({ url: producer, entities: messagingEntities, migrations: messagingMigrations });
    try {
      const { state } = await jsm.streams.info(infra.streamName);
      const kept = 5;
      const trimmedSeq = state.last_seq - kept + 1;
      const trimmed: CloudEvent[] = [];
      for (let seq = state.first_seq; seq < trimmedSeq; seq += 1) {
        const message = await jsm.streams.getMessage(infra.streamName, { seq });
        if (message !== null && message.subject.split('.')[1] !== '_dlq') trimmed.push(message.json<CloudEvent>());
      }
      for (const event of trimmed) {
        await outbox.query(
          `INSERT INTO outbox (id, aggregate_id, tenant, type, subject, envelope, published_at)
           VALUES ($1, $2, $3, $4, $5, $6, now()) ON CONFLICT (id) DO NOTHING`,
          [event.id, event.subject, event.tenant, event.type, 'x', JSON.stringify(event)],
        );
      }
      await jsm.streams.purge(infra.streamName, { seq: trimmedSeq });

      await expect(rebuild()).rejects.toThrow(/starts at sequence .*--outbox/);
      const report = await rebuild([producer]);
      expect(report.outboxEvents).toBeGreaterThan(0);
      const after = await views();
      // Events known only from an outbox carry no stream position: positions may differ, nothing else.
      const withoutPositions = (v: typeof before) => ({
        families: v.families.map((f) => ({ ...f, position: undefined })),
        agencies: v.agencies.map((a) => ({ ...a, position: undefined })),
      });
      expect(withoutPositions(after)).toEqual(withoutPositions(before));
    } finally {
      await outbox.destroy();
    }
  });
});

// Seeds the read model by SQL, through the service's own view store (same statements, same fold), and puts the
// events the seed stands for into the stream, with the service's durable consumer starting after them, as a
// service that has already processed that history would.
import { pathToFileURL } from 'node:url';
import { AckPolicy, DeliverPolicy, StorageType } from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import pg from 'pg';
import { REPO_ROOT } from '../../referral-intake/lib/service.js';
import { inventFamily, planOpened, random } from './families.js';

const CHUNK = 500;
const PUBLISH_WINDOW = 256;

export function inventFamilies(count, today) {
  const rnd = random(20261123);
  return Array.from({ length: count }, () => inventFamily(rnd, today));
}

/** Creates the stream as the service would, and publishes each family's `plan.opened`; returns their sequences. */
export async function publishHistory(js, jsm, names, events) {
  await jsm.streams.add({
    name: names.stream,
    subjects: [`${names.prefix}.>`],
    storage: StorageType.File,
    duplicate_window: nanos(120_000),
    num_replicas: 1,
  });
  const seqs = new Array(events.length);
  for (let start = 0; start < events.length; start += PUBLISH_WINDOW) {
    const acks = events
      .slice(start, start + PUBLISH_WINDOW)
      .map((e) => js.publish(`${names.prefix}.demo.plan.opened`, JSON.stringify(e), { msgID: e.id }));
    (await Promise.all(acks)).forEach((ack, i) => (seqs[start + i] = ack.seq));
  }
  // The service's consumers (one per aggregate the views follow), with their own settings so they are not
  // changed at start-up, starting after the seed.
  for (const aggregate of ['referral', 'plan', 'contract', 'order']) {
    await jsm.consumers.add(names.stream, {
      durable_name: `agency-views-${aggregate}-events`,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: seqs.at(-1) + 1,
      filter_subject: `${names.prefix}.*.${aggregate}.*`,
      ack_wait: nanos(30_000),
      max_deliver: 5,
    });
  }
  return seqs;
}

/** Writes every family's events, document and agency rows through the built service's FamilyViewStore. */
export async function seedViews(databaseUrl, families, events, seqs, log) {
  const { FamilyViewStore } = await import(
    pathToFileURL(`${REPO_ROOT}services/agency-views/dist/view-store/family-view-store.js`).href
  );
  const store = new FamilyViewStore();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const manager = { query: async (text, params) => (await client.query(text, params)).rows };
  try {
    for (let start = 0; start < families.length; start += CHUNK) {
      const chunk = families.slice(start, start + CHUNK);
      await client.query('BEGIN');
      await store.recordEvents(
        manager,
        chunk.map((f, i) => ({ event: events[start + i], familyId: f.familyId, streamSeq: seqs[start + i] })),
      );
      await store.write(
        manager,
        await store.fold(
          manager,
          'demo',
          chunk.map((f) => f.familyId),
        ),
      );
      await client.query('COMMIT');
      if ((start / CHUNK) % 20 === 19) log(`  seeded ${start + chunk.length} families`);
    }
    // A read model that has been running for a while has been vacuumed and checkpointed. Without this the bulk
    // load's aftermath (autovacuum's insert-triggered pass, hint bits, dirty pages written back) lands in the
    // timed reads and is measured as if it were the service.
    await client.query('VACUUM (ANALYZE)');
    await client.query('CHECKPOINT');
    const { rows } = await client.query('SELECT count(*)::int AS n FROM family_agency');
    return { families: families.length, agencyRows: rows[0].n };
  } finally {
    await client.end();
  }
}

export { planOpened };

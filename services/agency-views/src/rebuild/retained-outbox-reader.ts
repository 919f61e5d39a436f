import pg from 'pg';
import { validateEvent, type CloudEvent } from '@baton/contracts';

const PAGE = 1_000;

/**
 * Reads the events a producer kept in its outbox after publishing them ("published rows are kept for replays
 * and rebuilds"), for a rebuild whose stream no longer starts at the beginning. An operator names each
 * producer's database on the command line; the service itself never reads another service's database.
 */
export async function* readRetainedOutbox(databaseUrl: string, types: string[]): AsyncGenerator<CloudEvent[]> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'agency-views-rebuild' });
  await client.connect();
  try {
    await client.query('SET default_transaction_read_only = on');
    for (let after = 0; ;) {
      const { rows } = await client.query<{ seq: string; envelope: unknown }>(
        `SELECT seq, envelope FROM outbox WHERE published_at IS NOT NULL AND seq > $1
         AND split_part(type, '.', 2) = ANY($2) ORDER BY seq LIMIT ${PAGE}`,
        [after, types],
      );
      if (rows.length === 0) return;
      after = Number(rows[rows.length - 1].seq);
      yield rows.flatMap((r) => {
        const checked = validateEvent(r.envelope);
        return checked.ok ? [checked.event] : [];
      });
    }
  } finally {
    await client.end();
  }
}

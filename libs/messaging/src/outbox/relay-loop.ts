import { Logger } from '@nestjs/common';
import type pg from 'pg';
import type { NatsBroker } from '../broker/nats-broker.js';
import type { ResolvedMessagingOptions } from '../messaging.options.js';
import { inPublishSpan, type TraceCarrier } from '../tracing/trace-context.js';
import { chainsByAggregate, releasableRows, retryDelayMs } from './publish-order.js';
import { Wakeup } from './wakeup.js';

interface ClaimedOutboxRow {
  seq: string;
  id: string;
  aggregateId: string;
  type: string;
  subject: string;
  envelope: string;
  attempts: number;
  traceContext: TraceCarrier | null;
}

interface Failure {
  row: ClaimedOutboxRow;
  error: string;
}

const HELD_BACK_PAUSE_MS = 20;

const CLAIM = `
  SELECT seq, id, aggregate_id AS "aggregateId", type, subject, envelope::text AS envelope, attempts,
    trace_context AS "traceContext"
  FROM outbox
  WHERE published_at IS NULL AND (locked_until IS NULL OR locked_until <= now())
  ORDER BY seq
  LIMIT $1
  FOR UPDATE SKIP LOCKED`;

const EARLIEST_OUTSIDE = `
  SELECT aggregate_id AS "aggregateId", min(seq)::text AS seq
  FROM outbox
  WHERE published_at IS NULL AND aggregate_id = ANY($1::text[]) AND NOT (seq = ANY($2::bigint[]))
  GROUP BY aggregate_id`;

const MARK_PUBLISHED = `
  UPDATE outbox SET published_at = now(), attempts = attempts + 1, last_error = NULL, locked_until = NULL
  WHERE seq = ANY($1::bigint[])`;

const MARK_FAILED = `
  UPDATE outbox o SET attempts = o.attempts + 1, last_error = f.error,
    locked_until = clock_timestamp() + f.delay_ms * interval '1 millisecond'
  FROM unnest($1::bigint[], $2::text[], $3::int[]) AS f(seq, error, delay_ms)
  WHERE o.seq = f.seq`;

/**
 * The relay's work, run in its own thread (see `relay-worker.ts`): publishes committed outbox rows to JetStream, in
 * seq order per aggregate, with `Nats-Msg-Id` = event id so a re-publish after a crash between publish and mark is
 * dropped by the broker. Safe to run in several replicas: each batch's rows are locked (`FOR UPDATE SKIP LOCKED`).
 */
export class RelayLoop {
  private readonly logger = new Logger('OutboxRelay');
  private readonly wakeup = new Wakeup();
  private stopping = false;
  private running?: Promise<void>;

  constructor(
    private readonly pool: pg.Pool,
    private readonly broker: NatsBroker,
    private readonly options: ResolvedMessagingOptions['relay'],
    private readonly onPublishFailures: (count: number) => void,
  ) {}

  /** Looks for work now (a commit was notified, or the broker came back). */
  wake(): void {
    this.wakeup.wake();
  }

  start(): void {
    this.running ??= this.relayUntilStopped();
  }

  /** Stops after the batch in flight is published and marked. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeup.wake();
    await this.running;
  }

  private async relayUntilStopped(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      if (!this.broker.connected) {
        await this.wakeup.sleep(this.options.pollIntervalMs);
        continue;
      }
      try {
        const { claimed, released, failed } = await this.relayBatch();
        failures = failed > 0 ? failures + 1 : 0;
        if (failed > 0) await this.wakeup.sleep(retryDelayMs(failures));
        else if (claimed < this.options.batchSize) {
          await this.wakeup.sleep(this.options.pollIntervalMs);
          if (this.options.gatherMs > 0 && !this.stopping) {
            await new Promise((resolve) => setTimeout(resolve, this.options.gatherMs));
          }
        }
        // Everything claimed waits on another relay's rows: give it a moment to commit rather than spin.
        else if (released === 0) await this.wakeup.sleep(HELD_BACK_PAUSE_MS);
      } catch (e) {
        failures += 1;
        this.logger.error(`Outbox relay batch failed: ${describe(e)}`, e instanceof Error ? e.stack : undefined);
        await this.wakeup.sleep(retryDelayMs(failures));
      }
    }
  }

  /** Claims, publishes and marks one batch in one transaction; the row locks keep other relays off it. */
  private async relayBatch(): Promise<{ claimed: number; released: number; failed: number }> {
    const tx = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await tx.query('BEGIN');
      // A published row leaves the unpublished indexes only when the table is vacuumed. A plain index scan marks
      // each such dead entry the first time it passes it and skips it after; a bitmap scan (the planner's choice
      // once its statistics say a few hundred rows wait) visits every row published since the last vacuum again on
      // every claim, so each claim costs more than the one before. Measured under 200 events/s: claims read 4,600
      // dead entries each after 30 s, and Postgres spent most of its time there.
      await tx.query('SET LOCAL enable_bitmapscan = off');
      const { rows: claimed } = await tx.query<ClaimedOutboxRow>(CLAIM, [this.options.batchSize]);
      if (claimed.length === 0) {
        await tx.query('COMMIT');
        return { claimed: 0, released: 0, failed: 0 };
      }
      const rows = releasableRows(claimed, await earliestOutside(tx, claimed));
      const failures = (await Promise.all(chainsByAggregate(rows).map((chain) => this.publishChain(chain)))).flat();
      const failedSeqs = new Set(failures.map((f) => f.row.seq));
      const published = rows.filter((r) => !failedSeqs.has(r.seq));
      if (published.length > 0) await tx.query(MARK_PUBLISHED, [published.map((r) => r.seq)]);
      if (failures.length > 0) {
        await tx.query(MARK_FAILED, [
          failures.map((f) => f.row.seq),
          failures.map((f) => f.error),
          failures.map((f) => retryDelayMs(f.row.attempts + 1)),
        ]);
      }
      await tx.query('COMMIT');
      if (failures.length > 0) {
        this.onPublishFailures(failures.filter((f) => f.error !== HELD_BEHIND).length);
        const [{ row, error }] = failures;
        this.logger.warn(
          `${failures.length} event(s) not published, will retry; first: ${row.id} on ${row.subject}: ${error}`,
        );
      }
      return { claimed: claimed.length, released: rows.length, failed: failures.length };
    } catch (e) {
      broken = e instanceof Error ? e : new Error(String(e));
      await tx.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      // A connection whose transaction failed is dropped rather than reused: it may be the one Postgres lost.
      tx.release(broken);
    }
  }

  /** Publishes one aggregate's rows in order; after a failure the rest of the chain waits for the next batch. */
  private async publishChain(chain: ClaimedOutboxRow[]): Promise<Failure[]> {
    for (const [i, row] of chain.entries()) {
      try {
        await inPublishSpan(
          row.traceContext,
          { subject: row.subject, eventId: row.id, eventType: row.type },
          (headers) =>
            this.broker.js.publish(row.subject, row.envelope, {
              msgID: row.id,
              timeout: this.options.publishTimeoutMs,
              headers,
            }),
        );
      } catch (e) {
        return [{ row, error: describe(e) }, ...chain.slice(i + 1).map((r) => ({ row: r, error: HELD_BEHIND }))];
      }
    }
    return [];
  }
}

/** Why a row that was not tried waits: an earlier one of its aggregate failed (not a publish failure of its own). */
const HELD_BEHIND = 'an earlier event of its aggregate failed';

async function earliestOutside(tx: pg.PoolClient, claimed: ClaimedOutboxRow[]): Promise<Map<string, string>> {
  const aggregates = [...new Set(claimed.map((r) => r.aggregateId))];
  const { rows } = await tx.query<{ aggregateId: string; seq: string }>(EARLIEST_OUTSIDE, [
    aggregates,
    claimed.map((r) => r.seq),
  ]);
  return new Map(rows.map((r) => [r.aggregateId, r.seq]));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

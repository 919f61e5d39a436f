import { Injectable, Logger } from '@nestjs/common';
import { validateEvent } from '@baton/contracts';
import { DataSource } from 'typeorm';
import { describeError } from '../transport/event-processor.js';
import { JetStreamServer } from '../transport/jetstream.server.js';

export interface DeadLetter {
  /** A bigint, so a string; also the cursor for {@link DeadLetterQuery.after}. */
  id: string;
  consumer: string;
  eventId: string | null;
  subject: string;
  envelope: object | null;
  raw: string | null;
  error: string;
  deliveries: number;
  failedAt: Date;
  replayedAt: Date | null;
  replayCount: number;
}

export interface DeadLetterQuery {
  consumer?: string;
  /** Include dead letters already replayed successfully (default false). */
  includeReplayed?: boolean;
  /** At most this many, oldest first (default 50, at most 500). */
  limit?: number;
  /** Only dead letters after this id, the last one of the previous page. */
  after?: string;
}

export type ReplayResult = { ok: true; outcome: 'processed' | 'duplicate' } | { ok: false; error: string };

const COLUMNS = `id::text AS id, consumer, event_id AS "eventId", subject, envelope, raw, error, deliveries,
  failed_at AS "failedAt", replayed_at AS "replayedAt", replay_count AS "replayCount"`;

/** What a consumer gave up on, for an operator to see and, once the cause is fixed, replay. */
@Injectable()
export class DeadLetters {
  private readonly logger = new Logger(DeadLetters.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly server: JetStreamServer,
  ) {}

  list(query: DeadLetterQuery = {}): Promise<DeadLetter[]> {
    const limit = Math.min(Math.max(query.limit ?? 50, 1), 500);
    return this.dataSource.query<DeadLetter[]>(
      `SELECT ${COLUMNS} FROM dead_letter
       WHERE ($1::text IS NULL OR consumer = $1) AND ($2 OR replayed_at IS NULL) AND ($3::bigint IS NULL OR id > $3)
       ORDER BY id LIMIT $4`,
      [query.consumer ?? null, query.includeReplayed ?? false, query.after ?? null, limit],
    );
  }

  async get(id: string): Promise<DeadLetter | undefined> {
    const [found] = await this.dataSource.query<DeadLetter[]>(`SELECT ${COLUMNS} FROM dead_letter WHERE id = $1`, [id]);
    return found;
  }

  /**
   * Runs the consumer's handler again for the dead letter's event, through the inbox (so an event processed
   * meanwhile is not processed twice), and marks it replayed in the same transaction. Nothing is republished:
   * other consumers already have the event. A failing replay leaves the dead letter as it was.
   */
  async replay(id: string): Promise<ReplayResult> {
    const letter = await this.get(id);
    if (letter === undefined) return { ok: false, error: `No dead letter ${id}` };
    if (letter.envelope === null) return { ok: false, error: 'The message was not JSON; there is no event to replay' };
    const checked = validateEvent(letter.envelope);
    if (!checked.ok) return { ok: false, error: `The event is still invalid: ${checked.errors.join('; ')}` };
    try {
      const outcome = await this.server.replay(letter.consumer, checked.event, async (manager) => {
        await manager.query(
          'UPDATE dead_letter SET replayed_at = now(), replay_count = replay_count + 1 WHERE id = $1',
          [id],
        );
      });
      this.logger.log(`Dead letter ${id} (${letter.consumer}, event ${letter.eventId}) replayed: ${outcome}`);
      return { ok: true, outcome };
    } catch (e) {
      this.logger.warn(`Replay of dead letter ${id} (${letter.consumer}) failed: ${describeError(e)}`);
      return { ok: false, error: describeError(e) };
    }
  }
}

import { Logger } from '@nestjs/common';
import { headers } from '@nats-io/nats-core';
import type { DataSource } from 'typeorm';
import type { NatsBroker } from '../broker/nats-broker.js';
import { deadLetterSubjectFor } from '../transport/consumer-naming.js';

/** One message a consumer gives up on. */
export interface DeadLetterInput {
  consumer: string;
  subject: string;
  eventId: string | null;
  /** The parsed event when the message was JSON; otherwise `raw` holds its text. */
  envelope: object | null;
  raw: string | null;
  error: string;
  deliveries: number;
  data: Uint8Array;
  streamSeq: number;
}

/** Header names on the dead-letter copy; an operator's tooling reads them. */
export const DEAD_LETTER_HEADERS = {
  consumer: 'Baton-Consumer',
  error: 'Baton-Error',
  subject: 'Baton-Original-Subject',
} as const;

/**
 * Keeps a dead letter in the consumer's database (where it can be listed and replayed) and copies it to the
 * `_dlq` subject so operators watching the broker see it too.
 */
export class DeadLetterStore {
  private readonly logger = new Logger(DeadLetterStore.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly broker: NatsBroker,
    private readonly options: { service: string; subjectPrefix: string },
  ) {}

  /** Stores the row (throws when the database fails), then publishes the copy (logged when that fails). */
  async record(letter: DeadLetterInput): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO dead_letter (consumer, event_id, subject, envelope, raw, error, deliveries)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        letter.consumer,
        letter.eventId,
        letter.subject,
        letter.envelope === null ? null : JSON.stringify(letter.envelope),
        letter.raw,
        letter.error,
        letter.deliveries,
      ],
    );
    await this.publishCopy(letter).catch((e: unknown) =>
      this.logger.error(`Dead letter of ${letter.consumer} kept, but its _dlq copy failed: ${String(e)}`),
    );
  }

  private async publishCopy(letter: DeadLetterInput): Promise<void> {
    const h = headers();
    h.set(DEAD_LETTER_HEADERS.consumer, letter.consumer);
    h.set(DEAD_LETTER_HEADERS.subject, letter.subject);
    // Header values are one line of limited length.
    h.set(DEAD_LETTER_HEADERS.error, letter.error.replace(/\s+/g, ' ').slice(0, 1_000));
    const subject = deadLetterSubjectFor(this.options.subjectPrefix, this.options.service, letter.consumer);
    await this.broker.js.publish(subject, letter.data, {
      headers: h,
      msgID: `dlq-${letter.consumer}-${letter.streamSeq}`,
    });
  }
}

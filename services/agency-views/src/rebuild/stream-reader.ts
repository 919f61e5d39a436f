import { AckPolicy, DeliverPolicy, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import { validateEvent, type CloudEvent } from '@baton/contracts';

const FETCH_SIZE = 500;

/** A message read back from the stream: the event, or why it is not one the views could use. */
export type StreamedMessage = { seq: number } & ({ event: CloudEvent } | { skipped: string } | { other: true });

export interface StreamRange {
  stream: string;
  subjectPrefix: string;
  /** First sequence to read. */
  from: number;
  /** Last sequence to read (inclusive). */
  until: number;
  /** Aggregates wanted: messages of others are passed over unread (`other`), which saves parsing most of them. */
  aggregates: readonly string[];
}

/**
 * Reads the event stream from `from` to `until` in batches, through a temporary consumer that needs no acks
 * (nats-server 2.9 has no ordered-consumer API for this). Dead-letter copies and messages that are not valid
 * events are reported as skipped, as the live consumer would never apply them either.
 */
export async function* readStream(
  js: JetStreamClient,
  jsm: JetStreamManager,
  range: StreamRange,
): AsyncGenerator<StreamedMessage[]> {
  if (range.until < range.from) return;
  const { name } = await jsm.consumers.add(range.stream, {
    filter_subject: `${range.subjectPrefix}.>`,
    ack_policy: AckPolicy.None,
    deliver_policy: DeliverPolicy.StartSequence,
    opt_start_seq: range.from,
    inactive_threshold: nanos(60_000),
  });
  const consumer = await js.consumers.get(range.stream, name);
  try {
    for (;;) {
      const batch: StreamedMessage[] = [];
      let done = false;
      for await (const m of await consumer.fetch({ max_messages: FETCH_SIZE, expires: 2_000 })) {
        if (m.seq > range.until) {
          done = true;
          break;
        }
        const aggregate = m.subject.split('.')[2];
        batch.push({
          seq: m.seq,
          ...(range.aggregates.includes(aggregate) ? read(m.subject, m.string()) : { other: true as const }),
        });
        if (m.seq === range.until) done = true;
      }
      if (batch.length > 0) yield batch;
      if (done || batch.length === 0) return;
    }
  } finally {
    await consumer.delete().catch(() => undefined);
  }
}

function read(subject: string, text: string): { event: CloudEvent } | { skipped: string } {
  if (subject.split('.')[1]?.startsWith('_')) return { skipped: 'dead-letter copy' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { skipped: 'not JSON' };
  }
  const checked = validateEvent(raw);
  return checked.ok ? { event: checked.event } : { skipped: checked.errors.join('; ') };
}

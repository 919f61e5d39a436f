import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { CloudEvent } from '@baton/contracts';
import { ALL_EVENTS, JetStreamContext, OnEventBatch } from '@baton/messaging';
import { LedgerWriter } from './ledger-writer.js';

/** Most events appended per transaction: large enough that a backlog costs few commits, small enough to ack fast. */
const LEDGER_BATCH = 500;

/**
 * Every event on the stream goes into the ledger: domain events, access records, and well-formed events of types
 * this build's catalogue does not know yet (a newer producer's) — the ledger is the evidence, so nothing
 * well-formed is left out. Malformed events are dead-lettered by the transport.
 */
@Controller()
export class LedgerConsumer {
  constructor(private readonly writer: LedgerWriter) {}

  @OnEventBatch(ALL_EVENTS, { acceptUncatalogued: true, maxEvents: LEDGER_BATCH })
  async onEvents(@Payload() events: CloudEvent[], @Ctx() ctx: JetStreamContext): Promise<void> {
    // Through JSON, so the ledger keeps the envelope as it travelled (no class instances, no undefined fields).
    const asReceived = events.map((e) => JSON.parse(JSON.stringify(e)) as CloudEvent);
    await this.writer.append(ctx.manager, asReceived);
  }
}

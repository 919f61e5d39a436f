import { Inject, Injectable } from '@nestjs/common';
import { definitionOf, subjectFor, validateEvent, type CloudEvent } from '@baton/contracts';
import type { EntityManager } from 'typeorm';
import { MESSAGING_OPTIONS } from '../messaging.options.js';
import { activeTraceCarrier } from '../tracing/trace-context.js';
import { noteProducedEvents } from './produced-events.js';

/** Postgres allows 65 535 parameters a statement; seven a row leaves room for this many rows. */
const ROWS_PER_STATEMENT = 9_000;
const COLUMNS = ['id', 'aggregate_id', 'tenant', 'type', 'subject', 'envelope', 'trace_context'] as const;

/**
 * An event checked against its contract, as the outbox row's values: id, aggregate, tenant, type, subject, JSON, and
 * the trace context it was written in (JSON, or null when not traced).
 */
export type PreparedEvent = readonly [string, string, string, string, string, string, string | null];

/**
 * Writes events to the outbox in the caller's transaction, so they leave if and only if the state change that
 * produced them commits. Nothing is published here: the relay does that after commit.
 */
@Injectable()
export class Outbox {
  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: { subjectPrefix: string }) {}

  async append(manager: EntityManager, events: CloudEvent | CloudEvent[]): Promise<void> {
    const list = Array.isArray(events) ? events : [events];
    if (list.length === 0) return;
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('Outbox.append needs the EntityManager of an open transaction (see inTransaction)');
    }
    await this.insert(
      manager,
      list.map((event) => this.prepare(event)),
    );
    noteProducedEvents(list.map((event) => event.id));
  }

  /**
   * Writes events that go with no state change (records of access, say) in statements of their own, outside any
   * transaction: each INSERT is atomic by itself, one round trip instead of three. `LoneEvents` gathers them.
   */
  async appendAlone(manager: EntityManager, rows: readonly PreparedEvent[]): Promise<void> {
    if (manager.queryRunner?.isTransactionActive) {
      throw new Error('Outbox.appendAlone is for events with no transaction to join: use append inside one');
    }
    await this.insert(manager, rows);
  }

  private async insert(manager: EntityManager, rows: readonly PreparedEvent[]): Promise<void> {
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
      const values = chunk.map((_, r) => `(${COLUMNS.map((_c, c) => `$${r * COLUMNS.length + c + 1}`).join(', ')})`);
      await manager.query(`INSERT INTO outbox (${COLUMNS.join(', ')}) VALUES ${values.join(', ')}`, chunk.flat());
    }
  }

  /**
   * Checks an event against its contract and turns it into its outbox row, so that an event can be refused on its
   * own before it joins others in a shared statement. A producer's mistake is caught here, at the source, rather
   * than in every consumer's dead letters. The active trace context goes with it, so the relay continues the trace.
   */
  prepare(event: CloudEvent): PreparedEvent {
    const envelope = JSON.stringify(event);
    const checked = validateEvent(JSON.parse(envelope));
    if (!checked.ok) throw new Error(`Event ${event.id} (${event.type}) is invalid: ${checked.errors.join('; ')}`);
    const definition = definitionOf(event.type);
    if (definition === undefined) throw new Error(`Event type ${event.type} is not in the catalogue`);
    const subject = subjectFor(this.options.subjectPrefix, event.tenant, definition);
    const trace = activeTraceCarrier();
    return [event.id, event.subject, event.tenant, event.type, subject, envelope, trace && JSON.stringify(trace)];
  }
}

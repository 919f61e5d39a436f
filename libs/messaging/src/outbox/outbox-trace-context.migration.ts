import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each outbox row keeps the W3C trace context of the transaction that wrote it (`traceparent`, `tracestate`), so
 * the relay publishes the event in the same trace. Null when nothing was traced. Every service's outbox gets it
 * through `messagingMigrations`.
 */
export class AddOutboxTraceContext1796300000000 implements MigrationInterface {
  name = 'AddOutboxTraceContext1796300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ADD COLUMN trace_context jsonb NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox DROP COLUMN trace_context`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A notification keeps the W3C trace context of the event it came from, so each delivery attempt, made later by the
 * dispatcher, continues that event's trace. Null when nothing was traced.
 */
export class NotificationTraceContext1796300000410 implements MigrationInterface {
  name = 'NotificationTraceContext1796300000410';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification ADD COLUMN trace_context jsonb NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification DROP COLUMN trace_context`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDeadLetter1700000000003 implements MigrationInterface {
  name = 'CreateDeadLetter1700000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dead_letter (
        id bigserial PRIMARY KEY,
        consumer text NOT NULL,
        event_id text NULL,
        subject text NOT NULL,
        envelope jsonb NULL,
        raw text NULL,
        error text NOT NULL,
        deliveries int NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now(),
        replayed_at timestamptz NULL,
        replay_count int NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE INDEX dead_letter_consumer ON dead_letter (consumer, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dead_letter`);
  }
}

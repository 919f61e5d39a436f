import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The views follow one durable consumer per aggregate, so a single "applied up to" row cannot say where they
 * stand: the position is read from the consumers' acknowledgement floors in JetStream instead.
 */
export class DropViewPosition1764000000600 implements MigrationInterface {
  name = 'DropViewPosition1764000000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE view_position');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE view_position (projection text PRIMARY KEY, applied_seq bigint NOT NULL)');
    await q.query(`INSERT INTO view_position (projection, applied_seq) VALUES ('families', 0)`);
  }
}

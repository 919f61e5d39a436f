import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Marks each session scheduled beyond the 3 months a programme may run (CDA 1998 s.8(4)(b)) as it
 * is written, so the manager's exceptions list finds them by a small partial index instead of
 * joining every session to its programme.
 */
export class SessionBeyondProgramme1763900000301 implements MigrationInterface {
  name = 'SessionBeyondProgramme1763900000301';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE order_session ADD COLUMN programme_starts_on date');
    await runner.query(
      `UPDATE order_session s SET programme_starts_on = r.starts_on FROM order_requirement r WHERE r.id = s.requirement_id`,
    );
    await runner.query('ALTER TABLE order_session ALTER COLUMN programme_starts_on SET NOT NULL');
    await runner.query(
      `ALTER TABLE order_session ADD COLUMN beyond_programme_limit boolean
       GENERATED ALWAYS AS (session_on >= (programme_starts_on + interval '3 months')::date) STORED`,
    );
    await runner.query(
      'CREATE INDEX order_session_beyond_limit ON order_session (tenant, order_id) WHERE beyond_programme_limit',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX order_session_beyond_limit');
    await runner.query('ALTER TABLE order_session DROP COLUMN beyond_programme_limit');
    await runner.query('ALTER TABLE order_session DROP COLUMN programme_starts_on');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A service's copy of the break-glass grants (from `baton.break-glass.*` events), checked on every read. */
export class CreateBreakGlassGrantCopies1796500000000 implements MigrationInterface {
  name = 'CreateBreakGlassGrantCopies1796500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE break_glass_grant (
        grant_id uuid PRIMARY KEY,
        tenant text NOT NULL,
        family_id uuid NOT NULL,
        person_id text NOT NULL,
        agency_id text NOT NULL,
        reason text NOT NULL,
        expires_at timestamptz NOT NULL,
        ended_at timestamptz
      )`);
    await q.query(`CREATE INDEX break_glass_grant_grantee ON break_glass_grant (tenant, family_id, person_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE break_glass_grant`);
  }
}

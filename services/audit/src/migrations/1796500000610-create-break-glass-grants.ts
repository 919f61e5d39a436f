import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Break-glass grants, owned here: who asked for which family, why, until when, and when it was ended. */
export class CreateBreakGlassGrants1796500000610 implements MigrationInterface {
  name = 'CreateBreakGlassGrants1796500000610';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE break_glass_grant (
        grant_id uuid PRIMARY KEY,
        tenant text NOT NULL,
        family_id uuid NOT NULL,
        person_id text NOT NULL,
        person_name text NOT NULL,
        agency_id text NOT NULL,
        roles text[] NOT NULL,
        reason text NOT NULL,
        details text NOT NULL,
        granted_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        ended_at timestamptz,
        ended_by_person_id text,
        ended_by_agency_id text
      )`);
    await q.query(`CREATE INDEX break_glass_grant_by_time ON break_glass_grant (tenant, granted_at DESC, grant_id)`);
    await q.query(`CREATE INDEX break_glass_grant_by_family ON break_glass_grant (tenant, family_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE break_glass_grant`);
  }
}

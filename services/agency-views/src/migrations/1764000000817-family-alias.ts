import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One family, one identity: when a referral about a child already in a plan joins that plan
 * (`plan.concern-joined`), the family the referral was filed under is merged into the plan's. Each merge is kept
 * here, so an event still naming the old family — arriving late, redelivered, or read by a rebuild — folds into
 * the family it now belongs to.
 */
export class FamilyAlias1764000000817 implements MigrationInterface {
  name = 'FamilyAlias1764000000817';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE family_alias (
        tenant text NOT NULL,
        family_id uuid NOT NULL,
        merged_into uuid NOT NULL,
        merged_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant, family_id)
      )`);
    await q.query('CREATE INDEX family_alias_by_target ON family_alias (tenant, merged_into)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE family_alias');
  }
}

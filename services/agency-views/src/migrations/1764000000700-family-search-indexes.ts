import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Name and date-of-birth searches without walking an agency's whole list. A name word matches the start of any
 * name (`search_text LIKE '% word%'`), which a trigram index answers; btree_gin lets the same index narrow to the
 * agency first. A child's date of birth is matched with `child_dobs @> ARRAY[date]`, which a GIN index answers.
 * Both extensions are trusted, so the database's owner can create them without being a superuser.
 */
export class FamilySearchIndexes1764000000700 implements MigrationInterface {
  name = 'FamilySearchIndexes1764000000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await q.query('CREATE EXTENSION IF NOT EXISTS btree_gin');
    await q.query(
      'CREATE INDEX family_agency_name_search ON family_agency USING gin (tenant, agency_id, search_text gin_trgm_ops)',
    );
    await q.query('CREATE INDEX family_agency_child_dobs ON family_agency USING gin (child_dobs)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX family_agency_child_dobs');
    await q.query('DROP INDEX family_agency_name_search');
  }
}

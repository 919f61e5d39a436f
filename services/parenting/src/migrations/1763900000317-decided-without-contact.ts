import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Remembers, on each enforcement case, that its decision was recorded before the parent was contacted: contact
 * may be recorded afterwards, so it cannot be told from the columns later. Managers find these as exceptions.
 */
export class DecidedWithoutContact1763900000317 implements MigrationInterface {
  name = 'DecidedWithoutContact1763900000317';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'ALTER TABLE enforcement_case ADD COLUMN decided_without_contact boolean NOT NULL DEFAULT false',
    );
    await runner.query(
      `CREATE INDEX enforcement_case_decided_without_contact ON enforcement_case (tenant, holding_agency_id)
       WHERE decided_without_contact`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX enforcement_case_decided_without_contact');
    await runner.query('ALTER TABLE enforcement_case DROP COLUMN decided_without_contact');
  }
}

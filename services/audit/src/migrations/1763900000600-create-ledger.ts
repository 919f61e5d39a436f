import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only ledger: each entry's canonical text and the hashes chaining it, with lookup columns derived
 * from it by the writer (a deep verification re-derives and compares them). Triggers refuse UPDATE, DELETE and
 * TRUNCATE for every role, the table's owner included (grants alone do not bind an owner or superuser).
 */
export class CreateLedger1763900000600 implements MigrationInterface {
  name = 'CreateLedger1763900000600';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ledger_entry (
      tenant text NOT NULL,
      seq bigint NOT NULL,
      canonical text NOT NULL,
      prev_hash char(64) NOT NULL,
      hash char(64) NOT NULL,
      recorded_at timestamptz NOT NULL,
      event_id uuid NOT NULL UNIQUE,
      event_type text NOT NULL,
      source text NOT NULL,
      subject text NOT NULL,
      occurred_at timestamptz NOT NULL,
      actor text NOT NULL,
      actor_agency text,
      actor_role text,
      lawful_basis text,
      family_ids text[] NOT NULL,
      record_ids text[] NOT NULL,
      person_ids text[] NOT NULL,
      PRIMARY KEY (tenant, seq)
    )`);
    await runner.query('CREATE INDEX ledger_by_type ON ledger_entry (tenant, event_type, occurred_at)');
    await runner.query('CREATE INDEX ledger_by_family ON ledger_entry USING gin (family_ids)');
    await runner.query('CREATE INDEX ledger_by_record ON ledger_entry USING gin (record_ids)');
    await runner.query('CREATE INDEX ledger_by_person ON ledger_entry USING gin (person_ids)');
    await runner.query(
      'CREATE INDEX ledger_lawful_basis ON ledger_entry (tenant, occurred_at) WHERE lawful_basis IS NOT NULL',
    );
    await runner.query(`CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await runner.query(`CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
      FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change()`);
    await runner.query(`CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON ledger_entry
      FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change()`);
    await runner.query('REVOKE UPDATE, DELETE, TRUNCATE ON ledger_entry FROM PUBLIC');
    // The last position and hash of each tenant's chain; its row lock is the tenant's append lock.
    await runner.query(`CREATE TABLE ledger_head (
      tenant text PRIMARY KEY,
      seq bigint NOT NULL,
      hash char(64) NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE ledger_head');
    await runner.query('DROP TABLE ledger_entry');
    await runner.query('DROP FUNCTION ledger_refuse_change');
  }
}

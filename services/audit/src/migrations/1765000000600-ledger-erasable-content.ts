import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Entry form 2 (docs/decisions/0001): the chain covers each entry's link, which holds a salted digest of its
 * content, so the content and its salt can be erased and the chain still verifies. Form 1 rows keep verifying as
 * written (no link). The append-only trigger now lets exactly one change through: an erasure (the session's
 * `baton.ledger_erasure` set by `LedgerErasure`) that empties a form-2 row's content and salt and touches nothing
 * else. Any other UPDATE, every DELETE and TRUNCATE are still refused for every role.
 */
export class LedgerErasableContent1765000000600 implements MigrationInterface {
  name = 'LedgerErasableContent1765000000600';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ledger_entry
      ADD COLUMN link text,
      ADD COLUMN content_salt text,
      ALTER COLUMN canonical DROP NOT NULL`);
    await runner.query(`ALTER TABLE ledger_entry ADD CONSTRAINT ledger_entry_content_or_link
      CHECK (link IS NOT NULL OR canonical IS NOT NULL)`);
    await runner.query(`CREATE OR REPLACE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND coalesce(current_setting('baton.ledger_erasure', true), '') = 'on' THEN
          IF OLD.link IS NOT NULL AND NEW.canonical IS NULL AND NEW.content_salt IS NULL
             AND (to_jsonb(NEW) - 'canonical' - 'content_salt') = (to_jsonb(OLD) - 'canonical' - 'content_salt') THEN
            RETURN NEW;
          END IF;
        END IF;
        RAISE EXCEPTION 'the audit ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await runner.query(
      `CREATE INDEX ledger_with_content_by_family ON ledger_entry USING gin (family_ids) WHERE canonical IS NOT NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX ledger_with_content_by_family');
    await runner.query(`CREATE OR REPLACE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await runner.query('ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_content_or_link');
    await runner.query('ALTER TABLE ledger_entry DROP COLUMN content_salt, DROP COLUMN link');
    await runner.query('ALTER TABLE ledger_entry ALTER COLUMN canonical SET NOT NULL');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only ledger. Everything queryable about an entry is a column GENERATED from its canonical text,
 * so what the queries read can never disagree with what the hash covers. Triggers refuse UPDATE, DELETE and
 * TRUNCATE for every role, the table's owner included (grants alone do not bind an owner or superuser).
 */
export class CreateLedger1763900000600 implements MigrationInterface {
  name = 'CreateLedger1763900000600';

  async up(runner: QueryRunner): Promise<void> {
    // Event times are RFC 3339 with an offset (validated on the way in), so the cast does not depend on TimeZone.
    await runner.query(`CREATE FUNCTION ledger_timestamp(t text) RETURNS timestamptz
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT t::timestamptz $$`);
    // String values under the keys matching key_pattern, at any depth, plus string elements of arrays under them.
    await runner.query(`CREATE FUNCTION ledger_values(e jsonb, key_pattern text) RETURNS text[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(DISTINCT v ORDER BY v), '{}')
        FROM jsonb_path_query(e, 'strict $.**') AS o(node)
        CROSS JOIN LATERAL jsonb_each(CASE WHEN jsonb_typeof(o.node) = 'object' THEN o.node ELSE '{}' END) AS kv
        CROSS JOIN LATERAL (
          SELECT kv.value #>> '{}' AS v WHERE jsonb_typeof(kv.value) = 'string'
          UNION ALL
          SELECT x FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(kv.value) = 'array' THEN kv.value ELSE '[]' END) AS x
        ) AS found
        WHERE kv.key ~ key_pattern AND v IS NOT NULL
      $$`);
    await runner.query(`CREATE FUNCTION ledger_family_ids(e jsonb) RETURNS text[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT array(SELECT DISTINCT unnest(array_remove(ARRAY[e ->> 'familyid'], NULL) || ledger_values(e -> 'data', '^familyIds?$')) ORDER BY 1)
      $$`);
    // Records an entry is about: the aggregate (subject) of a domain event, the records an access touched, and
    // the ids of records the payload names (a decision on a referral, a plan opened from one...).
    await runner.query(`CREATE FUNCTION ledger_record_ids(e jsonb) RETURNS text[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT array(SELECT DISTINCT unnest(
          CASE WHEN e ->> 'type' LIKE 'baton.access.%' THEN '{}'::text[] ELSE ARRAY[e ->> 'subject'] END
          || ledger_values(e -> 'data', '^(recordIds|(referral|plan|order|contract)Ids|[A-Za-z]*(Referral|Plan|Order|Contract|Review|Enforcement)Id|(referral|plan|order|contract|review|enforcement)Id)$')
        ) ORDER BY 1)
      $$`);
    // People an entry names: children and carers in a payload, accessors, actors.
    await runner.query(`CREATE FUNCTION ledger_person_ids(e jsonb) RETURNS text[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT ledger_values(e -> 'data', '^(childId|carerId|personId|childIds|carerIds|personIds)$')
      $$`);
    await runner.query(`CREATE TABLE ledger_entry (
      canonical text NOT NULL,
      prev_hash char(64) NOT NULL,
      hash char(64) NOT NULL,
      tenant text GENERATED ALWAYS AS (canonical::jsonb ->> 'tenant') STORED NOT NULL,
      seq bigint GENERATED ALWAYS AS ((canonical::jsonb ->> 'seq')::bigint) STORED NOT NULL,
      recorded_at timestamptz GENERATED ALWAYS AS (ledger_timestamp(canonical::jsonb ->> 'recordedAt')) STORED NOT NULL,
      event_id uuid GENERATED ALWAYS AS ((canonical::jsonb #>> '{event,id}')::uuid) STORED NOT NULL,
      event_type text GENERATED ALWAYS AS (canonical::jsonb #>> '{event,type}') STORED NOT NULL,
      source text GENERATED ALWAYS AS (canonical::jsonb #>> '{event,source}') STORED NOT NULL,
      subject text GENERATED ALWAYS AS (canonical::jsonb #>> '{event,subject}') STORED NOT NULL,
      occurred_at timestamptz GENERATED ALWAYS AS (ledger_timestamp(canonical::jsonb #>> '{event,time}')) STORED NOT NULL,
      actor text GENERATED ALWAYS AS (canonical::jsonb #>> '{event,actor}') STORED NOT NULL,
      actor_agency text GENERATED ALWAYS AS (canonical::jsonb #>> '{event,actoragency}') STORED,
      actor_role text GENERATED ALWAYS AS (canonical::jsonb #>> '{event,actorrole}') STORED,
      lawful_basis text GENERATED ALWAYS AS (canonical::jsonb #>> '{event,data,lawfulBasis}') STORED,
      family_ids text[] GENERATED ALWAYS AS (ledger_family_ids(canonical::jsonb -> 'event')) STORED NOT NULL,
      record_ids text[] GENERATED ALWAYS AS (ledger_record_ids(canonical::jsonb -> 'event')) STORED NOT NULL,
      person_ids text[] GENERATED ALWAYS AS (ledger_person_ids(canonical::jsonb -> 'event')) STORED NOT NULL,
      PRIMARY KEY (tenant, seq),
      UNIQUE (event_id)
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
    await runner.query('DROP FUNCTION ledger_refuse_change, ledger_person_ids, ledger_record_ids, ledger_family_ids');
    await runner.query('DROP FUNCTION ledger_values, ledger_timestamp');
  }
}

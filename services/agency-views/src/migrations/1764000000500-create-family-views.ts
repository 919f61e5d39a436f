import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATEMENTS = [
  // Every event the views were folded from, kept so a family can be re-folded when any of its events arrives,
  // in whatever order: the fold reads them all, never a running total.
  `CREATE TABLE family_event (
      event_id uuid PRIMARY KEY,
      tenant text NOT NULL,
      family_id uuid NOT NULL,
      type text NOT NULL,
      aggregate_id text NOT NULL,
      stream_seq bigint NULL,
      envelope jsonb NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now()
    )`,
  `CREATE INDEX family_event_by_family ON family_event (tenant, family_id)`,
  `CREATE TABLE family_view (
      tenant text NOT NULL,
      family_id uuid NOT NULL,
      document jsonb NOT NULL,
      position bigint NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant, family_id)
    )`,
  `CREATE TABLE family_agency (
      tenant text NOT NULL,
      agency_id text NOT NULL,
      family_id uuid NOT NULL,
      relationships text[] NOT NULL,
      sort_name text NOT NULL,
      search_text text NOT NULL,
      child_dobs date[] NOT NULL,
      level_of_need smallint NULL,
      next_review_due date NULL,
      open_action_due date[] NOT NULL,
      earliest_action_due date NULL,
      has_order boolean NOT NULL,
      position bigint NOT NULL,
      PRIMARY KEY (tenant, agency_id, family_id)
    )`,
  `CREATE INDEX family_agency_list ON family_agency (tenant, agency_id, sort_name, family_id)`,
  `CREATE INDEX family_agency_by_family ON family_agency (tenant, family_id)`,
  `CREATE TABLE view_position (
      projection text PRIMARY KEY,
      applied_seq bigint NOT NULL
    )`,
  `INSERT INTO view_position (projection, applied_seq) VALUES ('families', 0)`,
];

export class CreateFamilyViews1764000000500 implements MigrationInterface {
  name = 'CreateFamilyViews1764000000500';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of STATEMENTS) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['view_position', 'family_agency', 'family_view', 'family_event']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plans and everything on them. The lead professional rule is the database's, not only the code's:
 * - `plan.lead_id` is NOT NULL and names a row of `plan_lead`;
 * - at most one `plan_lead` per plan has no end (`plan_one_current_lead`);
 * - a deferred constraint trigger checks, at commit, that an open plan's lead is its current one, and that a
 *   lead's time ends only when a successor's begins at that same instant or the plan closes then: no gap,
 *   no overlap;
 * - lead rows are never deleted.
 * A child is in at most one open plan per tenant (`plan_child_*_open`).
 */
export class CreatePlans1763900000200 implements MigrationInterface {
  name = 'CreatePlans1763900000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE plan (
      id uuid PRIMARY KEY,
      tenant text NOT NULL,
      family_id uuid NOT NULL,
      status text NOT NULL CHECK (status IN ('open', 'closed')),
      version integer NOT NULL CHECK (version >= 0),
      level_of_need smallint NOT NULL CHECK (level_of_need BETWEEN 1 AND 4),
      origin text NOT NULL CHECK (origin IN ('referral', 'practitioner')),
      opened_at timestamptz NOT NULL,
      opened_by jsonb NOT NULL,
      referral_ids uuid[] NOT NULL,
      children jsonb NOT NULL,
      carers jsonb NOT NULL,
      outcomes jsonb NOT NULL DEFAULT '[]',
      lead_id uuid NOT NULL,
      review_cadence_weeks smallint NOT NULL CHECK (review_cadence_weeks BETWEEN 6 AND 12),
      next_review_date date,
      last_review_date date,
      review_overdue_notified_for date,
      agreement jsonb NOT NULL,
      assessment_summary jsonb,
      closed_at timestamptz,
      closure jsonb,
      CHECK ((status = 'open') = (closed_at IS NULL)),
      CHECK (status = 'closed' OR next_review_date IS NOT NULL)
    )`);
    await runner.query('CREATE INDEX plan_family ON plan (tenant, family_id, opened_at)');
    await runner.query('CREATE INDEX plan_all ON plan (tenant, opened_at, id)');
    await runner.query(
      `CREATE INDEX plan_review_due ON plan (next_review_date) WHERE status = 'open'
         AND next_review_date IS DISTINCT FROM review_overdue_notified_for`,
    );

    await runner.query(`CREATE TABLE plan_lead (
      id uuid PRIMARY KEY,
      plan_id uuid NOT NULL REFERENCES plan (id),
      person_id text NOT NULL,
      name text NOT NULL,
      agency_id text NOT NULL,
      agency_name text NOT NULL,
      role text NOT NULL,
      email text NOT NULL,
      phone text,
      started_at timestamptz NOT NULL,
      ended_at timestamptz,
      handover_id uuid,
      previous_lead_id uuid UNIQUE REFERENCES plan_lead (id),
      CHECK (ended_at IS NULL OR ended_at >= started_at),
      CHECK (previous_lead_id IS DISTINCT FROM id)
    )`);
    await runner.query('CREATE UNIQUE INDEX plan_one_current_lead ON plan_lead (plan_id) WHERE ended_at IS NULL');
    await runner.query('CREATE UNIQUE INDEX plan_one_first_lead ON plan_lead (plan_id) WHERE previous_lead_id IS NULL');
    await runner.query('CREATE INDEX plan_lead_person ON plan_lead (person_id) WHERE ended_at IS NULL');
    await runner.query(`ALTER TABLE plan ADD CONSTRAINT plan_lead_fk FOREIGN KEY (lead_id)
      REFERENCES plan_lead (id) DEFERRABLE INITIALLY DEFERRED`);

    await runner.query(`CREATE FUNCTION plan_check_lead() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        p plan%ROWTYPE;
        l plan_lead%ROWTYPE;
        plan_of uuid;
      BEGIN
        IF TG_TABLE_NAME = 'plan' THEN
          plan_of := NEW.id;
        ELSE
          plan_of := NEW.plan_id;
        END IF;
        SELECT * INTO p FROM plan WHERE id = plan_of;
        IF NOT FOUND THEN RETURN NULL; END IF;
        SELECT * INTO l FROM plan_lead WHERE id = p.lead_id;
        IF l.plan_id IS DISTINCT FROM p.id THEN
          RAISE EXCEPTION 'plan % names a lead professional of another plan', p.id USING ERRCODE = '23514';
        END IF;
        IF p.status = 'open' AND l.ended_at IS NOT NULL THEN
          RAISE EXCEPTION 'open plan % has no current lead professional', p.id USING ERRCODE = '23514';
        END IF;
        IF p.status = 'closed' AND l.ended_at IS DISTINCT FROM p.closed_at THEN
          RAISE EXCEPTION 'closed plan % must end its lead''s time at closure', p.id USING ERRCODE = '23514';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM plan_lead f
                        WHERE f.plan_id = p.id AND f.previous_lead_id IS NULL AND f.started_at = p.opened_at) THEN
          RAISE EXCEPTION 'plan % has no lead professional from the moment it opened', p.id USING ERRCODE = '23514';
        END IF;
        -- Each later lead takes over from one predecessor of the same plan at the instant it ended: no overlap.
        IF EXISTS (
          SELECT 1 FROM plan_lead s JOIN plan_lead e ON e.id = s.previous_lead_id
           WHERE s.plan_id = p.id AND (e.plan_id <> p.id OR e.ended_at IS DISTINCT FROM s.started_at)
        ) THEN
          RAISE EXCEPTION 'plan % would have two lead professionals at once', p.id USING ERRCODE = '23514';
        END IF;
        -- A lead's time ends only when a successor's begins, or when the plan closes: no gap.
        IF EXISTS (
          SELECT 1 FROM plan_lead e
           WHERE e.plan_id = p.id AND e.ended_at IS NOT NULL
             AND NOT (p.status = 'closed' AND e.id = p.lead_id)
             AND NOT EXISTS (SELECT 1 FROM plan_lead s WHERE s.previous_lead_id = e.id)
        ) THEN
          RAISE EXCEPTION 'plan % would have a gap between lead professionals', p.id USING ERRCODE = '23514';
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(`CREATE CONSTRAINT TRIGGER plan_lead_rule AFTER INSERT OR UPDATE ON plan
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION plan_check_lead()`);
    await runner.query(`CREATE CONSTRAINT TRIGGER plan_lead_continuity AFTER INSERT OR UPDATE ON plan_lead
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION plan_check_lead()`);
    await runner.query(`CREATE FUNCTION plan_lead_never_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'lead professional history is never deleted' USING ERRCODE = '23514';
      END $$`);
    await runner.query(`CREATE TRIGGER plan_lead_keep BEFORE DELETE ON plan_lead
      FOR EACH ROW EXECUTE FUNCTION plan_lead_never_deleted()`);

    await runner.query(`CREATE TABLE plan_handover (
      id uuid PRIMARY KEY,
      plan_id uuid NOT NULL REFERENCES plan (id),
      status text NOT NULL CHECK (status IN ('proposed', 'accepted', 'declined', 'superseded', 'lapsed')),
      proposed_lead jsonb NOT NULL,
      family_preference jsonb NOT NULL,
      reason text,
      proposed_by jsonb NOT NULL,
      proposed_at timestamptz NOT NULL,
      decided_at timestamptz,
      decline_reason text
    )`);
    await runner.query(
      `CREATE UNIQUE INDEX plan_one_pending_handover ON plan_handover (plan_id) WHERE status = 'proposed'`,
    );

    await runner.query(`CREATE TABLE plan_member (
      id uuid PRIMARY KEY,
      plan_id uuid NOT NULL REFERENCES plan (id),
      tenant text NOT NULL,
      agency_id text NOT NULL,
      agency_name text NOT NULL,
      person_id text,
      contact_name text NOT NULL,
      role text NOT NULL,
      email text,
      phone text,
      joined_at timestamptz NOT NULL,
      left_at timestamptz
    )`);
    await runner.query(
      'CREATE UNIQUE INDEX plan_member_agency_once ON plan_member (plan_id, agency_id) WHERE left_at IS NULL',
    );
    await runner.query('CREATE INDEX plan_member_by_agency ON plan_member (tenant, agency_id) WHERE left_at IS NULL');

    await runner.query(`CREATE TABLE plan_action (
      id uuid PRIMARY KEY,
      plan_id uuid NOT NULL REFERENCES plan (id),
      outcome_id uuid NOT NULL,
      description text NOT NULL,
      owner_agency_id text NOT NULL,
      owner_person_id text,
      owner_name text,
      due_date date NOT NULL,
      status text NOT NULL CHECK (status IN ('not-started', 'in-progress', 'done', 'cancelled')),
      overdue_notified_for date,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
    await runner.query('CREATE INDEX plan_action_of_plan ON plan_action (plan_id, created_at)');
    await runner.query(
      `CREATE INDEX plan_action_due ON plan_action (due_date) WHERE status IN ('not-started', 'in-progress')
         AND due_date IS DISTINCT FROM overdue_notified_for`,
    );

    await runner.query(`CREATE TABLE plan_assessment (
      id uuid PRIMARY KEY,
      plan_id uuid NOT NULL REFERENCES plan (id),
      completed_at timestamptz NOT NULL,
      completed_by jsonb NOT NULL,
      recorded_at timestamptz NOT NULL,
      content jsonb NOT NULL,
      shared_with_agency_ids text[] NOT NULL
    )`);
    await runner.query('CREATE INDEX plan_assessment_of_plan ON plan_assessment (plan_id, recorded_at)');

    await runner.query(`CREATE TABLE plan_review (
      id uuid PRIMARY KEY,
      plan_id uuid NOT NULL REFERENCES plan (id),
      held_on date NOT NULL,
      attendees jsonb NOT NULL,
      progress jsonb NOT NULL,
      decisions text NOT NULL,
      next_review_date date NOT NULL,
      recorded_by jsonb NOT NULL,
      recorded_at timestamptz NOT NULL
    )`);
    await runner.query('CREATE INDEX plan_review_of_plan ON plan_review (plan_id, held_on)');

    // Children of open plans, to find the plan a new concern belongs to. Unique while open: never two plans.
    await runner.query(`CREATE TABLE plan_child (
      plan_id uuid NOT NULL REFERENCES plan (id),
      child_id uuid NOT NULL,
      tenant text NOT NULL,
      name_key text,
      nhs_number text,
      open boolean NOT NULL,
      PRIMARY KEY (plan_id, child_id)
    )`);
    await runner.query(
      'CREATE UNIQUE INDEX plan_child_name_open ON plan_child (tenant, name_key) WHERE open AND name_key IS NOT NULL',
    );
    await runner.query(
      'CREATE UNIQUE INDEX plan_child_nhs_open ON plan_child (tenant, nhs_number) WHERE open AND nhs_number IS NOT NULL',
    );

    // Referrals already turned into a plan (or joined to one): a redelivered decision changes nothing.
    await runner.query(`CREATE TABLE plan_referral (
      referral_id uuid PRIMARY KEY,
      plan_id uuid NOT NULL REFERENCES plan (id),
      joined_at timestamptz NOT NULL
    )`);

    await runner.query(`CREATE TABLE plan_timeline (
      seq bigserial PRIMARY KEY,
      plan_id uuid NOT NULL REFERENCES plan (id),
      tenant text NOT NULL,
      family_id uuid NOT NULL,
      at timestamptz NOT NULL,
      plan_version integer NOT NULL,
      type text NOT NULL,
      actor jsonb NOT NULL,
      summary text NOT NULL,
      details jsonb NOT NULL,
      visible_to text NOT NULL CHECK (visible_to IN ('all', 'lead', 'agency')),
      agency_id text,
      UNIQUE (plan_id, plan_version)
    )`);
    await runner.query('CREATE INDEX plan_timeline_of_plan ON plan_timeline (plan_id, seq)');
    await runner.query('CREATE INDEX plan_timeline_of_family ON plan_timeline (tenant, family_id, seq)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'plan_timeline',
      'plan_referral',
      'plan_child',
      'plan_review',
      'plan_assessment',
      'plan_action',
      'plan_member',
      'plan_handover',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
    await runner.query('ALTER TABLE plan DROP CONSTRAINT plan_lead_fk');
    await runner.query('DROP TRIGGER plan_lead_keep ON plan_lead');
    await runner.query('DROP TABLE plan_lead');
    await runner.query('DROP TABLE plan');
    await runner.query('DROP FUNCTION plan_lead_never_deleted()');
    await runner.query('DROP FUNCTION plan_check_lead()');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Orders, their requirements, sessions, compliance and enforcement; contracts; family involvement. */
export class CreateParenting1763900000300 implements MigrationInterface {
  name = 'CreateParenting1763900000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE parenting_order (
      id uuid PRIMARY KEY,
      tenant text NOT NULL,
      family_id uuid NOT NULL,
      state text NOT NULL CHECK (state IN ('in-force', 'discharged', 'quashed', 'expired', 'completed')),
      version integer NOT NULL DEFAULT 1,
      legal_basis text NOT NULL,
      applicant text NOT NULL,
      court_kind text NOT NULL,
      court_name text NOT NULL,
      appeal_route text NOT NULL,
      made_on date NOT NULL,
      requirements_end_on date NOT NULL,
      holding_agency_id text NOT NULL,
      holding_agency_kind text NOT NULL,
      officer_person_id text NOT NULL,
      officer jsonb NOT NULL,
      children jsonb NOT NULL,
      parents jsonb NOT NULL,
      grounds text NOT NULL,
      previous_parenting_order boolean NOT NULL,
      residential_findings jsonb,
      open_enforcement_cases integer NOT NULL DEFAULT 0,
      closed_on date,
      created_at timestamptz NOT NULL
    )`);
    await runner.query('CREATE INDEX parenting_order_family ON parenting_order (tenant, family_id)');
    await runner.query(
      'CREATE INDEX parenting_order_holder ON parenting_order (tenant, holding_agency_id, made_on, id)',
    );
    await runner.query(
      `CREATE INDEX parenting_order_open_past_end ON parenting_order (tenant, requirements_end_on)
       WHERE state = 'in-force'`,
    );

    await runner.query(`CREATE TABLE order_requirement (
      id uuid PRIMARY KEY,
      order_id uuid NOT NULL REFERENCES parenting_order (id),
      tenant text NOT NULL,
      kind text NOT NULL,
      description text NOT NULL,
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      setting text,
      created_at timestamptz NOT NULL
    )`);
    await runner.query('CREATE INDEX order_requirement_order ON order_requirement (order_id, starts_on)');

    await runner.query(`CREATE TABLE order_session (
      id uuid PRIMARY KEY,
      order_id uuid NOT NULL REFERENCES parenting_order (id),
      requirement_id uuid NOT NULL REFERENCES order_requirement (id),
      tenant text NOT NULL,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      session_on date NOT NULL,
      created_at timestamptz NOT NULL
    )`);
    await runner.query('CREATE INDEX order_session_order ON order_session (order_id, starts_at)');

    await runner.query(`CREATE TABLE order_compliance (
      id uuid PRIMARY KEY,
      order_id uuid NOT NULL REFERENCES parenting_order (id),
      requirement_id uuid NOT NULL REFERENCES order_requirement (id),
      session_id uuid REFERENCES order_session (id),
      tenant text NOT NULL,
      occurred_on date NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('complied', 'failed-reasonable-excuse', 'failed-without-excuse')),
      excuse text,
      notes text,
      recorded_by jsonb NOT NULL,
      recorded_at timestamptz NOT NULL
    )`);
    await runner.query('CREATE INDEX order_compliance_order ON order_compliance (order_id, occurred_on)');
    await runner.query(
      `CREATE INDEX order_compliance_excused ON order_compliance (tenant, occurred_on, order_id)
       WHERE outcome = 'failed-reasonable-excuse'`,
    );

    await runner.query(`CREATE TABLE enforcement_case (
      id uuid PRIMARY KEY,
      order_id uuid NOT NULL REFERENCES parenting_order (id),
      compliance_id uuid NOT NULL UNIQUE REFERENCES order_compliance (id),
      requirement_id uuid NOT NULL REFERENCES order_requirement (id),
      tenant text NOT NULL,
      holding_agency_id text NOT NULL,
      status text NOT NULL CHECK (status IN ('awaiting-contact', 'awaiting-decision', 'awaiting-approval', 'closed')),
      version integer NOT NULL DEFAULT 1,
      breach_on date NOT NULL,
      opened_at timestamptz NOT NULL,
      contact_due_at timestamptz NOT NULL,
      contacted_at timestamptz,
      contact_method text,
      contact_notes text,
      overdue_notified_at timestamptz,
      decision text CHECK (decision IN ('no-action', 'written-warning', 'prosecution-referral')),
      decision_reason text,
      decided_at timestamptz,
      decided_by_person_id text,
      decided_by jsonb,
      working_days_to_decision integer,
      approval text CHECK (approval IN ('approved', 'rejected')),
      approval_reason text,
      approved_at timestamptz,
      approved_by jsonb,
      CHECK (approved_by IS NULL OR approved_by->>'personId' IS DISTINCT FROM decided_by_person_id)
    )`);
    await runner.query('CREATE INDEX enforcement_case_order ON enforcement_case (order_id, opened_at)');
    await runner.query(
      `CREATE INDEX enforcement_case_breach ON enforcement_case (tenant, breach_on)
       INCLUDE (holding_agency_id, decision, working_days_to_decision)`,
    );
    await runner.query(
      `CREATE INDEX enforcement_case_awaiting_contact ON enforcement_case (contact_due_at)
       WHERE status = 'awaiting-contact' AND overdue_notified_at IS NULL`,
    );
    await runner.query(
      `CREATE INDEX enforcement_case_open ON enforcement_case (tenant, holding_agency_id, status, opened_at)
       WHERE status <> 'closed'`,
    );
    await runner.query(
      `CREATE INDEX enforcement_case_late_contact ON enforcement_case (tenant, holding_agency_id, opened_at)
       WHERE contacted_at IS NULL OR contacted_at > contact_due_at`,
    );

    await runner.query(`CREATE TABLE order_application (
      id uuid PRIMARY KEY,
      order_id uuid NOT NULL REFERENCES parenting_order (id),
      tenant text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('variation', 'discharge')),
      applicant text NOT NULL CHECK (applicant IN ('responsible-officer', 'parent')),
      applied_on date NOT NULL,
      details text NOT NULL,
      outcome text CHECK (outcome IN ('granted', 'refused', 'withdrawn')),
      decided_on date
    )`);
    await runner.query('CREATE INDEX order_application_order ON order_application (order_id)');

    await runner.query(`CREATE TABLE order_appeal (
      id uuid PRIMARY KEY,
      order_id uuid NOT NULL REFERENCES parenting_order (id),
      tenant text NOT NULL,
      route text NOT NULL,
      appellant text NOT NULL,
      lodged_on date NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('lodged', 'allowed', 'dismissed', 'abandoned')),
      decided_on date
    )`);
    await runner.query('CREATE INDEX order_appeal_order ON order_appeal (order_id)');

    // The order's chronology, written in the same transaction as each change, for the manager's timeline.
    await runner.query(`CREATE TABLE order_history (
      id bigserial PRIMARY KEY,
      order_id uuid NOT NULL REFERENCES parenting_order (id),
      at timestamptz NOT NULL,
      what text NOT NULL,
      actor jsonb NOT NULL,
      detail jsonb NOT NULL
    )`);
    await runner.query('CREATE INDEX order_history_order ON order_history (order_id, id)');

    await runner.query(`CREATE TABLE parenting_contract (
      id uuid PRIMARY KEY,
      tenant text NOT NULL,
      family_id uuid NOT NULL,
      kind text NOT NULL,
      ground text NOT NULL,
      state text NOT NULL,
      version integer NOT NULL DEFAULT 1,
      provider_agency_id text NOT NULL,
      provider_kind text NOT NULL,
      officer_person_id text NOT NULL,
      officer jsonb NOT NULL,
      children jsonb NOT NULL,
      parents jsonb NOT NULL,
      parent_requirements jsonb,
      support jsonb,
      period_starts_on date,
      period_ends_on date,
      offered_on date,
      parent_signed_on date,
      provider_signed_on date,
      signed_for_provider jsonb,
      refused_on date,
      refusal_reason text,
      ended_on date,
      end_reason text,
      chronology jsonb NOT NULL DEFAULT '[]',
      created_at timestamptz NOT NULL
    )`);
    await runner.query('CREATE INDEX parenting_contract_family ON parenting_contract (tenant, family_id)');

    // Who is involved with a family through its TAF plan: built from the taf service's plan events.
    await runner.query(`CREATE TABLE family_plan (
      plan_id uuid PRIMARY KEY,
      tenant text NOT NULL,
      family_id uuid NOT NULL,
      open boolean NOT NULL,
      lead_person_id text,
      lead_agency_id text,
      member_agency_ids text[] NOT NULL DEFAULT '{}',
      version integer NOT NULL
    )`);
    await runner.query('CREATE INDEX family_plan_family ON family_plan (tenant, family_id) WHERE open');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'family_plan',
      'parenting_contract',
      'order_history',
      'order_appeal',
      'order_application',
      'enforcement_case',
      'order_compliance',
      'order_session',
      'order_requirement',
      'parenting_order',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
